"""What the shared cache never stores, even from a view that says its answer is public
(config/response_cache.py): cookies, a real CSRF token, errors, private or varying answers; and what
it never serves (a POST, a visitor with messages); a form's token holes filled when nothing is stored.

The views below are this module's own (``pytest.mark.urls``), behind the project's whole middleware.
"""

from collections import Counter

import pytest
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.template import RequestContext, Template
from django.test import Client
from django.urls import path
from django.utils.cache import patch_cache_control

from config import urls as project_urls
from config.response_cache import CACHE_HEADER, CSRF_HOLE, public_cache, public_cache_with_form
from tests import outages
from tests.public_cache import csrf_tokens

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]

calls: Counter[str] = Counter()

FORM = Template('<form method="post">{% csrf_token %}<button>Envoyer</button></form>')


def _text(request: HttpRequest) -> HttpResponse:
    return HttpResponse("Bonjour à toutes et à tous")


def _cookie(request: HttpRequest) -> HttpResponse:
    response = _text(request)
    response.set_cookie("suivi", "1")
    return response


def _form(request: HttpRequest) -> HttpResponse:
    return HttpResponse(FORM.render(RequestContext(request)))


def _form_with_cookie(request: HttpRequest) -> HttpResponse:
    response = _form(request)
    response.set_cookie("suivi", "1")
    return response


def _status(code: int):
    return lambda request: HttpResponse("Erreur", status=code)


def _cache_control(**directives: bool):
    def view(request: HttpRequest) -> HttpResponse:
        response = _text(request)
        patch_cache_control(response, **directives)
        return response

    return view


def _vary_user_agent(request: HttpRequest) -> HttpResponse:
    response = _text(request)
    response["Vary"] = "User-Agent"
    return response


def _streaming(request: HttpRequest) -> StreamingHttpResponse:
    return StreamingHttpResponse(iter([b"Bonjour ", b"en morceaux"]))


def _counted(name: str, view, decorator=public_cache):
    def counted(request: HttpRequest):
        calls[name] += 1
        return view(request)

    return path(f"{name}/", decorator(counted))


REFUSED = {
    "cookie": _cookie,
    # A real token (the view did not ask for holes): the CSRF middleware sets its cookie.
    "real-token": _form,
    "bad-request": _status(400),
    "forbidden": _status(403),
    "not-found": _status(404),
    "gone": _status(410),
    "too-many": _status(429),
    "server-error": _status(500),
    "bad-gateway": _status(502),
    "unavailable": _status(503),
    "redirect": _status(302),
    "private": _cache_control(private=True),
    "no-store": _cache_control(no_store=True),
    "no-cache": _cache_control(no_cache=True),
    "vary-user-agent": _vary_user_agent,
    "streaming": _streaming,
}

urlpatterns = [
    _counted("public", _text),
    _counted("form", _form, public_cache_with_form),
    _counted("form-with-cookie", _form_with_cookie, public_cache_with_form),
    *(_counted(name, view) for name, view in REFUSED.items()),
    # The project's own after them: the middleware reverses the admin's address.
    *project_urls.urlpatterns,
]


@pytest.fixture(autouse=True)
def _fresh_counts():
    calls.clear()


def test_control__a_public_answer_is_stored_once(client):
    """The refusals below can fail: the same view, answering plainly, is served from the cache."""
    client.get("/public/")
    response = client.get("/public/")
    assert response[CACHE_HEADER] == "hit"
    assert calls["public"] == 1


@pytest.mark.parametrize("name", REFUSED)
def test_refused_answer__never_stored(client, name):
    first, second = client.get(f"/{name}/"), client.get(f"/{name}/")
    assert calls[name] == 2
    assert CACHE_HEADER not in second
    assert "public" not in second.get("Cache-Control", "")
    assert first.status_code == second.status_code


def test_real_token__never_stored_even_for_a_visitor_holding_the_cookie(client):
    client.get("/real-token/")
    assert "csrftoken" in client.cookies
    response = client.get("/real-token/")
    assert CACHE_HEADER not in response
    assert calls["real-token"] == 2
    assert CSRF_HOLE not in response.content.decode()


def test_post__never_served_from_the_cache(client):
    client.get("/public/")
    response = client.post("/public/")
    assert CACHE_HEADER not in response
    assert calls["public"] == 2


def test_messages_cookie__never_served_from_the_cache(client, settings):
    client.get("/public/")
    visitor = Client()
    visitor.cookies["messages"] = "un-message"
    response = visitor.get("/public/")
    assert CACHE_HEADER not in response
    assert "no-store" in response["Cache-Control"]
    assert calls["public"] == 2


def test_head__served_from_the_entry_a_get_stored(client):
    client.get("/public/")
    response = client.head("/public/")
    assert response[CACHE_HEADER] == "hit"
    assert calls["public"] == 1


def _assert_a_working_token(visitor: Client, response) -> None:
    (token,) = csrf_tokens(response)
    assert CSRF_HOLE not in response.content.decode()
    assert "csrftoken" in visitor.cookies
    assert "public" not in response["Cache-Control"]
    # The token posts: Django's CSRF check passes and the view answers (a 200 here, not a 403).
    assert visitor.post("/public/", {"csrfmiddlewaretoken": token}).status_code == 200


def test_form__cache_down__the_hole_filled_with_a_working_token(settings):
    outages.cache_down(settings)
    visitor = Client(enforce_csrf_checks=True)
    response = visitor.get("/form/")
    assert response.status_code == 200
    assert CACHE_HEADER not in response
    _assert_a_working_token(visitor, response)


def test_form_not_storable__the_hole_filled_with_a_working_token():
    visitor = Client(enforce_csrf_checks=True)
    visitor.get("/form-with-cookie/")
    response = visitor.get("/form-with-cookie/")
    assert CACHE_HEADER not in response
    assert calls["form-with-cookie"] == 2
    _assert_a_working_token(visitor, response)


def test_form_stored__each_visitor_a_working_token_of_their_own():
    Client().get("/form/")
    visitor = Client(enforce_csrf_checks=True)
    response = visitor.get("/form/")
    assert response[CACHE_HEADER] == "hit"
    assert calls["form"] == 1
    _assert_a_working_token(visitor, response)
