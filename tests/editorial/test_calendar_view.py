"""The editorial calendar at /admin/calendrier/: week and month views, navigation, hostile parameters."""

import datetime
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from config.time_zone import PARIS
from editorial import roles
from tests import factories
from tests.conftest import MODEL_BACKEND
from tests.users import user_with_role

URL = "/admin/calendrier/"
TODAY = datetime.date(2031, 3, 26)  # a Wednesday
TODAY_WEEK = "Semaine du 24 mars 2031 au 30 mars 2031"
BAD_DATE = "Date non reconnue (attendue sous la forme AAAA-MM-JJ) : le calendrier affiche aujourd'hui."
BAD_VIEW = "Vue inconnue : le calendrier affiche la semaine."


def paris(*args: int) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=PARIS)


@pytest.fixture(autouse=True)
def today(monkeypatch):
    monkeypatch.setattr("editorial.views.paris_today", lambda: TODAY)
    return TODAY


def get(client, query: str = "") -> str:
    """The page's HTML, entities decoded (hostile-input tests read the raw response)."""
    response = client.get(f"{URL}{query}")
    assert response.status_code == 200
    return unescape(response.content.decode())


def schedule(page, *, at: datetime.datetime) -> None:
    page = page.specific
    page.go_live_at = at
    page.save_revision().publish()


# Access


def test_calendar__anonymous_is_sent_to_login(client, db):
    response = client.get(URL)

    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


def test_calendar__user_without_admin_access_is_refused(client, db):
    client.force_login(user_with_role("marc.petit", None), backend=MODEL_BACKEND)

    response = client.get(URL)

    assert response.status_code == 302


@pytest.mark.parametrize("role", [*roles.ROLES, None])
def test_calendar__every_role_sees_it(client, team, role):
    client.force_login(team.by_role(role) if role else team.superuser, backend=MODEL_BACKEND)

    content = get(client)

    assert "Calendrier éditorial" in content
    assert TODAY_WEEK in content


def test_calendar__menu_item_in_the_admin(editor_client, site_tree):
    content = get(editor_client)
    dashboard = editor_client.get("/admin/").content.decode().replace("\\u00e9", "é")

    assert "Calendrier éditorial" in content
    assert URL in dashboard
    assert "Calendrier éditorial" in dashboard


# Week view


def test_calendar_week__entries_grouped_by_day(editor_client, programme):
    live = factories.ActionPageFactory(parent=programme, title="Groupe de travail participation")
    draft = factories.ActionPageFactory(parent=programme, live=False, title="Cycle de qualification")
    factories.ActionSessionFactory(page=live, starts_at=paris(2031, 3, 25, 14, 0), venue="Bourse du travail")
    factories.ActionSessionFactory(page=draft, starts_at=paris(2031, 3, 27, 9, 30), cancelled=True)
    schedule(factories.ActionPageFactory(parent=programme, title="Journée d'étude jeunesse"), at=paris(2031, 3, 27, 8))

    content = get(editor_client, "?vue=semaine&date=2031-03-26")

    tuesday, thursday, friday = (content.index(f'id="jour-2031-03-{day}"') for day in (25, 27, 28))
    session, scheduled, cancelled = (
        content.index(title)
        for title in ("Groupe de travail participation", "Journée d'étude jeunesse", "Cycle de qualification")
    )
    assert tuesday < session < thursday < scheduled < cancelled < friday
    assert "Mardi 25 mars" in content
    assert '<time datetime="2031-03-25T14:00:00+01:00">14:00</time>' in content
    assert ">16:00</time>" in content
    assert content.count("Séance d'action") == 3  # the legend and two sessions
    assert "Publication programmée" in content
    assert "annulée" in content
    assert "action non publiée" in content
    assert "Bourse du travail" in content
    assert f'href="/admin/pages/{live.pk}/edit/"' in content
    assert f'href="/admin/pages/{draft.pk}/edit/"' in content
    assert f'href="{live.url}"' in content
    assert "Entrées sur la période : 3" in content


def test_calendar_week__empty_days(editor_client):
    content = get(editor_client, "?vue=semaine&date=2031-03-26")

    assert content.count("Rien de prévu.") == 7
    assert "Entrées sur la période : 0" in content


def test_calendar_week__today_is_marked(editor_client):
    content = get(editor_client)

    today = content.index('id="jour-2031-03-26"')
    assert content.index("aujourd'hui", today) < content.index('id="jour-2031-03-27"')
    assert content.count("editorial-calendar__day--today") == 1


def test_calendar_week__session_late_on_sunday_stays_on_sunday(editor_client, action):
    """30 March 2031 is the DST Sunday: 23:30 in Paris is 21:30 UTC."""
    factories.ActionSessionFactory(page=action, starts_at=paris(2031, 3, 30, 23, 30))
    factories.ActionSessionFactory(page=action, starts_at=paris(2031, 3, 31, 0, 15))

    this_week = get(editor_client, "?vue=semaine&date=2031-03-30")
    next_week = get(editor_client, "?vue=semaine&date=2031-03-31")

    assert ">23:30</time>" in this_week
    assert ">00:15</time>" not in this_week
    assert this_week.index('id="jour-2031-03-30"') < this_week.index(">23:30</time>")
    assert ">00:15</time>" in next_week


def test_calendar_week__board_member_gets_live_links_only(client, team, action):
    factories.ActionSessionFactory(page=action, starts_at=paris(2031, 3, 25, 14, 0))
    client.force_login(team.board[0], backend=MODEL_BACKEND)

    content = get(client, "?vue=semaine&date=2031-03-26")

    assert f'href="/admin/pages/{action.pk}/edit/"' not in content
    assert f'href="{action.url}"' in content


# Month view


def test_calendar_month__grid_with_entries(editor_client, action):
    factories.ActionSessionFactory(page=action, starts_at=paris(2031, 3, 3, 10, 0))
    factories.ActionSessionFactory(page=action, starts_at=paris(2031, 3, 31, 18, 0))
    factories.ActionSessionFactory(page=action, starts_at=paris(2031, 4, 1, 9, 0))

    content = get(editor_client, "?vue=mois&date=2031-03-26")

    assert "Mars 2031" in content
    assert '<table class="editorial-calendar__month"' in content
    assert '<th scope="col">Lundi</th>' in content
    # 1 March 2031 is a Saturday, the 31st a Monday: six rows, from 24 February to 6 April.
    assert content.count('<td class="editorial-calendar__cell') == 42
    assert content.count("editorial-calendar__cell--outside") == 11
    assert ">10:00</time>" in content
    assert ">18:00</time>" in content
    assert ">09:00</time>" not in content
    assert "Entrées sur la période : 2" in content
    assert f'href="/admin/pages/{action.pk}/edit/"' in content


# Navigation


def test_calendar_navigation__week(editor_client):
    content = get(editor_client, "?vue=semaine&date=2031-03-26")

    assert 'href="/admin/calendrier/?vue=semaine&date=2031-03-17" rel="prev"' in content
    assert 'href="/admin/calendrier/?vue=semaine&date=2031-03-31" rel="next"' in content
    assert 'href="/admin/calendrier/?vue=semaine">Aujourd\'hui' in content
    assert 'href="/admin/calendrier/?vue=mois&date=2031-03-26"' in content
    assert "Semaine précédente" in content
    assert "Semaine suivante" in content


def test_calendar_navigation__month(editor_client):
    content = get(editor_client, "?vue=mois&date=2031-01-15")

    assert "Janvier 2031" in content
    assert 'href="/admin/calendrier/?vue=mois&date=2030-12-01" rel="prev"' in content
    assert 'href="/admin/calendrier/?vue=mois&date=2031-02-01" rel="next"' in content
    assert 'href="/admin/calendrier/?vue=mois"' in content
    assert 'href="/admin/calendrier/?vue=semaine&date=2031-01-15"' in content
    assert "Mois précédent" in content


def test_calendar_navigation__following_the_links(editor_client):
    first = get(editor_client, "?vue=semaine&date=2031-12-31")
    following = get(editor_client, "?vue=semaine&date=2032-01-05")

    assert "Semaine du 29 décembre 2031 au 4 janvier 2032" in first
    assert "Semaine du 5 janvier 2032 au 11 janvier 2032" in following


@pytest.mark.parametrize(
    ("query", "period", "missing"),
    [
        pytest.param("?vue=semaine&date=1900-01-01", "Semaine du 1 janvier 1900", 'rel="prev"', id="first-week"),
        pytest.param("?vue=mois&date=1900-01-31", "Janvier 1900", 'rel="prev"', id="first-month"),
        pytest.param("?vue=semaine&date=2999-12-31", "Semaine du 30 décembre 2999", 'rel="next"', id="last-week"),
        pytest.param("?vue=mois&date=2999-12-01", "Décembre 2999", 'rel="next"', id="last-month"),
    ],
)
def test_calendar_navigation__stops_at_the_limits(editor_client, query, period, missing):
    content = get(editor_client, query)

    assert period in content
    assert missing not in content


# Hostile parameters

SCRIPT = '<script>alert("calendrier")</script>'


@pytest.mark.parametrize(
    ("query", "message"),
    [
        pytest.param({"date": SCRIPT}, BAD_DATE, id="script-date"),
        pytest.param({"date": "99999-99-99"}, BAD_DATE, id="impossible-date"),
        pytest.param({"date": "2031-02-30"}, BAD_DATE, id="february-30"),
        pytest.param({"date": "0001-01-01"}, BAD_DATE, id="date-min"),
        pytest.param({"date": "9999-12-31"}, BAD_DATE, id="date-max"),
        pytest.param({"date": "1" * 10_000}, BAD_DATE, id="10000-chars"),
        pytest.param({"date": "2031-03-26\x00"}, BAD_DATE, id="nul-byte"),
        pytest.param({"vue": SCRIPT}, BAD_VIEW, id="script-view"),
        pytest.param({"vue": "année" * 2_000}, BAD_VIEW, id="long-view"),
        pytest.param({"vue": "jour", "date": "demain"}, BAD_VIEW, id="both"),
    ],
)
def test_calendar_hostile_params__today_with_a_french_message(editor_client, query, message):
    response = editor_client.get(URL, query)

    content = response.content.decode()
    assert response.status_code == 200
    assert message in unescape(content)
    assert TODAY_WEEK in content
    assert 'role="alert"' in content
    assert SCRIPT not in content
    assert "1" * 100 not in content


def test_calendar_hostile_params__valid_view_is_kept_with_a_bad_date(editor_client):
    content = get(editor_client, "?vue=mois&date=2031-13-01")

    assert "Mars 2031" in content
    assert BAD_VIEW not in content


def test_calendar_hostile_params__repeated_params_use_the_last(editor_client):
    content = get(editor_client, "?date=nimporte&date=2031-06-11&vue=mois&vue=semaine")

    assert "Semaine du 9 juin 2031 au 15 juin 2031" in content
    assert 'role="alert"' not in content


# Queries


def test_calendar__queries_do_not_grow_with_entries(local_cache, editor_client, programme):
    def add_entries(count: int) -> None:
        for n in range(count):
            action = factories.ActionPageFactory(parent=programme, live=n % 2 == 0)
            factories.ActionSessionFactory(page=action, starts_at=paris(2031, 3, 24 + n % 7, 9, n))
            schedule(factories.ActionPageFactory(parent=programme), at=paris(2031, 3, 24 + n % 7, 10, n))

    def count(query: str) -> int:
        get(editor_client, query)  # the site's root paths are cached (Django's cache) on the first request
        with CaptureQueriesContext(connection) as queries:
            get(editor_client, query)
        return len(queries)

    add_entries(1)
    week_one, month_one = count("?vue=semaine&date=2031-03-26"), count("?vue=mois&date=2031-03-26")
    add_entries(19)
    content = get(editor_client, "?vue=semaine&date=2031-03-26")
    week_twenty, month_twenty = count("?vue=semaine&date=2031-03-26"), count("?vue=mois&date=2031-03-26")

    assert "Entrées sur la période : 40" in content
    assert week_twenty == week_one
    assert month_twenty == month_one
