"""Inclusive writing (« élu·e·s ») comes back unharmed from the database and from revisions."""

import pytest

from publications.models import ActionPage, ProgrammePage
from tests import factories

pytestmark = pytest.mark.django_db

TITLE = "Séminaire des élu·e·s et des conseiller·e·s citoyen·ne·s"
RICH_TEXT = "<p>Les <b>élu·e·s</b>, les habitant·e·s et les agent·e·s de l’État : « tou·te·s concerné·e·s ».</p>"


def test_inclusive_writing__title_survives_a_save_and_reload():
    action = factories.ActionPageFactory(title=TITLE)

    assert ActionPage.objects.get(pk=action.pk).title == TITLE


def test_inclusive_writing__rich_text_survives_a_save_and_reload():
    programme = factories.ProgrammePageFactory(introduction=RICH_TEXT)

    assert ProgrammePage.objects.get(pk=programme.pk).introduction == RICH_TEXT


def test_inclusive_writing__title_and_rich_text_survive_a_revision():
    programme = factories.ProgrammePageFactory()
    programme.title = TITLE
    programme.introduction = RICH_TEXT
    programme.save_revision()

    draft = ProgrammePage.objects.get(pk=programme.pk).get_latest_revision_as_object()

    assert (draft.title, draft.introduction) == (TITLE, RICH_TEXT)


def test_inclusive_writing__found_by_search():
    factories.ActionPageFactory(title=TITLE)

    results = ActionPage.objects.search("élu·e·s")

    assert [page.title for page in results] == [TITLE]
