"""`load_demo --admin`: one password, made once and kept in var/, printed in development only."""

import io
import stat

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.core.management.base import CommandError

from demo import credentials
from demo.management.commands import load_demo
from tests.factories.centres import CentreFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def password_file(tmp_path, monkeypatch):
    """The content is not what is tested here: the demo load is skipped, the password file is the test's."""
    path = tmp_path / "var" / "admin_password"
    monkeypatch.setattr(load_demo, "demo_load", lambda: None)
    monkeypatch.setattr(credentials, "DEMO_PASSWORD_FILE", path)
    return path


def admin_login(**options) -> str:
    out = io.StringIO()
    call_command("load_demo", "--admin", stdout=out, **options)
    return out.getvalue()


def test_load_demo_admin__keeps_the_password_from_one_start_to_the_next(settings, password_file):
    settings.DEBUG = True
    # The demo's centre whose roles the editorial accounts hold (its load is skipped here).
    CentreFactory(name="Pôle ressources Ville et développement social", slug="pole-ressources")

    first = admin_login()
    password = password_file.read_text(encoding="ascii")
    second = admin_login()

    assert f"Admin login: admin / {password}\n" in first
    assert first == second
    assert stat.S_IMODE(password_file.stat().st_mode) == 0o600
    assert authenticate(username="admin", password=password)
    assert authenticate(username="bureau3", password=password)


def test_load_demo_admin__outside_development_needs_a_password_and_never_prints_it(settings, password_file):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="needs --admin-password"):
        admin_login()
    out = admin_login(admin_password="mot-de-passe-de-recette")

    assert not password_file.exists()
    assert "mot-de-passe-de-recette" not in out
    assert authenticate(username="admin", password="mot-de-passe-de-recette")
