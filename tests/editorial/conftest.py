"""One user per editorial role (with a name and an email), three board members, a superuser, a client for each;
the pages they work on."""

from collections.abc import Callable
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from editorial import roles
from tests import factories
from tests.conftest import MODEL_BACKEND
from tests.editorial.workflow import PASSWORD


@dataclass(frozen=True)
class Team:
    editor: Any
    reviewer: Any
    board: tuple[Any, Any, Any]
    administrator: Any
    superuser: Any

    @property
    def board_1(self) -> Any:
        return self.board[0]

    @property
    def board_2(self) -> Any:
        return self.board[1]

    @property
    def admin(self) -> Any:
        return self.superuser

    def by_role(self, role: str) -> Any:
        return {
            roles.EDITORS: self.editor,
            roles.REVIEWERS: self.reviewer,
            roles.BOARD: self.board[0],
            roles.ADMINISTRATORS: self.administrator,
        }[role]


PEOPLE = {
    "editor": ("lea.dubois", "Léa", "Dubois", roles.EDITORS),
    "reviewer": ("karim.haddad", "Karim", "Haddad", roles.REVIEWERS),
    "board_1": ("anne.lefevre", "Anne", "Lefèvre", roles.BOARD),
    "board_2": ("bruno.petit", "Bruno", "Petit", roles.BOARD),
    "board_3": ("chloe.moreau", "Chloé", "Moreau", roles.BOARD),
    "administrator": ("sophie.bernard", "Sophie", "Bernard", roles.ADMINISTRATORS),
    "superuser": ("camille.martin", "Camille", "Martin", None),
}


@pytest.fixture(autouse=True)
def search_index_not_updated(settings):
    """Indexing every saved page is the search app's concern (tests/search), and a third of the time
    these tests would take: the backends are told not to update (AUTO_UPDATE: False)."""
    settings.WAGTAILSEARCH_BACKENDS = {
        name: {**params, "AUTO_UPDATE": False} for name, params in settings.WAGTAILSEARCH_BACKENDS.items()
    }


@pytest.fixture
def team(db, django_user_model) -> Team:
    """The editorial team: the groups and their permissions come from the migrations (editorial.roles);
    the superuser is in no group."""
    users = {}
    for key, (username, first_name, last_name, group_name) in PEOPLE.items():
        user = django_user_model.objects.create_user(
            username=username,
            email=f"{username}@example.org",
            password=PASSWORD,
            first_name=first_name,
            last_name=last_name,
            **({} if group_name else {"is_superuser": True, "is_staff": True}),
        )
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        users[key] = user
    return Team(
        editor=users["editor"],
        reviewer=users["reviewer"],
        board=(users["board_1"], users["board_2"], users["board_3"]),
        administrator=users["administrator"],
        superuser=users["superuser"],
    )


@pytest.fixture
def client_for() -> Callable[[Any], Client]:
    """A fresh test client logged in as the given user (each keeps its own session)."""

    def login(user: Any) -> Client:
        client = Client()
        client.force_login(user, backend=MODEL_BACKEND)
        return client

    return login


@pytest.fixture
def clients(team, client_for) -> SimpleNamespace:
    """A logged-in client per member of the team: editor, reviewer, board (three), administrator."""
    return SimpleNamespace(
        editor=client_for(team.editor),
        reviewer=client_for(team.reviewer),
        board=[client_for(member) for member in team.board],
        administrator=client_for(team.administrator),
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
