"""Producing a report: validate what was asked, compute the document, render it, store the file.

In the admin, ``report_request_create`` records the request and queues the Celery task (through
the outbox, in the request's transaction); the task runs ``report_request_run``, which claims the
row (queued → running) so that a redelivered task does nothing, and moves ``progress`` as it goes.
The management command calls ``report_bytes`` directly.
"""

import datetime
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from outbox.services import task_enqueue
from publications.models import ProgrammePage
from reports import selectors
from reports.documents import Document
from reports.layout import layout_of
from reports.models import ReportFormat, ReportKind, ReportRequest, ReportState
from reports.renderers import RENDERERS

logger = logging.getLogger(__name__)

# An activity report covers at most this long: a funder's year, with room for a two-year convention.
MAX_PERIOD = datetime.timedelta(days=3 * 366)
EARLIEST = datetime.date(1990, 1, 1)
# How far ahead a document may be dated: a programme is written a year or two in advance, and a
# bound keeps far dates (9999-12-31, whose next day overflows) out of the period arithmetic.
YEARS_AHEAD = 10


def latest_date() -> datetime.date:
    return datetime.date(timezone.localdate().year + YEARS_AHEAD, 12, 31)


@dataclass(frozen=True)
class ReportSpec:
    kind: str
    programme: ProgrammePage | None = None
    at: datetime.date | None = None
    start: datetime.date | None = None
    end: datetime.date | None = None


def report_spec_check(spec: ReportSpec) -> None:
    """Refuse, in French, what cannot make a document: raises ValidationError by field."""
    if spec.kind not in ReportKind.values:
        raise ValidationError({"kind": "Choisissez un document : programme, point d'avancement ou rapport d'activité."})
    if spec.kind in (ReportKind.PROGRAMME, ReportKind.PROGRESS) and spec.programme is None:
        raise ValidationError({"programme": "Choisissez le programme du document."})
    if spec.kind == ReportKind.PROGRESS and spec.at is None:
        raise ValidationError({"at": "Indiquez la date du point d'avancement."})
    latest = latest_date()
    for name, day in (("at", spec.at), ("start", spec.start), ("end", spec.end)):
        if day is not None and day < EARLIEST:
            raise ValidationError({name: f"Choisissez une date après le {EARLIEST:%d/%m/%Y}."})
        if day is not None and day > latest:
            raise ValidationError({name: f"Choisissez une date avant le {latest:%d/%m/%Y}."})
    if spec.kind == ReportKind.ACTIVITY:
        if spec.start is None or spec.end is None:
            raise ValidationError({"start": "Indiquez le début et la fin de la période."})
        if spec.end < spec.start:
            raise ValidationError({"end": "La fin de la période précède son début : inversez les dates."})
        if spec.end - spec.start > MAX_PERIOD:
            raise ValidationError({"end": "Une période de trois ans au plus : découpez-la en plusieurs rapports."})


def report_document(spec: ReportSpec) -> Document:
    report_spec_check(spec)
    today = timezone.localdate()
    if spec.kind == ReportKind.PROGRAMME:
        assert spec.programme is not None
        return selectors.programme_booklet(programme=spec.programme, at=spec.at or today)
    if spec.kind == ReportKind.PROGRESS:
        assert spec.programme is not None
        assert spec.at is not None
        return selectors.progress_review(programme=spec.programme, at=spec.at)
    assert spec.start is not None
    assert spec.end is not None
    return selectors.activity_report(start=spec.start, end=spec.end)


def report_bytes(*, spec: ReportSpec, file_format: str, progress: Callable[[int], None] | None = None) -> bytes:
    if file_format not in ReportFormat.values:
        raise ValidationError({"file_format": "Choisissez un format : PDF, DOCX ou XLSX."})
    report = (lambda _percent: None) if progress is None else progress
    document = report_document(spec)
    report(40)
    layout = layout_of(document)
    report(60)
    return RENDERERS[file_format](layout)


def report_request_create(*, spec: ReportSpec, file_format: str, user: Any) -> ReportRequest:
    from reports.tasks import report_generate  # the task calls this module

    report_spec_check(spec)
    with transaction.atomic():
        request = ReportRequest.objects.create(
            kind=spec.kind,
            file_format=file_format,
            programme=spec.programme,
            at=spec.at,
            period_start=spec.start,
            period_end=spec.end,
            requested_by=user,
        )
        task_enqueue(task=report_generate, args=[request.pk])
    return request


def _progress_set(request_id: int, percent: int) -> None:
    ReportRequest.objects.filter(pk=request_id, state=ReportState.RUNNING).update(progress=percent)


def report_request_run(*, request_id: int) -> bool:
    """Produce the file of a queued request; False when another run has it or it is gone."""
    claimed = ReportRequest.objects.filter(pk=request_id, state=ReportState.QUEUED).update(
        state=ReportState.RUNNING, progress=10
    )
    if not claimed:
        return False
    request = ReportRequest.objects.select_related("programme").get(pk=request_id)
    spec = ReportSpec(
        kind=request.kind,
        programme=request.programme,
        at=request.at,
        start=request.period_start,
        end=request.period_end,
    )
    try:
        content = report_bytes(
            spec=spec, file_format=request.file_format, progress=lambda percent: _progress_set(request_id, percent)
        )
    except Exception as error:
        logger.exception("Report %s failed", request_id)
        message = "; ".join(error.messages) if isinstance(error, ValidationError) else "Erreur inattendue."
        ReportRequest.objects.filter(pk=request_id).update(
            state=ReportState.FAILED, error=message, finished_at=timezone.now()
        )
        return False
    _progress_set(request_id, 90)
    request.file.save(request.download_name, ContentFile(content), save=False)
    ReportRequest.objects.filter(pk=request_id, state=ReportState.RUNNING).update(
        file=request.file.name, state=ReportState.DONE, progress=100, finished_at=timezone.now()
    )
    return True
