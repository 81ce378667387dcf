"""Each document's content, computed from built data: structure and figures exact."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone
from wagtail.models import Site

from legal.models import LegalInformation
from publications.models import SiteIdentity
from registrations.models import Attendance
from reports import selectors
from reports.attendance import participation_of
from reports.selectors import (
    FIGURE_ACTIONS,
    FIGURE_EPISODES,
    FIGURE_ISSUES,
    FIGURE_PARTICIPANTS,
    FIGURE_PUBLICATIONS,
    FIGURE_SESSIONS,
    FIGURE_SUBSCRIBERS,
    NOT_GIVEN,
)
from tests.factories import ActionPageFactory, CustomImageFactory
from tests.factories.subscribers import SubscriptionFactory

pytestmark = pytest.mark.django_db

AT = datetime.date(2017, 3, 24)


def _titles(section):
    return [entry.title for entry in section.actions]


def test_programme_booklet__axes_sub_axes_and_actions_in_order(built):
    booklet = selectors.programme_booklet(programme=built.programme, at=AT)

    assert booklet.centre.name == "Institut régional de la ville"
    assert booklet.introduction == ["Un programme pour toute la région.", "Trois fils rouges."]
    assert [(axis.number, axis.title) for axis in booklet.axes] == [
        ("1", "Valeurs de la République"),
        ("2", "Faire société"),
    ]
    assert [(sub.number, sub.title) for sub in booklet.axes[1].sub_axes] == [
        ("2.1", "Écouter la parole"),
        ("2.2", "Lutter contre les vulnérabilités"),
    ]
    # The draft is not the centre's word yet; the masterclass is listed under both sub-axes.
    assert _titles(booklet.axes[0]) == ["Plan de formation « Valeurs de la République et laïcité »"]
    assert _titles(booklet.axes[1]) == ["Refonte du site internet"]
    assert _titles(booklet.axes[1].sub_axes[0]) == ["La masterclass citoyenne"]
    assert _titles(booklet.axes[1].sub_axes[1]) == ["La masterclass citoyenne"]
    assert [entry.title for entry in booklet.other_actions] == ["Conseil d'orientation"]
    assert booklet.cycles == [("Parcours citoyen", ["La masterclass citoyenne"])]
    # The 2016 publication is not of the programme's year.
    assert len(booklet.publications) == 1
    assert booklet.publications[0].endswith(" — Repères pour agir : la laïcité (01/03/2017)")


def test_programme_booklet__action_facts(built):
    booklet = selectors.programme_booklet(programme=built.programme, at=AT)
    masterclass = booklet.axes[1].sub_axes[0].actions[0]

    assert masterclass.format == "Masterclass"
    assert masterclass.cycle == "Parcours citoyen"
    assert masterclass.dates == ["05/04/2017, 14h00, Bourse du travail"]
    assert masterclass.animators == ["Inès Martin (animation)"]
    assert [(line.funder, line.kind, line.year, line.amount) for line in masterclass.fundings] == [
        ("Caisse des Dépôts", "Subvention", 2017, None),
        ("Préfecture du Nord", "Prestation", 2017, Decimal("3500.50")),
    ]
    website = booklet.axes[1].actions[0]
    assert website.dates == []
    assert website.tentative_period == "septembre 2017"


def test_progress_review__status_notes_and_indicators_at_the_date(built):
    review = selectors.progress_review(programme=built.programme, at=AT)
    training = review.axes[0].actions[0]

    assert review.title == "Point d'avancement au 24/03/2017"
    assert training.status == "En cours"
    assert [note.text for note in training.progress] == ["Formation de formateur·rice·s.", "730 personnes formées."]
    assert training.findings == "Après les attentats, un plan national."
    trained, sessions = training.indicators
    assert (trained.name, trained.value, trained.value_date, trained.target) == (
        "personnes formées",
        730,
        datetime.date(2017, 3, 23),
        2000,
    )
    assert (trained.projection, trained.projection_note) == (1586, "estimées fin 2017")
    assert (sessions.value, sessions.target) == (57, None)


def test_progress_review__an_earlier_date_shows_the_earlier_state(built):
    review = selectors.progress_review(programme=built.programme, at=datetime.date(2017, 3, 1))
    training = review.axes[0].actions[0]

    assert training.status == "En préparation"
    assert [note.text for note in training.progress] == ["Formation de formateur·rice·s."]
    assert training.indicators[0].value == 313
    assert training.indicators[1].value is None


def test_activity_report__figures_exact(built):
    SubscriptionFactory(confirmed_at=selectors._bounds(AT, AT)[0] - datetime.timedelta(days=30))
    SubscriptionFactory(confirmed_at=selectors._bounds(AT, AT)[0] + datetime.timedelta(days=400))

    report = selectors.activity_report(start=datetime.date(2017, 1, 1), end=datetime.date(2017, 12, 31))

    # Two actions held sessions in 2017: the cancelled session and the 2018 one do not count.
    assert report.figure(FIGURE_ACTIONS) == 2
    assert report.figure(FIGURE_SESSIONS) == 3
    # 730 counted by hand + 4 confirmed registrations (cancelled and waiting ones do not attend).
    assert report.figure(FIGURE_PARTICIPANTS) == 734
    assert report.figure(FIGURE_PUBLICATIONS) == 1
    assert report.figure(FIGURE_ISSUES) == 0
    assert report.figure(FIGURE_SUBSCRIBERS) == 1
    assert report.figure(FIGURE_EPISODES) == 0
    assert [(c.label, c.value) for c in report.participants_by_role] == [
        (NOT_GIVEN, 731),
        ("Conseiller·e citoyen·ne", 2),
        ("Élu·e", 1),
    ]
    assert [(c.label, c.value) for c in report.participants_by_territory] == [
        (NOT_GIVEN, 731),
        ("Roubaix", 2),
        ("Lille", 1),
    ]
    assert [(c.label, c.value) for c in report.participants_by_format] == [
        ("Journées de formation", 730),
        ("Masterclass", 4),
    ]
    assert [(c.label, c.value) for c in report.participants_by_axis] == [
        ("Valeurs de la République", 730),
        ("Écouter la parole", 4),
    ]
    assert report.territory_names == {
        "Région": ["Hauts-de-France"],
        "Commune": ["Lille", "Roubaix"],
        "Quartier prioritaire": ["Alma-Gare"],
    }
    assert [
        (section.funder, [title for title, _line in section.actions], section.total) for section in report.funders
    ] == [
        ("Caisse des Dépôts", ["La masterclass citoyenne"], None),
        (
            "Préfecture du Nord",
            ["La masterclass citoyenne", "Plan de formation « Valeurs de la République et laïcité »"],
            Decimal("15500.50"),
        ),
    ]


def test_activity_report__a_period_with_no_data(built):
    report = selectors.activity_report(start=datetime.date(2030, 1, 1), end=datetime.date(2030, 1, 31))

    assert all(count.value == 0 for count in report.figures)
    assert report.funders == []
    assert report.participants_by_role == []
    assert report.territories_reached == []


def test_programme_booklet__a_thousand_actions_in_bounded_queries(built, django_assert_max_num_queries):
    for number in range(60):
        ActionPageFactory(parent=built.programme, title=f"Action n° {number}", axis=built.axes[0])

    with django_assert_max_num_queries(20):
        booklet = selectors.programme_booklet(programme=built.programme, at=AT)

    assert len(booklet.axes[0].actions) == 61


@pytest.fixture
def site_settings(built, settings, tmp_path):
    """The default site's identity with its header logo, and its « Informations légales »."""
    settings.MEDIA_ROOT = str(tmp_path)
    site = Site.objects.get(is_default_site=True)
    logo = CustomImageFactory(title="Logo du site")
    SiteIdentity.objects.create(site=site, logo=logo)
    LegalInformation.objects.create(site=site, publisher_name="Pôle ressources (exemple)")
    return logo


def _file_bytes(image):
    with image.file.open("rb") as handle:
        return handle.read()


def test_centre__the_programme_s_centre_with_its_own_logo(built, site_settings):
    own = CustomImageFactory(title="Logo de l'IREV", file__color="#aa0000")
    built.programme.centre.logo = own
    built.programme.centre.save()

    centre = selectors.programme_booklet(programme=built.programme, at=AT).centre

    assert centre.name == "Institut régional de la ville"
    assert centre.logo == _file_bytes(own)
    assert centre.logo != _file_bytes(site_settings)


def test_centre__without_a_logo_of_its_own_the_site_s(built, site_settings):
    centre = selectors.progress_review(programme=built.programme, at=AT).centre

    assert (centre.name, centre.logo) == ("Institut régional de la ville", _file_bytes(site_settings))


def test_centre__the_activity_report_signs_with_the_legal_publisher_and_the_site_logo(built, site_settings):
    centre = selectors.activity_report(start=datetime.date(2017, 1, 1), end=datetime.date(2017, 12, 31)).centre

    assert (centre.name, centre.logo) == ("Pôle ressources (exemple)", _file_bytes(site_settings))


def test_centre__without_settings_the_site_s_name_and_no_logo(built):
    site = Site.objects.get(is_default_site=True)
    site.site_name = "Centre des élu·e·s"
    site.save()

    centre = selectors.activity_report(start=datetime.date(2017, 1, 1), end=datetime.date(2017, 12, 31)).centre

    assert (centre.name, centre.logo) == ("Centre des élu·e·s", b"")


def test_centre__a_logo_whose_file_is_gone_leaves_the_cover_without_one(built, site_settings):
    site_settings.file.storage.delete(site_settings.file.name)

    assert selectors.progress_review(programme=built.programme, at=AT).centre.logo == b""


def test_programme_booklet__rich_text_entities_become_characters(built):
    built.programme.introduction = "<p>Jusqu&#x27;ici &amp; au-delà : l&rsquo;équipe.</p><p>&lt;script&gt;</p>"
    built.programme.save()

    booklet = selectors.programme_booklet(programme=built.programme, at=AT)

    assert booklet.introduction == ["Jusqu'ici & au-delà : l’équipe.", "<script>"]


def test_participants__a_registration_not_ticked_present_is_not_counted(built):
    start = timezone.make_aware(datetime.datetime(2017, 1, 1))
    end = timezone.make_aware(datetime.datetime(2018, 1, 1))
    before = participation_of(actions=[built.masterclass], start=start, end=end).per_action[built.masterclass.pk]
    Attendance.objects.filter(registration__name="Awa Diallo").update(attended=False)
    after = participation_of(actions=[built.masterclass], start=start, end=end).per_action[built.masterclass.pk]
    assert (before, after) == (4, 3)
