"""The shared cache of anonymous answers (config/response_cache.py): hits, headers, 304, what is never stored."""

import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import Page, PageViewRestriction

from config.response_cache import CACHE_HEADER, CSRF_HOLE, MAX_QUERY_LENGTH
from publications.visibility import page_is_restricted
from registrations.models import RegistrationScope, RegistrationSettings
from tests.factories import ActionPageFactory, ActionSessionFactory, ProgrammePageFactory, PublicationPageFactory
from tests.public_cache import csrf_tokens, shared_form_posted
from tests.registrations.conftest import in_days

pytestmark = pytest.mark.django_db

# Headers whose value must be the same on a hit as on the miss that stored the answer.
STABLE_HEADERS = (
    "Content-Type",
    "Content-Security-Policy",
    "Cache-Control",
    "ETag",
    "Last-Modified",
    "Vary",
    "X-Frame-Options",
    "X-Content-Type-Options",
)


@pytest.fixture
def action(site_tree):
    return ActionPageFactory(parent=ProgrammePageFactory(parent=site_tree.programmes), title="Atelier des élu·e·s")


@pytest.fixture
def registration_form(action):
    ActionSessionFactory(page=action, starts_at=in_days(10), ends_at=in_days(10, hour=12))
    return RegistrationSettings.objects.create(action=action, scope=RegistrationScope.WHOLE_ACTION)


def test_second_read__a_hit_without_a_query(client, site_tree, django_assert_num_queries):
    first = client.get("/")
    assert first[CACHE_HEADER] == "miss"
    with django_assert_num_queries(0):
        second = client.get("/")
    assert second[CACHE_HEADER] == "hit"
    assert second.content == first.content


def test_hit__headers_the_same_as_the_miss_that_stored_it(client, action):
    miss, hit = client.get(action.url), client.get(action.url)
    assert (miss[CACHE_HEADER], hit[CACHE_HEADER]) == ("miss", "hit")
    for header in STABLE_HEADERS:
        assert miss.get(header) == hit.get(header), header
    # No nonce anywhere: the policy and the page are the same for every visitor.
    assert "'nonce-" not in hit["Content-Security-Policy"]
    assert "nonce=" not in hit.content.decode()


def test_public_answer__cache_control_validators_and_vary(client, site_tree, settings):
    response = client.get("/")
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert directives == {
        "public",
        f"max-age={settings.PUBLIC_CACHE_MAX_AGE}",
        f"s-maxage={settings.PUBLIC_CACHE_SHARED_MAX_AGE}",
    }
    assert re.fullmatch(r'"[0-9a-f]{32}"', response["ETag"])
    assert response["Last-Modified"].endswith("GMT")
    assert {"cookie", "accept-encoding"} <= {part.strip().lower() for part in response["Vary"].split(",")}


def test_if_none_match__304_without_body(client, site_tree):
    etag = client.get("/")["ETag"]
    response = client.get("/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert client.get("/", HTTP_IF_NONE_MATCH=f'"other", {etag}').status_code == 304


def test_if_modified_since__304(client, site_tree):
    last_modified = client.get("/")["Last-Modified"]
    assert client.get("/", HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304


@pytest.mark.parametrize(
    "value",
    [
        "garbage",
        '"unterminated',
        "W/",
        ",,,,",
        "\x00\x01",
        '"' + "a" * 20_000 + '"',
        ", ".join(f'"{n}"' for n in range(3_000)),
        "Sat, 29 Oct 1994",
    ],
)
def test_hostile_validators__the_full_answer(client, site_tree, value):
    client.get("/")
    for header in ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_IF_MATCH", "HTTP_IF_UNMODIFIED_SINCE"):
        response = client.get("/", **{header: value})
        assert response.status_code in (200, 412), (header, response.status_code)
        if response.status_code == 200:
            assert response[CACHE_HEADER] == "hit"


def test_publish__the_next_read_is_a_miss_with_the_new_content(client, action):
    client.get(action.url)
    action.title = "Atelier des élu·e·s : nouvelle date"
    action.save_revision().publish()
    response = client.get(action.url)
    assert response[CACHE_HEADER] == "miss"
    assert "nouvelle date" in response.content.decode()


def test_per_site__another_host_another_entry(client, site_tree, settings):
    settings.ALLOWED_HOSTS = ["localhost", "autre.localhost"]
    assert client.get("/", HTTP_HOST="localhost")[CACHE_HEADER] == "miss"
    assert client.get("/", HTTP_HOST="autre.localhost")[CACHE_HEADER] == "miss"
    assert client.get("/", HTTP_HOST="autre.localhost")[CACHE_HEADER] == "hit"


def test_query_parameters__any_order_one_entry(client, site_tree):
    path = site_tree.publications.url
    client.get(path, {"theme": "sante", "page": "1"})
    assert client.get(f"{path}?page=1&theme=sante")[CACHE_HEADER] == "hit"


def test_overlong_query__served_never_stored(client, site_tree):
    path = f"{site_tree.publications.url}?q={'x' * MAX_QUERY_LENGTH}"
    first, second = client.get(path), client.get(path)
    assert first.status_code == second.status_code == 200
    assert CACHE_HEADER not in second
    assert "no-store" in second["Cache-Control"]


def test_logged_in__never_served_nor_stored(editor_client, client, site_tree):
    editor_first = editor_client.get("/")
    editor_second = editor_client.get("/")
    assert CACHE_HEADER not in editor_second
    assert "private" in editor_first["Cache-Control"]
    assert "public" not in editor_second["Cache-Control"]
    # What the editor saw was not stored for the public.
    assert client.get("/")[CACHE_HEADER] == "miss"


def test_anonymous_session_cookie__never_served_from_the_cache(client, site_tree, settings):
    client.get("/")
    visitor = Client()
    visitor.cookies[settings.SESSION_COOKIE_NAME] = "une-session"
    response = visitor.get("/")
    assert CACHE_HEADER not in response
    assert "no-store" in response["Cache-Control"]


def test_not_found__never_stored(client, site_tree):
    client.get("/nulle-part/")
    response = client.get("/nulle-part/")
    assert response.status_code == 404
    assert CACHE_HEADER not in response


def test_post__never_served_from_the_cache(client, site_tree):
    client.get("/abonnement/")
    response = client.post("/abonnement/", {})
    assert CACHE_HEADER not in response


@pytest.mark.parametrize(
    "restriction", [PageViewRestriction.PASSWORD, PageViewRestriction.LOGIN, PageViewRestriction.GROUPS]
)
def test_restricted_page__never_stored(client, site_tree, restriction):
    page = PublicationPageFactory(title="Rapport réservé au bureau")
    restricted = PageViewRestriction.objects.create(
        page=page, restriction_type=restriction, password="secret-du-bureau"
    )
    if restriction == PageViewRestriction.GROUPS:
        restricted.groups.add(Group.objects.create(name="Lecteurs des rapports"))
    client.get(page.url)
    response = client.get(page.url)
    assert CACHE_HEADER not in response
    assert "Rapport réservé au bureau" not in response.content.decode() or response.status_code != 200
    assert "public" not in response.get("Cache-Control", "")


def test_page_password_passed__the_page_never_stored_for_others(client, site_tree):
    page = PublicationPageFactory(title="Rapport réservé au bureau")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret-du-bureau"
    )
    visitor = Client()
    visitor.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/",
        {"password": "secret-du-bureau", "return_url": page.url},
    )
    assert "Rapport réservé au bureau" in visitor.get(page.url).content.decode()
    assert "Rapport réservé au bureau" not in client.get(page.url).content.decode()


def test_registration_form__stored_with_a_token_of_each_visitors_own(action, registration_form):
    first_visitor, second_visitor = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    miss, hit = first_visitor.get(action.url), second_visitor.get(action.url)
    assert (miss[CACHE_HEADER], hit[CACHE_HEADER]) == ("miss", "hit")
    for response in (miss, hit):
        assert CSRF_HOLE not in response.content.decode()
        assert csrf_tokens(response)
        assert "private" in response["Cache-Control"]
        assert "public" not in response["Cache-Control"]
        assert "ETag" not in response
    assert set(csrf_tokens(miss)).isdisjoint(csrf_tokens(hit))
    assert first_visitor.cookies["csrftoken"].value != second_visitor.cookies["csrftoken"].value


def test_registration_form_from_a_hit__the_post_passes_csrf(action, registration_form):
    response = shared_form_posted(
        action.url, post_url=f"/inscriptions/action/{action.pk}/", data={"email": "pas-une-adresse", "consent": "on"}
    )
    # The form's own refusal (400), not CSRF's (403).
    assert response.status_code == 400


def test_registration_form__a_forged_post_still_refused(action, registration_form):
    visitor = Client(enforce_csrf_checks=True)
    visitor.get(action.url)
    response = visitor.post(
        f"/inscriptions/action/{action.pk}/", {"csrfmiddlewaretoken": CSRF_HOLE, "email": "nadia@example.org"}
    )
    assert response.status_code == 403


def test_subscribe_page__stored_with_the_token_hole(site_tree):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    assert first.get("/abonnement/")[CACHE_HEADER] == "miss"
    response = second.get("/abonnement/")
    assert response[CACHE_HEADER] == "hit"
    assert csrf_tokens(response)
    assert CSRF_HOLE not in response.content.decode()


def test_feed__stored(client, site_tree):
    client.get("/flux/publications.xml")
    assert client.get("/flux/publications.xml")[CACHE_HEADER] == "hit"


def test_admin__never_stored(admin_client):
    admin_client.get("/admin/")
    assert CACHE_HEADER not in admin_client.get("/admin/")


def test_page_is_restricted__its_own_an_ancestors_and_an_aliases_source(site_tree, django_assert_num_queries):
    """The rule the page hook stores by (publications/wagtail_hooks.py), in one query."""
    section = site_tree.publications
    page = PublicationPageFactory(parent=section)
    sibling = site_tree.experiences
    alias = Page.objects.get(pk=section.pk).create_alias(parent=site_tree.home, update_slug="autre-bibliotheque")
    assert not any(page_is_restricted(each) for each in (section, page, sibling, alias))

    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    assert page_is_restricted(section)
    with django_assert_num_queries(1):
        assert page_is_restricted(page)
    assert page_is_restricted(alias)
    assert not page_is_restricted(sibling)


def test_public_restriction_kind__a_restricted_page_all_the_same_never_stored(client, site_tree):
    """A restriction Wagtail lets everyone through (« public ») still hides the page from the
    public surfaces (publications/visibility.py): its answer is not shared either."""
    section = site_tree.publications
    page = PublicationPageFactory(parent=section, title="Rapport annuel")
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.NONE)
    client.get(page.url)
    response = client.get(page.url)
    assert response.status_code == 200
    assert CACHE_HEADER not in response
