"""Users of each editorial role, and the pages they work on."""

from dataclasses import dataclass
from typing import Any

import pytest

from editorial import roles
from tests import factories
from tests.editorial_views.workflow import user_with_role


@dataclass(frozen=True)
class Team:
    editor: Any
    reviewer: Any
    board_1: Any
    board_2: Any
    admin: Any


@pytest.fixture
def team(db) -> Team:
    """An editor, a reviewer, two board members (so a validation needs both) and a superuser."""
    return Team(
        editor=user_with_role("nadia.benali", roles.EDITORS),
        reviewer=user_with_role("louis.moreau", roles.REVIEWERS),
        board_1=user_with_role("claire.dubois", roles.BOARD),
        board_2=user_with_role("samir.haddad", roles.BOARD),
        admin=user_with_role("camille.martin", None, is_superuser=True, is_staff=True),
    )


@pytest.fixture
def programme(site_tree):
    return factories.ProgrammePageFactory(parent=site_tree.programmes)


@pytest.fixture
def action(programme):
    return factories.ActionPageFactory(parent=programme, title="Séminaire des élu·e·s : la gestion urbaine")


@pytest.fixture
def local_cache(settings):
    """A cache of this process's own, for tests that count queries.

    With REDIS_URL, xdist workers share one Redis cache under one key prefix: another worker
    saving a site clears Wagtail's cached site root paths, and a request queries them again.
    """
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "editorial-views"}
    }
