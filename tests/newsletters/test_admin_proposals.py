"""« Proposer des contenus »: what the site published since the previous issue, accepted into a new draft."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from editorial import roles
from newsletters.models import NewsletterIssuePage
from tests import factories
from tests.conftest import MODEL_BACKEND
from tests.editorial.workflow import page_submit
from tests.users import user_with_role

PREVIOUS_ISSUE_DATE = datetime.date(2024, 5, 1)


def published(page: Page, when: datetime.datetime) -> Page:
    Page.objects.filter(pk=page.pk).update(first_published_at=when)
    return page


def after_previous(days: int = 3) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(PREVIOUS_ISSUE_DATE, datetime.time(9))) + datetime.timedelta(
        days=days
    )


@pytest.fixture
def issue(home_page):
    resonances = factories.NewsletterListFactory(name="Résonances")
    factories.NewsletterIssuePageFactory(newsletter_list=resonances, number=197, issue_date=PREVIOUS_ISSUE_DATE)
    issue = factories.NewsletterIssuePageFactory(
        newsletter_list=resonances,
        number=198,
        issue_date=datetime.date(2024, 6, 1),
        sections=[
            (
                "moves",
                {
                    "heading": "Mouvements",
                    "items": [{"person": "Nadia Benali", "new_post": "Cheffe de projet", "place": ""}],
                },
            )
        ],
    )
    issue.save_revision().publish()
    return issue


@pytest.fixture
def content(issue):
    """New and old pages of each kind, published, draft and private."""
    now = timezone.now()
    pages = {
        "new_publication": published(
            factories.PublicationPageFactory(title="Repères pour agir n° 12"), after_previous()
        ),
        "old_publication": published(factories.PublicationPageFactory(title="Cahier ancien"), after_previous(-30)),
        "draft_publication": published(
            factories.PublicationPageFactory(title="Publication en brouillon", live=False), after_previous()
        ),
        "private_publication": published(factories.PublicationPageFactory(title="Note interne"), after_previous()),
        "episode": published(factories.PodcastEpisodePageFactory(title="Penser le 9-3, épisode 4"), after_previous()),
        "experience": published(
            factories.ExperiencePageFactory(title="Un conseil citoyen à Sarcelles"), after_previous()
        ),
        "soon": factories.ActionPageFactory(title="Séminaire des élu·e·s : santé mentale"),
        "later": factories.ActionPageFactory(title="Journée d'étude dans trois mois"),
        "cancelled": factories.ActionPageFactory(title="Atelier annulé"),
    }
    PageViewRestriction.objects.create(page=pages["private_publication"], restriction_type="login")
    factories.ActionSessionFactory(page=pages["soon"], starts_at=now + datetime.timedelta(days=14))
    factories.ActionSessionFactory(page=pages["later"], starts_at=now + datetime.timedelta(weeks=12))
    factories.ActionSessionFactory(page=pages["cancelled"], starts_at=now + datetime.timedelta(days=7), cancelled=True)
    return pages


def url(issue) -> str:
    return reverse("newsletters_proposals", args=[issue.pk])


def latest_items(issue) -> list:
    draft = NewsletterIssuePage.objects.get(pk=issue.pk).get_latest_revision_as_object()
    return [(section.block_type, item) for section in draft.sections for item in section.value.get("items", [])]


def test_proposals__lists_new_public_content_since_the_previous_issue(editor_client, issue, content):
    response = editor_client.get(url(issue))

    proposed = {proposal.page.pk for proposal in response.context["proposals"]}
    expected = {content[key].pk for key in ("new_publication", "episode", "experience", "soon")}
    assert proposed == expected
    body = response.content.decode()
    assert "Séminaire des élu·e·s : santé mentale" in body
    assert "Publication en brouillon" not in body
    assert "Note interne" not in body


def test_proposals__without_previous_issue_looks_back_sixty_days(editor_client, home_page):
    issue = factories.NewsletterIssuePageFactory(number=1)
    issue.save_revision()
    recent = published(factories.PublicationPageFactory(title="Récente"), timezone.now() - datetime.timedelta(days=20))
    published(factories.PublicationPageFactory(title="Trop ancienne"), timezone.now() - datetime.timedelta(days=90))

    response = editor_client.get(url(issue))

    assert [proposal.page.pk for proposal in response.context["proposals"]] == [recent.pk]


def test_proposals__accepted_items_go_to_a_new_draft_revision_never_published(editor_client, issue, content):
    live_before = issue.sections.get_prep_value()
    revisions_before = issue.revisions.count()

    response = editor_client.post(
        url(issue), {"pages": [content["new_publication"].pk, content["soon"].pk]}, follow=True
    )

    assert "2 contenus ajoutés au brouillon du numéro." in response.content.decode()
    issue.refresh_from_db()
    assert issue.revisions.count() == revisions_before + 1
    assert issue.has_unpublished_changes
    assert issue.sections.get_prep_value() == live_before, "the live issue is unchanged"
    items = latest_items(issue)
    assert items[0][0] == "moves"
    added = [(kind, item["page"].pk, item["tag"]) for kind, item in items[1:]]
    assert [(kind, page_id) for kind, page_id, _ in added] == [
        ("centre_news", content["new_publication"].pk),
        ("centre_news", content["soon"].pk),
    ]
    assert added[0][2] == "Publication"
    assert added[1][2].startswith(content["soon"].format.name + ", ")


def test_proposals__appends_to_an_existing_centre_news_section_and_stops_proposing_it(editor_client, issue, content):
    draft = issue.get_latest_revision_as_object()
    draft.sections = [
        (
            "centre_news",
            {
                "heading": "L'actu du Pôle",
                "items": [{"tag": "", "page": None, "title": "Déjà là", "summary": "", "url": ""}],
            },
        )
    ]
    draft.save_revision()

    editor_client.post(url(issue), {"pages": [content["episode"].pk]})

    items = latest_items(issue)
    assert [item["title"] or item["page"].title for _, item in items] == ["Déjà là", "Penser le 9-3, épisode 4"]
    proposed = {proposal.page.pk for proposal in editor_client.get(url(issue)).context["proposals"]}
    assert content["episode"].pk not in proposed


@pytest.mark.parametrize(
    "forged",
    [
        "999999",
        "draft_publication",
        "private_publication",
        "old_publication",
        "later",
        "cancelled",
        "abc",
        "1 OR 1=1",
        "-1",
        "",
    ],
)
def test_proposals__forged_or_hidden_ids_are_refused(editor_client, issue, content, forged):
    value = str(content[forged].pk) if forged in content else forged
    revisions_before = issue.revisions.count()

    response = editor_client.post(url(issue), {"pages": [str(content["new_publication"].pk), value]})

    body = response.content.decode()
    assert response.status_code == 200
    assert "Aucun contenu n&#x27;a été ajouté : corrigez votre choix." in body
    assert "ne fait pas partie des propositions" in body or "Cochez au moins un contenu" in body
    assert issue.revisions.count() == revisions_before


def test_proposals__nothing_ticked_is_refused(editor_client, issue, content):
    response = editor_client.post(url(issue), {})

    assert "Cochez au moins un contenu à ajouter." in response.content.decode()


def test_proposals__page_locked_by_someone_else_is_refused(editor_client, issue, content, home_page):
    other = user_with_role("louis.moreau", roles.REVIEWERS)
    Page.objects.filter(pk=issue.pk).update(locked=True, locked_by=other, locked_at=timezone.now())
    revisions_before = issue.revisions.count()

    response = editor_client.post(url(issue), {"pages": [content["new_publication"].pk]}, follow=True)

    assert "Ce numéro est verrouillé : il ne peut pas être modifié pour le moment." in response.content.decode()
    assert issue.revisions.count() == revisions_before


def test_proposals__issue_in_review_is_refused_to_its_editor(editor_client, team, issue, content):
    page_submit(issue, user=team.editor)
    revisions_before = issue.revisions.count()

    response = editor_client.post(url(issue), {"pages": [content["new_publication"].pk]}, follow=True)

    assert "Ce numéro est verrouillé" in response.content.decode()
    assert issue.revisions.count() == revisions_before


def test_proposals__refused_to_users_who_cannot_edit(client, issue, content):
    client.force_login(user_with_role("claire.dubois", roles.BOARD), backend=MODEL_BACKEND)
    revisions_before = issue.revisions.count()

    response = client.post(url(issue), {"pages": [content["new_publication"].pk]})

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert issue.revisions.count() == revisions_before


def test_proposals__forged_issue_id_is_not_found(editor_client, home_page):
    assert editor_client.get(reverse("newsletters_proposals", args=[999_999])).status_code == 404
