"""Which issues may be sent: one rule (live), read on the database and on a loaded page alike."""

import pytest

from sending.selectors import issue_is_sendable, issue_shows_sendable, issues_sendable

pytestmark = pytest.mark.django_db


def test_sendable__a_live_issue_is_sendable_everywhere(issue):
    assert issue_is_sendable(issue)
    assert issue_shows_sendable(issue)
    assert list(issues_sendable()) == [issue]


def test_sendable__an_unpublished_issue_is_sendable_nowhere(issue):
    loaded = type(issue).objects.get(pk=issue.pk)
    issue.unpublish()

    # The loaded page is stale: the database form is the one a send checks.
    assert not issue_is_sendable(loaded)
    loaded.refresh_from_db()
    assert not issue_shows_sendable(loaded)
    assert not issues_sendable().exists()
