"""The Celery task: claims its row, moves the progress, records a failure in French, runs once."""

import datetime

import pytest

from reports import services
from reports.models import ReportRequest, ReportState
from reports.services import ReportSpec
from reports.tasks import report_generate

pytestmark = pytest.mark.django_db


def test_task__eager_run_produces_the_file(built, settings, tmp_path, team):
    settings.MEDIA_ROOT = str(tmp_path)
    report = ReportRequest.objects.create(
        kind="programme", file_format="xlsx", programme=built.programme, requested_by=team.editor
    )

    assert report_generate.delay(report.pk).get() is True

    report.refresh_from_db()
    assert (report.state, report.progress) == (ReportState.DONE, 100)
    assert report.file.read().startswith(b"PK")
    assert report.finished_at is not None


def test_task__a_second_delivery_does_nothing(built, settings, tmp_path, team):
    settings.MEDIA_ROOT = str(tmp_path)
    report = ReportRequest.objects.create(
        kind="programme", file_format="pdf", programme=built.programme, requested_by=team.editor
    )
    assert services.report_request_run(request_id=report.pk) is True
    first = ReportRequest.objects.get(pk=report.pk).file.name

    assert services.report_request_run(request_id=report.pk) is False
    assert ReportRequest.objects.get(pk=report.pk).file.name == first


def test_task__a_request_that_became_invalid_fails_with_a_french_reason(built, team):
    report = ReportRequest.objects.create(
        kind="activity",
        file_format="pdf",
        period_start=datetime.date(2017, 12, 31),
        period_end=datetime.date(2017, 1, 1),
        requested_by=team.editor,
    )

    assert services.report_request_run(request_id=report.pk) is False

    report.refresh_from_db()
    assert report.state == ReportState.FAILED
    assert "La fin de la période précède son début" in report.error


def test_create__queues_the_task_through_the_outbox(built, team):
    from outbox.models import OutboxMessage

    report = services.report_request_create(
        spec=ReportSpec(kind="programme", programme=built.programme), file_format="pdf", user=team.editor
    )

    message = OutboxMessage.objects.get()
    assert (message.task_name, message.args) == ("reports.generate", [report.pk])
