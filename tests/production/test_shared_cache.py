"""Two gunicorn instances behind one address, on one PostgreSQL and one Redis: they share the cache
of public answers, and a change made through one purges what the other serves."""

import json
import secrets
from collections.abc import Iterator
from http.cookies import SimpleCookie
from urllib.parse import urlencode

import pytest

from tests.production.html import form_fields
from tests.production.server import Response, Server, Stack, manage

CACHE_HEADER = "X-Cache"


@pytest.fixture(scope="module")
def pair(stack: Stack) -> Iterator[tuple[Server, Server]]:
    first, second = stack.server_start(name="web-a"), stack.server_start(name="web-b")
    yield first, second
    first.stop()
    second.stop()


class Browser:
    """One visitor behind the proxy: the site's one public address, whichever instance answers."""

    def __init__(self, address: str) -> None:
        self.address = address
        self.cookies = SimpleCookie()

    def request(self, server: Server, method: str, path: str, fields: dict[str, str] | None = None) -> Response:
        headers = {"Host": self.address, "Origin": f"https://{self.address}", "Referer": f"https://{self.address}/"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={morsel.value}" for name, morsel in self.cookies.items())
        body = None
        if fields is not None:
            body = urlencode(fields).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        response = server.request(method, path, headers=headers, body=body)
        for header in response.headers.get_all("Set-Cookie", []):
            self.cookies.load(header)
        return response

    def post_form(self, server: Server, path: str, **values: str) -> Response:
        form = self.request(server, "GET", path)
        assert form.status == 200, form.text[:500]
        fields = {**form_fields(form.text).hidden, **values}
        return self.request(server, "POST", path, fields)


def _an_action(server: Server, address: str) -> tuple[int, str]:
    listing = server.get("/api/v2/pages/?type=publications.ActionPage&limit=1", headers={"Host": address})
    item = json.loads(listing.body)["items"][0]
    return item["id"], server.path_of(item["meta"]["html_url"])


def test_two_instances__share_answers_and_purges(stack, pair):
    first, second = pair
    address = f"127.0.0.1:{first.port}"
    # The actions are on the demo centres' sites, each answering its own host name.
    centre_address = f"profession-banlieue.localhost:{first.port}"
    page_id, path = _an_action(first, centre_address)
    visitor = Browser(centre_address)

    stored = visitor.request(second, "GET", path)
    assert stored.status == 200
    assert visitor.request(second, "GET", path).headers[CACHE_HEADER] == "hit"
    # Stored by the second instance, served by the first.
    from_first = visitor.request(first, "GET", path)
    assert from_first.headers[CACHE_HEADER] == "hit"
    assert from_first.body == stored.body
    api = f"/api/v2/pages/{page_id}/"
    visitor.request(first, "GET", api)
    assert visitor.request(second, "GET", api).headers[CACHE_HEADER] == "hit"

    password = secrets.token_urlsafe(16)
    manage(
        {**stack.env, "DJANGO_SUPERUSER_PASSWORD": password},
        "createsuperuser",
        "--noinput",
        "--username=cache-admin",
        "--email=cache-admin@example.org",
        log_path=stack.state_dir / "manage.log",
    )
    editor = Browser(address)
    login = editor.post_form(first, "/admin/login/", username="cache-admin", password=password)
    assert login.status == 302, login.text[:500]
    unpublished = editor.post_form(first, f"/admin/pages/{page_id}/unpublish/")
    assert unpublished.status == 302, unpublished.text[:500]

    assert visitor.request(second, "GET", path).status == 404
    assert visitor.request(second, "GET", api).status == 404
