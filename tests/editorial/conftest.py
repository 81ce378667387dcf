"""A client for each member of the team (tests/users.py), the pages they work on, no search indexing."""

from types import SimpleNamespace

import pytest

from tests import factories


@pytest.fixture(autouse=True)
def search_index_not_updated(settings):
    """Indexing every saved page is the search app's concern (tests/search), and a third of the time
    these tests would take: the backends are told not to update (AUTO_UPDATE: False)."""
    settings.WAGTAILSEARCH_BACKENDS = {
        name: {**params, "AUTO_UPDATE": False} for name, params in settings.WAGTAILSEARCH_BACKENDS.items()
    }


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
