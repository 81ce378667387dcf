"""The editors' day, read: tasks waiting for a user, pages sent back to them, the calendar's entries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from config.time_zone import PARIS
from editorial import calendar, roles
from editorial.calendar import CalendarEntry, CalendarPeriod, EntryKind
from editorial.selectors import (
    calendar_entries,
    pages_editable_by,
    pages_returned_to_user,
    tasks_awaiting_user,
)
from tests import factories
from tests.editorial.workflow import page_submit, task_act


def paris(*args: int) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=PARIS)


def schedule(page, *, at: datetime.datetime, user=None, title: str | None = None):
    """Publish a revision of ``page`` to go live at ``at``, as an approved workflow would."""
    page = page.specific
    page.go_live_at = at
    if title:
        page.title = title
    revision = page.save_revision(user=user)
    revision.publish(user=user)
    return revision


def count_queries(function, **kwargs) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as queries:
        result = function(**kwargs)
    return len(queries), result


# Tasks awaiting a user


def test_tasks_awaiting_user__reviewer_sees_submitted_action(team, action):
    page_submit(action, user=team.editor, title="Séminaire des élu·e·s, version relue")

    [item] = tasks_awaiting_user(user=team.reviewer)

    assert item.page.pk == action.pk
    assert item.title == "Séminaire des élu·e·s, version relue"
    assert item.task_name == "Relecture"
    assert item.submitted_by == team.editor
    assert item.submitted_at <= timezone.now()
    assert item.board_progress is None
    assert item.page_type == "action"


@pytest.mark.parametrize("role", [roles.EDITORS, roles.BOARD])
def test_tasks_awaiting_user__review_task_is_not_for_editors_nor_board(team, action, role):
    page_submit(action, user=team.editor)

    assert tasks_awaiting_user(user=team.by_role(role)) == []


def test_tasks_awaiting_user__board_sees_votes_so_far(team, programme):
    page_submit(programme, user=team.editor)
    task_act(programme, user=team.reviewer, action="approve")

    [before] = tasks_awaiting_user(user=team.board[1])
    task_act(programme, user=team.board[0], action="approve")
    [after] = tasks_awaiting_user(user=team.board[1])

    assert before.task_name == "Validation du Bureau"
    assert before.board_progress.label == "0 sur 2"
    assert after.board_progress.label == "1 sur 2"
    assert tasks_awaiting_user(user=team.reviewer) == []


def test_tasks_awaiting_user__voter_no_longer_sees_the_task(team, programme):
    page_submit(programme, user=team.editor)
    task_act(programme, user=team.reviewer, action="approve")
    task_act(programme, user=team.board[0], action="approve")

    assert tasks_awaiting_user(user=team.board[0]) == []


def test_tasks_awaiting_user__superuser_sees_every_task(team, action, programme):
    page_submit(action, user=team.editor)
    page_submit(programme, user=team.editor)
    task_act(programme, user=team.reviewer, action="approve")

    items = tasks_awaiting_user(user=team.superuser)

    assert {(item.page.pk, item.task_name) for item in items} == {
        (action.pk, "Relecture"),
        (programme.pk, "Validation du Bureau"),
    }


def test_tasks_awaiting_user__finished_workflow_leaves_the_list(team, action):
    page_submit(action, user=team.editor)
    task_act(action, user=team.reviewer, action="approve")

    assert tasks_awaiting_user(user=team.reviewer) == []


def test_tasks_awaiting_user__queries_do_not_grow_with_tasks(team, programme, site_tree):
    def submit_pages(count: int) -> None:
        for _ in range(count):
            page_submit(factories.ActionPageFactory(parent=programme), user=team.editor)
            board_page = factories.ProgrammePageFactory(parent=site_tree.programmes)
            page_submit(board_page, user=team.editor)
            task_act(board_page, user=team.reviewer, action="approve")
            task_act(board_page, user=team.board[1], action="approve")

    submit_pages(1)
    one, items = count_queries(tasks_awaiting_user, user=team.superuser)
    assert len(items) == 2
    submit_pages(19)
    twenty, items = count_queries(tasks_awaiting_user, user=team.superuser)

    assert len(items) == 40
    assert twenty == one
    assert {item.board_progress.label for item in items if item.board_progress} == {"1 sur 2"}


# Pages returned to a user


def test_pages_returned_to_user__rejected_page_with_comment(team, action):
    page_submit(action, user=team.editor)
    task_act(action, user=team.reviewer, action="reject", comment="Précisez le public visé.")

    [item] = pages_returned_to_user(user=team.editor)

    assert item.page.pk == action.pk
    assert item.task_name == "Relecture"
    assert item.comment == "Précisez le public visé."
    assert item.returned_by == team.reviewer
    assert item.returned_at <= timezone.now()


def test_pages_returned_to_user__board_rejection(team, programme):
    page_submit(programme, user=team.editor)
    task_act(programme, user=team.reviewer, action="approve")
    task_act(programme, user=team.board[0], action="reject", comment="L'axe 2 engage trop le centre.")

    [item] = pages_returned_to_user(user=team.editor)

    assert item.task_name == "Validation du Bureau"
    assert item.returned_by == team.board[0]
    assert item.comment == "L'axe 2 engage trop le centre."


def test_pages_returned_to_user__only_the_requester_sees_it(team, action):
    page_submit(action, user=team.editor)
    task_act(action, user=team.reviewer, action="reject", comment="À reprendre.")

    assert pages_returned_to_user(user=team.reviewer) == []
    assert pages_returned_to_user(user=team.superuser) == []


def test_pages_returned_to_user__resubmitted_page_leaves_the_list(team, action):
    workflow_state = page_submit(action, user=team.editor)
    task_act(action, user=team.reviewer, action="reject", comment="À reprendre.")

    workflow_state.refresh_from_db()
    workflow_state.resume(user=team.editor)

    assert pages_returned_to_user(user=team.editor) == []


def test_pages_returned_to_user__approved_and_in_progress_pages_are_not_listed(team, action, programme):
    page_submit(action, user=team.editor)
    task_act(action, user=team.reviewer, action="approve")
    page_submit(programme, user=team.editor)

    assert pages_returned_to_user(user=team.editor) == []


def test_pages_returned_to_user__latest_return_first(team, programme):
    first = factories.ActionPageFactory(parent=programme)
    second = factories.ActionPageFactory(parent=programme)
    for page in (first, second):
        page_submit(page, user=team.editor)
        task_act(page, user=team.reviewer, action="reject", comment="À reprendre.")

    assert [item.page.pk for item in pages_returned_to_user(user=team.editor)] == [second.pk, first.pk]


# Calendar entries


WEEK = CalendarPeriod.around(view="semaine", day=datetime.date(2031, 3, 26))  # Mon 24 – Sun 30 March 2031


def test_calendar_entries__scheduled_publication_in_range(team, action):
    schedule(action, at=paris(2031, 3, 26, 9, 30), user=team.reviewer, title="Séminaire, version programmée")

    [entry] = calendar_entries(start=WEEK.start, end=WEEK.end)

    assert entry.kind == EntryKind.PUBLICATION
    assert entry.kind_label == "Publication programmée"
    assert entry.starts_at == paris(2031, 3, 26, 9, 30)
    assert entry.title == "Séminaire, version programmée"
    assert entry.page.pk == action.pk


def test_calendar_entries__first_publication_of_a_draft(programme):
    draft = factories.ActionPageFactory(parent=programme, live=False, title="Journée d'étude jeunesse")
    schedule(draft, at=paris(2031, 3, 27, 8, 0))

    [entry] = calendar_entries(start=WEEK.start, end=WEEK.end)

    assert entry.page.pk == draft.pk
    assert not entry.page.live


def test_calendar_entries__unapproved_go_live_date_is_not_scheduled(action):
    page = action.specific
    page.go_live_at = paris(2031, 3, 26, 9, 30)
    page.save_revision()

    assert calendar_entries(start=WEEK.start, end=WEEK.end) == []


def test_calendar_entries__publications_out_of_range_are_left_out(programme):
    schedule(factories.ActionPageFactory(parent=programme), at=paris(2031, 3, 23, 23, 59))
    schedule(factories.ActionPageFactory(parent=programme), at=paris(2031, 3, 31, 0, 0))

    assert calendar_entries(start=WEEK.start, end=WEEK.end) == []


def test_calendar_entries__action_sessions_live_draft_and_cancelled(programme):
    live = factories.ActionPageFactory(parent=programme, title="Groupe de travail participation")
    draft = factories.ActionPageFactory(parent=programme, live=False, title="Cycle de qualification")
    factories.ActionSessionFactory(page=live, starts_at=paris(2031, 3, 25, 14, 0), venue="Bourse du travail")
    factories.ActionSessionFactory(page=draft, starts_at=paris(2031, 3, 26, 9, 0), cancelled=True)

    entries = calendar_entries(start=WEEK.start, end=WEEK.end)

    assert [(entry.kind, entry.title, entry.cancelled, entry.page.live) for entry in entries] == [
        (EntryKind.ACTION_SESSION, "Groupe de travail participation", False, True),
        (EntryKind.ACTION_SESSION, "Cycle de qualification", True, False),
    ]
    assert entries[0].ends_at == paris(2031, 3, 25, 16, 0)
    assert "Bourse du travail" in entries[0].detail
    assert "Sur place" in entries[0].detail


def test_calendar_entries__sorted_by_time_then_kind(team, action):
    factories.ActionSessionFactory(page=action, starts_at=paris(2031, 3, 26, 9, 0))
    schedule(action, at=paris(2031, 3, 26, 9, 0))
    factories.ActionSessionFactory(page=action, starts_at=paris(2031, 3, 25, 18, 0))

    entries = calendar_entries(start=WEEK.start, end=WEEK.end)

    assert [(entry.starts_at, entry.kind) for entry in entries] == [
        (paris(2031, 3, 25, 18, 0), EntryKind.ACTION_SESSION),
        (paris(2031, 3, 26, 9, 0), EntryKind.PUBLICATION),
        (paris(2031, 3, 26, 9, 0), EntryKind.ACTION_SESSION),
    ]


def test_calendar_entries__days_are_paris_days_at_midnight(action):
    """Sunday 30 March 2031 is a DST day: 23:30 in Paris is 21:30 UTC, still Sunday."""
    inside_first = paris(2031, 3, 24, 0, 0)  # Sunday 23:00 UTC
    inside_last = paris(2031, 3, 30, 23, 30)  # Sunday 21:30 UTC
    outside = paris(2031, 3, 31, 0, 15)  # Sunday 22:15 UTC, Monday in Paris
    for starts_at in (inside_first, inside_last, outside):
        factories.ActionSessionFactory(page=action, starts_at=starts_at)

    entries = calendar_entries(start=WEEK.start, end=WEEK.end)

    assert WEEK.start == paris(2031, 3, 24) == datetime.datetime(2031, 3, 23, 23, 0, tzinfo=datetime.UTC)
    assert WEEK.end == paris(2031, 3, 31) == datetime.datetime(2031, 3, 30, 22, 0, tzinfo=datetime.UTC)
    assert [entry.starts_at for entry in entries] == [inside_first, inside_last]
    assert [entry.day for entry in entries] == [datetime.date(2031, 3, 24), datetime.date(2031, 3, 30)]


def test_calendar_entries__newsletter_sends_come_from_the_registered_provider(monkeypatch, action):
    issue = factories.NewsletterIssuePageFactory()
    calls = []

    def newsletter_sends(*, start, end):
        calls.append((start, end))
        return [
            CalendarEntry(
                kind=EntryKind.NEWSLETTER_SEND, starts_at=paris(2031, 3, 27, 10, 0), title="n° 12", page=issue
            ),
            CalendarEntry(kind=EntryKind.NEWSLETTER_SEND, starts_at=paris(2031, 4, 2, 10, 0), title="n° 13"),
        ]

    monkeypatch.setitem(calendar._providers, EntryKind.NEWSLETTER_SEND, None)
    calendar.calendar_provider_register(EntryKind.NEWSLETTER_SEND, newsletter_sends)

    entries = calendar_entries(start=WEEK.start, end=WEEK.end)

    assert calls == [(WEEK.start, WEEK.end)]
    assert [(entry.kind_label, entry.title) for entry in entries] == [("Envoi de lettre programmé", "n° 12")]


def test_calendar_entries__newsletter_sends_have_a_provider_that_gives_nothing_yet():
    assert EntryKind.NEWSLETTER_SEND in calendar.calendar_providers()
    assert calendar._newsletter_sends_none(start=WEEK.start, end=WEEK.end) == []


def test_calendar_entries__queries_do_not_grow_with_entries(monkeypatch, programme):
    def add_entries(count: int) -> None:
        for n in range(count):
            action = factories.ActionPageFactory(parent=programme)
            factories.ActionSessionFactory(
                page=action, starts_at=paris(2031, 3, 25, 9, n), town=factories.TerritoryFactory()
            )
            schedule(factories.ActionPageFactory(parent=programme), at=paris(2031, 3, 26, 9, n))

    add_entries(1)
    one, entries = count_queries(calendar_entries, start=WEEK.start, end=WEEK.end)
    assert len(entries) == 2
    add_entries(19)
    twenty, entries = count_queries(calendar_entries, start=WEEK.start, end=WEEK.end)

    assert len(entries) == 40
    assert twenty == one


# Edit links


def test_pages_editable_by__roles(team, action):
    pages = [action]

    assert pages_editable_by(user=team.editor, pages=pages) == {action.pk}
    assert pages_editable_by(user=team.reviewer, pages=pages) == {action.pk}
    assert pages_editable_by(user=team.superuser, pages=pages) == {action.pk}
    assert pages_editable_by(user=team.board[0], pages=pages) == set()
