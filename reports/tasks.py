"""Celery task of the reports: one document produced outside the request."""

from celery import shared_task

from reports import services


@shared_task(name="reports.generate")
def report_generate(request_id: int) -> bool:
    return services.report_request_run(request_id=request_id)
