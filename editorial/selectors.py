"""Reads of the editors' day: what waits for a user, what came back to them, and the calendar.

Each selector runs a fixed number of queries whatever the number of items it returns.
"""

import datetime
from dataclasses import dataclass
from itertools import chain
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise
from wagtail.models import Page, Revision, TaskState, WorkflowState

from config.parsing import positive_int
from editorial.calendar import CalendarEntry, EntryKind, calendar_providers
from editorial.models import BoardValidationTask, BoardVote, vote_progress_label


def _page_content_type_id() -> int:
    return ContentType.objects.get_for_model(Page).pk


def _pages_in_bulk(object_ids: set[str]) -> dict[int, Page]:
    """Pages by id, from the text ids workflow states and revisions hold, in one query."""
    ids = {number for object_id in object_ids if (number := positive_int(object_id)) is not None}
    if not ids:
        return {}
    return Page.objects.select_related("content_type").in_bulk(ids)


def _page_of(pages: dict[int, Page], object_id: str) -> Page | None:
    number = positive_int(object_id)
    return pages.get(number) if number is not None else None


def page_type_label(page: Page) -> str:
    """« programme », « action »… from the page's content type, without a query."""
    model = page.content_type.model_class()
    return str(model._meta.verbose_name) if model else ""


# What waits for a user


@dataclass(frozen=True)
class BoardProgress:
    """Approvals a board validation has, out of those it needs."""

    approvals: int
    needed: int

    @property
    def label(self) -> str:
        return vote_progress_label(approvals=self.approvals, needed=self.needed)


@dataclass(frozen=True)
class AwaitingTask:
    task_state: TaskState
    page: Page
    title: str
    task_name: str
    submitted_by: Any
    submitted_at: datetime.datetime
    board_progress: BoardProgress | None = None

    @property
    def page_type(self) -> str:
        return page_type_label(self.page)


def tasks_awaiting_user(*, user: Any) -> list[AwaitingTask]:
    """Task states on pages ``user`` may approve or reject now, oldest first.

    Wagtail's ``TaskState.objects.reviewable_by``: group tasks of the user's groups, and board
    validations of the user's board on which they have not voted yet. ``submitted_by`` is who
    submitted the page to the workflow, ``submitted_at`` when the page reached this task; the
    title is the one of the revision under review.
    """
    approvals = (
        BoardVote.objects.filter(task_state=OuterRef("pk"), approved=True)
        .values("task_state")
        .annotate(total=Count("pk"))
        .values("total")
    )
    states = list(
        TaskState.objects.reviewable_by(user)
        .filter(workflow_state__base_content_type_id=_page_content_type_id())
        .select_related("task", "workflow_state__requested_by")
        .annotate(
            approvals=Coalesce(Subquery(approvals, output_field=IntegerField()), Value(0)),
            revision_title=KeyTextTransform("title", "revision__content"),
        )
        .order_by("started_at", "pk")
    )
    pages = _pages_in_bulk({state.workflow_state.object_id for state in states})
    board_tasks = BoardValidationTask.objects.select_related("group").in_bulk({state.task_id for state in states})
    needed: dict[tuple[int, int | None], int] = {}
    items = []
    for state in states:
        page = _page_of(pages, state.workflow_state.object_id)
        if page is None:
            continue
        board_task = board_tasks.get(state.task_id)
        progress = None
        if board_task:
            # One count per task and site: a site's pages share their centre's board (the site's id from
            # Wagtail's cached site roots, without a query).
            url_parts = page.get_url_parts()
            key = (board_task.pk, url_parts[0] if url_parts else None)
            if key not in needed:
                needed[key] = board_task.approvals_needed(page)
            progress = BoardProgress(state.approvals, needed[key])
        items.append(
            AwaitingTask(
                task_state=state,
                page=page,
                title=state.revision_title or page.draft_title,
                task_name=state.task.name,
                submitted_by=state.workflow_state.requested_by,
                submitted_at=state.started_at,
                board_progress=progress,
            )
        )
    return items


# What came back to a user


@dataclass(frozen=True)
class ReturnedPage:
    workflow_state: WorkflowState
    page: Page
    task_name: str
    comment: str
    returned_by: Any
    returned_at: datetime.datetime | None
    cancelled: bool = False

    @property
    def page_type(self) -> str:
        return page_type_label(self.page)


def pages_returned_to_user(*, user: Any) -> list[ReturnedPage]:
    """Pages ``user`` submitted whose workflow was sent back to them, latest return first.

    A rejected task leaves its workflow in ``needs_changes`` (Wagtail has no « rejected »
    workflow status), with the rejected task as its current task: that task holds the
    comment, who returned the page and when. A page has at most one such active workflow,
    always its latest (Wagtail refuses a second active one); resubmitting moves it back to
    ``in_progress``, and it leaves this list. A circuit an administrator cancelled is listed too,
    with its reason, until the page is submitted again.
    """
    content_type_id = _page_content_type_id()
    later = WorkflowState.objects.filter(
        base_content_type_id=content_type_id, object_id=OuterRef("object_id"), pk__gt=OuterRef("pk")
    )
    # An administrator's cancellation holds its reason as the task's comment (editorial.cancellation);
    # a workflow cancelled by publishing, or withdrawn, has none.
    cancelled = Q(status=WorkflowState.STATUS_CANCELLED) & ~Q(current_task_state__comment="") & ~Exists(later)
    workflow_states = list(
        WorkflowState.objects.filter(Q(status=WorkflowState.STATUS_NEEDS_CHANGES) | cancelled)
        .filter(requested_by=user, base_content_type_id=content_type_id)
        .select_related("current_task_state__task", "current_task_state__finished_by")
        .order_by("-current_task_state__finished_at", "-pk")
    )
    pages = _pages_in_bulk({state.object_id for state in workflow_states})
    items = []
    for state in workflow_states:
        page = _page_of(pages, state.object_id)
        task_state = state.current_task_state
        if page is None or task_state is None:
            continue
        items.append(
            ReturnedPage(
                workflow_state=state,
                page=page,
                task_name=task_state.task.name,
                comment=task_state.comment,
                returned_by=task_state.finished_by,
                returned_at=task_state.finished_at,
                cancelled=state.status == WorkflowState.STATUS_CANCELLED,
            )
        )
    return items


# The calendar


def publications_scheduled(*, start: datetime.datetime, end: datetime.datetime) -> list[CalendarEntry]:
    """Revisions approved for publication at a time in [start, end).

    ``Revision.approved_go_live_at`` is what ``publish_scheduled`` acts on: Wagtail sets it when
    a revision with a future go-live date is published (for a page already live, only the
    revision knows the new date). ``Page.go_live_at`` alone is a draft setting that publishes
    nothing until a revision is approved, so it is not listed. The title is the scheduled one.
    """
    revisions = list(
        Revision.page_revisions.filter(approved_go_live_at__gte=start, approved_go_live_at__lt=end)
        .annotate(scheduled_title=KeyTextTransform("title", "content"))
        .defer("content")
        .order_by("approved_go_live_at", "pk")
    )
    pages = _pages_in_bulk({revision.object_id for revision in revisions})
    entries = []
    for revision in revisions:
        page = _page_of(pages, revision.object_id)
        if page is None:
            continue
        entries.append(
            CalendarEntry(
                kind=EntryKind.PUBLICATION,
                starts_at=revision.approved_go_live_at,
                title=revision.scheduled_title or page.draft_title,
                page=page,
                detail=capfirst(page_type_label(page)),
            )
        )
    return entries


def calendar_entries(*, start: datetime.datetime, end: datetime.datetime) -> list[CalendarEntry]:
    """Everything dated in [start, end): scheduled publications, newsletter sends, action sessions.

    Sends and sessions come from the providers the sending and publications apps register in
    ``editorial.calendar``.
    """
    provided = (provider(start=start, end=end) for provider in calendar_providers().values())
    entries = chain(
        publications_scheduled(start=start, end=end),
        *provided,
    )
    return sorted((entry for entry in entries if start <= entry.starts_at < end), key=CalendarEntry.sort_key)


def pages_editable_by(*, user: Any, pages: list[Page]) -> set[int]:
    """Ids of the pages whose edit view ``user`` may open, from their cached page permissions.

    Wagtail's ``can_edit()`` also lets in the reviewers of a page's current task, at one query
    per page; the calendar links those pages to their live version only.
    """
    if user.is_superuser:
        return {page.pk for page in pages}
    editable = set()
    for page in pages:
        permissions: set[str] = getattr(page.permissions_for_user(user), "permissions", set())
        if "change" in permissions or ("add" in permissions and page.owner_id == user.pk):
            editable.add(page.pk)
    return editable


# The dashboard's overview

OVERVIEW_DAYS = 14
OVERVIEW_SESSIONS = 6


@dataclass(frozen=True)
class PageStateCount:
    label: StrOrPromise
    count: int


def pages_by_state() -> list[PageStateCount]:
    """How many pages are published, being changed, drafts, in a circuit, sent back, scheduled: three queries."""
    pages = Page.objects.filter(depth__gt=2).aggregate(
        published=Count("pk", filter=Q(live=True, has_unpublished_changes=False)),
        changed=Count("pk", filter=Q(live=True, has_unpublished_changes=True)),
        drafts=Count("pk", filter=Q(live=False)),
    )
    workflows = WorkflowState.objects.filter(base_content_type_id=_page_content_type_id()).aggregate(
        in_progress=Count("pk", filter=Q(status=WorkflowState.STATUS_IN_PROGRESS)),
        needs_changes=Count("pk", filter=Q(status=WorkflowState.STATUS_NEEDS_CHANGES)),
    )
    scheduled = Revision.page_revisions.filter(approved_go_live_at__isnull=False).count()
    return [
        PageStateCount(_("Publiées"), pages["published"]),
        PageStateCount(_("Publiées, modifications en brouillon"), pages["changed"]),
        PageStateCount(_("Brouillons jamais publiés"), pages["drafts"]),
        PageStateCount(_("Dans un circuit de validation"), workflows["in_progress"]),
        PageStateCount(_("Renvoyées pour modification"), workflows["needs_changes"]),
        PageStateCount(_("Publication programmée"), scheduled),
    ]


def upcoming_sessions_overview(*, now: datetime.datetime | None = None) -> list[CalendarEntry]:
    """The next sessions of every action, live or draft, in the coming days (one query)."""
    start = now or timezone.now()
    # The sessions come from the content app's calendar provider (editorial sits below the content).
    provider = calendar_providers()[EntryKind.ACTION_SESSION]
    entries = sorted(
        provider(start=start, end=start + datetime.timedelta(days=OVERVIEW_DAYS)), key=CalendarEntry.sort_key
    )
    return entries[:OVERVIEW_SESSIONS]


def page_voted_on_by(*, user: Any, page_id: int) -> bool:
    """Whether ``user`` voted in a board validation of the page (so may read its history afterwards)."""
    return BoardVote.objects.filter(
        user=user,
        task_state__workflow_state__base_content_type_id=_page_content_type_id(),
        task_state__workflow_state__object_id=str(page_id),
    ).exists()
