"""Celery tasks of the legal pages: thin wrappers around the emails module."""

from celery import shared_task

from legal.emails import contact_email_send


@shared_task(name="legal.contact_email", autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def contact_email(site_id: int, **fields: str) -> int:
    return contact_email_send(site_id=site_id, **fields)
