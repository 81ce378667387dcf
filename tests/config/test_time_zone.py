"""One Paris time zone: the settings and every module read config.time_zone, none builds its own."""

from pathlib import Path

from django.conf import settings

from config.time_zone import PARIS, PARIS_TIME_ZONE_NAME

ROOT = Path(__file__).resolve().parents[2]
APPS = [path.parent for path in ROOT.glob("*/__init__.py") if path.parent.name != "tests"]


def test_settings__django_and_celery_use_the_paris_time_zone():
    assert settings.TIME_ZONE == PARIS_TIME_ZONE_NAME == PARIS.key
    assert settings.CELERY_TIMEZONE == PARIS_TIME_ZONE_NAME


def test_app_code__no_module_but_config_time_zone_names_the_zone():
    own = ROOT / "config" / "time_zone.py"
    writers = [
        path.relative_to(ROOT).as_posix()
        for app in APPS
        for path in app.rglob("*.py")
        if path != own and 'ZoneInfo("Europe/Paris")' in path.read_text(encoding="utf-8")
    ]
    assert writers == []
