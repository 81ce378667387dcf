"""The admin, as a superuser, through the real views: every listing, add and edit form answers."""

import pytest
from django.urls import reverse
from django.utils.html import escape
from django_celery_beat.models import IntervalSchedule, PeriodicTask

from tests import factories

SNIPPETS = [
    pytest.param("publications", "theme", factories.ThemeFactory, id="Theme"),
    pytest.param("publications", "audience", factories.AudienceFactory, id="Audience"),
    pytest.param("publications", "publicationcollection", factories.PublicationCollectionFactory, id="Collection"),
    pytest.param("publications", "actionformat", factories.ActionFormatFactory, id="ActionFormat"),
    pytest.param("publications", "territory", factories.TerritoryFactory, id="Territory"),
    pytest.param("publications", "organisation", factories.OrganisationFactory, id="Organisation"),
    pytest.param("publications", "person", factories.PersonFactory, id="Person"),
    pytest.param("newsletters", "newsletterlist", factories.NewsletterListFactory, id="NewsletterList"),
]


def test_dashboard__answers(admin_client, home_page):
    response = admin_client.get("/admin/")

    assert response.status_code == 200


@pytest.mark.parametrize(("app", "model", "factory_class"), SNIPPETS)
def test_snippet_listing__answers(admin_client, app, model, factory_class):
    instance = factory_class()

    response = admin_client.get(f"/admin/snippets/{app}/{model}/")

    assert response.status_code == 200
    assert escape(str(instance)) in response.content.decode()


@pytest.mark.parametrize(("app", "model", "factory_class"), SNIPPETS)
def test_snippet_add_form__answers(admin_client, app, model, factory_class):
    response = admin_client.get(f"/admin/snippets/{app}/{model}/add/")

    assert response.status_code == 200


@pytest.mark.parametrize(("app", "model", "factory_class"), SNIPPETS)
def test_snippet_edit_form__answers(admin_client, app, model, factory_class):
    instance = factory_class()

    response = admin_client.get(f"/admin/snippets/{app}/{model}/edit/{instance.pk}/")

    assert response.status_code == 200


# Each page type with a way to build an allowed parent that still accepts one more child of that
# type (index pages are one per home page, the home page one per installation).
PAGE_TYPES = [
    pytest.param("publications", "homepage", factories.HomePageFactory, None, id="HomePage"),
    pytest.param(
        "publications",
        "programmeindexpage",
        factories.ProgrammeIndexPageFactory,
        lambda: factories.HomePageFactory(default_site=False),
        id="ProgrammeIndexPage",
    ),
    pytest.param(
        "publications",
        "publicationindexpage",
        factories.PublicationIndexPageFactory,
        lambda: factories.HomePageFactory(default_site=False),
        id="PublicationIndexPage",
    ),
    pytest.param(
        "publications",
        "podcastindexpage",
        factories.PodcastIndexPageFactory,
        lambda: factories.HomePageFactory(default_site=False),
        id="PodcastIndexPage",
    ),
    pytest.param(
        "publications",
        "experienceindexpage",
        factories.ExperienceIndexPageFactory,
        lambda: factories.HomePageFactory(default_site=False),
        id="ExperienceIndexPage",
    ),
    pytest.param(
        "newsletters",
        "newsletterindexpage",
        factories.NewsletterIndexPageFactory,
        lambda: factories.HomePageFactory(default_site=False),
        id="NewsletterIndexPage",
    ),
    pytest.param(
        "publications",
        "programmepage",
        factories.ProgrammePageFactory,
        factories.ProgrammeIndexPageFactory,
        id="ProgrammePage",
    ),
    pytest.param(
        "publications", "actionpage", factories.ActionPageFactory, factories.ProgrammePageFactory, id="ActionPage"
    ),
    pytest.param(
        "publications",
        "publicationpage",
        factories.PublicationPageFactory,
        factories.PublicationIndexPageFactory,
        id="PublicationPage",
    ),
    pytest.param(
        "publications",
        "podcastseriespage",
        factories.PodcastSeriesPageFactory,
        factories.PodcastIndexPageFactory,
        id="PodcastSeriesPage",
    ),
    pytest.param(
        "publications",
        "podcastseasonpage",
        factories.PodcastSeasonPageFactory,
        factories.PodcastSeriesPageFactory,
        id="PodcastSeasonPage",
    ),
    pytest.param(
        "publications",
        "podcastepisodepage",
        factories.PodcastEpisodePageFactory,
        factories.PodcastSeasonPageFactory,
        id="PodcastEpisodePage",
    ),
    pytest.param(
        "publications",
        "experiencepage",
        factories.ExperiencePageFactory,
        factories.ExperienceIndexPageFactory,
        id="ExperiencePage",
    ),
    pytest.param(
        "newsletters",
        "newsletterissuepage",
        factories.NewsletterIssuePageFactory,
        factories.NewsletterIndexPageFactory,
        id="NewsletterIssuePage",
    ),
]


@pytest.mark.parametrize(("app", "model", "factory_class", "parent_factory"), PAGE_TYPES)
def test_page_add_form__answers(admin_client, site_root, app, model, factory_class, parent_factory):
    parent = parent_factory() if parent_factory else site_root

    response = admin_client.get(f"/admin/pages/add/{app}/{model}/{parent.pk}/")

    assert response.status_code == 200


@pytest.mark.parametrize(("app", "model", "factory_class", "parent_factory"), PAGE_TYPES)
def test_page_edit_form__answers(admin_client, home_page, app, model, factory_class, parent_factory):
    page = home_page if factory_class is factories.HomePageFactory else factory_class()

    response = admin_client.get(f"/admin/pages/{page.pk}/edit/")

    assert response.status_code == 200
    assert response.context["page"].specific_class is page.specific_class


@pytest.mark.parametrize(
    ("url", "factory_class"),
    [
        pytest.param("/admin/programmes/", factories.ProgrammePageFactory, id="programmes"),
        pytest.param("/admin/programmes/?year=2024", factories.ProgrammePageFactory, id="programmes-filtered"),
        pytest.param("/admin/actions/", factories.ActionPageFactory, id="actions"),
        pytest.param("/admin/actions/?status=programmee", factories.ActionPageFactory, id="actions-filtered"),
        pytest.param("/admin/publications/", factories.PublicationPageFactory, id="publications"),
        pytest.param("/admin/publications/?live=true", factories.PublicationPageFactory, id="publications-filtered"),
        pytest.param("/admin/episodes/", factories.PodcastEpisodePageFactory, id="episodes"),
        pytest.param("/admin/episodes/?episode_type=full", factories.PodcastEpisodePageFactory, id="episodes-filtered"),
        pytest.param("/admin/experiences/", factories.ExperiencePageFactory, id="experiences"),
        pytest.param("/admin/experiences/?live=true", factories.ExperiencePageFactory, id="experiences-filtered"),
        pytest.param("/admin/newsletter_issues/", factories.NewsletterIssuePageFactory, id="newsletter_issues"),
        pytest.param(
            "/admin/newsletter_issues/?live=true",
            factories.NewsletterIssuePageFactory,
            id="newsletter_issues-filtered",
        ),
    ],
)
def test_content_listing__answers(admin_client, home_page, url, factory_class):
    page = factory_class(year=2024) if factory_class is factories.ProgrammePageFactory else factory_class()

    response = admin_client.get(url)

    assert response.status_code == 200
    assert escape(page.title) in response.content.decode()


def test_action_listing__filters_by_status(admin_client, home_page):
    scheduled = factories.ActionPageFactory(status="programmee", title="Séminaire des élu·e·s de mai")
    cancelled = factories.ActionPageFactory(status="annulee", title="Visite sur site annulée")

    response = admin_client.get("/admin/actions/?status=programmee")

    content = response.content.decode()
    assert response.status_code == 200
    assert escape(scheduled.title) in content
    assert escape(cancelled.title) not in content


def test_periodic_task_listing__answers(admin_client, db):
    every_hour = IntervalSchedule.objects.create(every=1, period=IntervalSchedule.HOURS)
    PeriodicTask.objects.create(name="Envoi des lettres programmées", task="newsletters.send_due", interval=every_hour)

    response = admin_client.get(reverse("django_celery_beat_periodictask_modeladmin_index"))

    assert response.status_code == 200
    assert "Envoi des lettres programmées" in response.content.decode()


@pytest.mark.parametrize(
    ("url", "factory_class"),
    [
        pytest.param("/admin/images/", factories.CustomImageFactory, id="images"),
        pytest.param("/admin/documents/", factories.CustomDocumentFactory, id="documents"),
        pytest.param("/admin/media/", factories.CustomMediaFactory, id="media"),
    ],
)
def test_library_listing__answers(admin_client, url, factory_class):
    instance = factory_class()

    response = admin_client.get(url)

    assert response.status_code == 200
    assert escape(instance.title) in response.content.decode()
