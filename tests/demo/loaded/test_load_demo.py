"""The demo command builds the whole believable site, and a second run duplicates nothing."""

import datetime as dt
import html
import re
from collections import Counter
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone
from wagtail.models import Page, Site

from assets.models import CustomMedia
from centres.models import Centre
from demo.builders import programmes as programme_builder
from demo.builders.common import demo_today
from demo.loader import demo_data_read
from newsletters.models import NewsletterIssuePage
from publications.models import (
    AboutPage,
    ActionFormat,
    ActionOrganisation,
    ActionPage,
    ActionProgressNote,
    ActionSession,
    AgendaPage,
    ExperiencePage,
    HomePage,
    PodcastEpisodePage,
    PodcastSeasonPage,
    ProgrammeIndexPage,
    ProgrammePage,
    PublicationPage,
    SiteIdentity,
)
from publications.models.actions import ActionStatus, AttendanceMode
from publications.selectors import AgendaFilters, agenda_sessions, upcoming_sessions
from registrations.models import Registration, RegistrationSettings, RegistrationStatus
from tests.demo.loaded.counts import demo_counts
from tests.html import parse, section, text
from tests.sites import centre_site, page_get, page_host

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_media")]

PB = "profession-banlieue"


def test_load_demo__twice_duplicates_nothing(demo_site):
    first, second, _ = demo_site
    assert first == second


def test_load_demo__profession_banlieue_2017_has_six_axes_and_25_actions(demo_site):
    programme = ProgrammePage.objects.get(year=2017, centre__name="Profession Banlieue")
    assert programme.axes.count() == 6
    actions = ActionPage.objects.child_of(programme)
    assert actions.count() >= 25
    assert actions.exclude(people=None).count() >= 10, "actions name their animators"
    assert len({action.format_id for action in actions}) >= 5


def test_load_demo__every_centre_programme_is_there(demo_site):
    years = Counter(ProgrammePage.objects.values_list("year", flat=True))
    assert {2015, 2017, 2023} <= set(years)
    assert years[2017] >= 2, "Profession Banlieue and IREV both have a 2017 programme"


def test_load_demo__formats_carry_definitions(demo_site):
    assert ActionFormat.objects.count() >= 15
    assert ActionFormat.objects.exclude(description="").count() >= 10


def test_load_demo__irev_actions_have_progress_and_funders(demo_site):
    irev = ActionPage.objects.filter(axis__page__centre__acronym="IREV")
    assert irev.count() >= 5
    assert ActionProgressNote.objects.filter(page__in=irev).count() >= 5
    assert irev.exclude(funding_note="").exists()
    assert irev.filter(participants_target__isnull=False).exists()


def test_load_demo__2023_events_are_dated_and_one_continues_2017(demo_site):
    sessions = ActionSession.objects.filter(starts_at__year=2023)
    assert sessions.count() >= 3
    assert sessions.filter(attendance_mode__in=["online", "mixed"]).exists()
    assert ActionPage.objects.filter(continues__isnull=False).exists()


def test_load_demo__podcast_has_two_seasons_with_real_audio(demo_site):
    assert PodcastSeasonPage.objects.count() >= 2
    episodes = PodcastEpisodePage.objects.select_related("audio")
    assert episodes.count() >= 6
    for episode in episodes:
        assert episode.audio.duration > 5
        assert episode.audio.file_size == episode.audio.file.size
        episode.full_clean()


def test_load_demo__audio_is_mp3_that_apple_podcasts_accepts(demo_site):
    for media in CustomMedia.objects.filter(type="audio"):
        assert media.file.name.endswith(".mp3"), media.file.name
        assert media.mime_type == "audio/mpeg"
        with media.file.open("rb") as stream:
            head = stream.read(3)
        assert head == b"ID3" or head[:2] == b"\xff\xfb", head


def test_load_demo__season_titles_name_the_season_once(demo_site):
    titles = sorted(PodcastSeasonPage.objects.values_list("title", flat=True))
    assert titles == ["Saison 1 : la recherche en balade", "Saison 2 : héritages"]


def test_load_demo__preheaders_are_cut_after_a_whole_word(demo_site):
    rows = {row["number"]: row.get("preheader", "") for row in demo_data_read("newsletters")["issues"]}
    for issue in NewsletterIssuePage.objects.all():
        written = " ".join(rows[issue.number].split())
        assert len(issue.preheader) <= 150
        if issue.preheader != written:
            assert issue.preheader.endswith("…"), issue.preheader
            assert written.startswith(issue.preheader[:-1] + " "), issue.preheader


def test_load_demo__every_site_has_an_identity_with_logo_coordinates_partners_and_funders(demo_site):
    identities = SiteIdentity.objects.select_related("site")
    assert {identity.site for identity in identities} == set(Site.objects.all())
    for identity in identities:
        assert identity.logo is not None
        assert identity.town
        assert identity.email
        assert len(identity.social_links) >= 2
        assert all(block.value.logo is not None for block in [*identity.partners, *identity.funders])
    centres = identities.filter(site__centre__isnull=False)
    assert all(len(identity.partners) >= 2 and len(identity.funders) >= 2 for identity in centres)
    assert identities.get(site=centre_site(PB)).town == "Saint-Denis"
    assert len({identity.accent_colour for identity in identities}) == identities.count(), "each site its colours"


def test_load_demo__publications_have_real_pdfs_in_several_collections(demo_site):
    publications = PublicationPage.objects.all()
    assert publications.count() >= 10
    assert publications.values("collection").distinct().count() >= 6
    for publication in publications:
        document = publication.documents.first().document
        with document.file.open("rb") as stream:
            assert stream.read(5) == b"%PDF-"


def test_load_demo__resonances_issue_has_every_section(demo_site):
    issue = NewsletterIssuePage.objects.get(newsletter_list__name="Résonances")
    kinds = {block.block_type for block in issue.sections}
    assert kinds == {
        "centre_news",
        "national_news",
        "territory_news",
        "in_brief",
        "moves",
        "experience",
        "website",
        "press",
        "reading",
    }
    linked = [item for block in issue.sections if block.block_type == "centre_news" for item in block.value["items"]]
    assert any(item["page"] for item in linked), "some items point to pages of the site"


def test_load_demo__villiers_le_bel_experience(demo_site):
    assert ExperiencePage.objects.filter(town__name="Villiers-le-Bel").exists()


def test_load_demo__inclusive_writing_survives(demo_site):
    assert (
        Page.objects.filter(title__contains="·").exists() or ActionPage.objects.filter(summary__contains="·").exists()
    )


def test_load_demo__admin_login_works(demo_site):
    client = Client()
    assert client.login(username="admin", password="demo-pass")


def test_load_demo__an_editor_of_another_centre(demo_site):
    group = get_user_model().objects.get(username="redaction-irev").groups.get()
    assert (group.centre_role.role, group.centre_role.centre.slug) == ("Rédaction", "irev")


@pytest.mark.parametrize(
    ("username", "role"),
    [("redaction", "Rédaction"), ("relecture", "Relecture"), ("bureau1", "Bureau"), ("bureau2", "Bureau")],
)
def test_load_demo__each_editorial_role_has_an_account(demo_site, username, role):
    user = get_user_model().objects.get(username=username)
    group = user.groups.get()
    # The demo centre's group of that role (demo/users.py).
    assert (group.centre_role.role, group.centre_role.centre.slug) == (role, "pole-ressources")
    assert not user.is_superuser
    assert Client().login(username=username, password="demo-pass")


@pytest.mark.parametrize(
    "model",
    [
        HomePage,
        ProgrammePage,
        ActionPage,
        PublicationPage,
        PodcastEpisodePage,
        ExperiencePage,
        NewsletterIssuePage,
        AboutPage,
    ],
)
def test_load_demo__pages_render(demo_site, model):
    page = model.objects.live().first()
    response = page_get(Client(), page)
    assert response.status_code == 200
    assert page.title in html.unescape(response.content.decode())


def _upcoming() -> list[ActionSession]:
    root = centre_site(PB).root_page
    return list(agenda_sessions(root=root, filters=AgendaFilters()))


def test_load_demo__current_programme_is_dated_this_year(demo_site):
    programme = ProgrammePage.objects.get(centre__name="Profession Banlieue", year=demo_today().year)
    assert programme.title == f"Orientations de travail {demo_today().year}"
    assert 6 <= ActionPage.objects.child_of(programme).count() <= 8


def test_load_demo__agenda_has_upcoming_sessions_of_every_kind(demo_site):
    upcoming = _upcoming()
    assert len(upcoming) >= 5
    soon, later = timezone.now() + dt.timedelta(days=7), timezone.now() + dt.timedelta(weeks=11)
    assert all(soon <= session.starts_at <= later for session in upcoming)
    modes = {session.attendance_mode for session in upcoming}
    assert {AttendanceMode.ONLINE, AttendanceMode.MIXED} <= modes
    assert all(s.online_url.startswith("https://") for s in upcoming if s.attendance_mode != AttendanceMode.IN_PERSON)
    assert any(session.cancelled for session in upcoming)
    assert any(session.page.status == ActionStatus.POSTPONED for session in upcoming)
    assert len({session.page.format_id for session in upcoming}) >= 5


def test_load_demo__home_page_lists_upcoming_sessions_but_not_cancelled_ones(demo_site):
    root = centre_site(PB).root_page
    sessions = upcoming_sessions(root=root, limit=5)
    assert len(sessions) == 5
    assert not any(session.cancelled for session in sessions)


def test_load_demo__agenda_page_and_its_ics_feed_show_upcoming_sessions(demo_site):
    client = Client()
    agenda_page = AgendaPage.objects.live().child_of(centre_site(PB).root_page).get()
    agenda = page_get(client, agenda_page)
    assert agenda.status_code == 200
    content = html.unescape(agenda.content.decode())
    assert "Rendez-vous à venir" in content
    assert "Réunion entre pair·e·s des coordonnateur·rice·s santé" in content
    assert "Action reportée" in content
    assert "is-cancelled" in content
    ics_url = re.search(r'class="ics-link" href="([^"]+)"', content)[1]
    feed = client.get(ics_url, HTTP_HOST=page_host(agenda_page))
    assert feed.status_code == 200
    events = b"".join(feed).decode() if feed.streaming else feed.content.decode()
    assert events.count("BEGIN:VEVENT") >= 5


@pytest.mark.parametrize("days_later", [40, 400], ids=["another-day", "another-year"])
def test_load_demo__loading_programmes_another_day_duplicates_nothing(demo_site, days_later):
    before = demo_counts() | {"ActionOrganisation": ActionOrganisation.objects.count()}
    later = demo_today() + dt.timedelta(days=days_later)
    rows = demo_data_read("programmes")["programmes"]
    with mock.patch.object(programme_builder, "demo_today", return_value=later):
        for centre in Centre.objects.select_related("site"):
            index = ProgrammeIndexPage.objects.child_of(centre.site.root_page).get()
            programme_builder.programmes_load(index, [row for row in rows if row["centre"] == centre.name])
    assert demo_counts() | {"ActionOrganisation": ActionOrganisation.objects.count()} == before


def test_load_demo__upcoming_actions_take_registrations_one_full_and_a_past_one_has_its_attendance(demo_site, client):
    taking = list(RegistrationSettings.objects.select_related("action").order_by("pk"))
    assert len(taking) == 4
    statuses = [
        sorted(Registration.objects.filter(action=item.action).values_list("status", flat=True)) for item in taking
    ]
    assert statuses[0] == [RegistrationStatus.CONFIRMED] * 5
    assert statuses[1] == [RegistrationStatus.CONFIRMED] * 3 + [RegistrationStatus.WAITING] * 5
    assert statuses[2] == [RegistrationStatus.CONFIRMED] * 4
    assert statuses[3] == [RegistrationStatus.ABSENT] * 2 + [RegistrationStatus.ATTENDED] * 10
    full = html.unescape(page_get(client, taking[1].action).content.decode())
    assert "Liste d'attente" in full
    assert 'class="registration-form' in full
    past = page_get(client, taking[3].action)
    assert "10 participant·e·s présent·e·s" in text(section(parse(past), "Participation"))
