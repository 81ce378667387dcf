"""One Paris time zone: the settings and every module read config.time_zone, none builds its own."""

from django.conf import settings

from config.time_zone import PARIS, PARIS_TIME_ZONE_NAME
from tests.source import modules_containing


def test_settings__django_and_celery_use_the_paris_time_zone():
    assert settings.TIME_ZONE == PARIS_TIME_ZONE_NAME == PARIS.key
    assert settings.CELERY_TIMEZONE == PARIS_TIME_ZONE_NAME


def test_app_code__no_module_but_config_time_zone_names_the_zone():
    assert modules_containing('ZoneInfo("Europe/Paris")', besides="config/time_zone.py") == []
