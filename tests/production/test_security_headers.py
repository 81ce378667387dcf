"""The security headers and cookies the production settings promise, as gunicorn sends them.

Requests come through the TLS proxy (X-Forwarded-Proto: https), so HSTS applies.
"""

import re

import pytest

# HTML pages, the API, a feed, the subscription form and the admin's login.
PATHS = ["/", "/recherche/?q=ville", "/api/v2/pages/", "/flux/publications.xml", "/abonnement/", "/admin/login/"]


@pytest.fixture(scope="module")
def answers(server):
    return {path: server.get(path) for path in PATHS}


def test_answers__succeed(answers):
    assert {path: response.status for path, response in answers.items()} == dict.fromkeys(PATHS, 200)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        # SECURE_HSTS_* defaults of config/settings/production.py (docker-compose.yml keeps them).
        ("Strict-Transport-Security", "max-age=31536000; includeSubDomains; preload"),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "strict-origin-when-cross-origin"),
        ("X-Frame-Options", "DENY"),
        ("Cross-Origin-Opener-Policy", "same-origin"),
    ],
)
def test_security_header__on_every_answer(answers, header, expected):
    assert {path: response.headers.get(header) for path, response in answers.items()} == dict.fromkeys(PATHS, expected)


def test_content_security_policy__on_every_answer(answers):
    for path, response in answers.items():
        policy = response.headers.get("Content-Security-Policy", "")
        directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
        assert directives.get("default-src") == "'self'", path
        assert directives.get("frame-ancestors") == "'self'", path
        assert directives.get("object-src") == "'none'", path


def test_server_header__names_no_version(answers):
    for path, response in answers.items():
        assert not re.search(r"\d", response.headers.get("Server", "")), (path, response.headers.get("Server"))


def test_cookies__secure_and_http_only_where_set(answers):
    cookies = [cookie for response in answers.values() for cookie in response.headers.get_all("Set-Cookie", [])]

    assert cookies, "the forms set at least the CSRF cookie"
    for cookie in cookies:
        name = cookie.split("=", 1)[0]
        flags = {flag.strip().split("=")[0].lower() for flag in cookie.split(";")[1:]}
        assert "secure" in flags, cookie
        assert "samesite" in flags, cookie
        if name == "sessionid":
            assert "httponly" in flags, cookie
