"""Celery tasks of registrations: thin wrappers around the emails module."""

from celery import shared_task

from registrations.emails import registration_email_send


@shared_task(name="registrations.registration_email", autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def registration_email(registration_id: int, kind: str) -> int:
    return registration_email_send(registration_id=registration_id, kind=kind)
