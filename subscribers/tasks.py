"""Celery tasks of the subscribers app: the emails of the public form, sent after the request commits."""

from celery import shared_task

from subscribers import emails


@shared_task(name="subscribers.confirmation_email", autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def confirmation_email(subscriber_id: int, list_ids: list[int]) -> int:
    return emails.confirmation_email_send(subscriber_id=subscriber_id, list_ids=list_ids)


@shared_task(name="subscribers.already_subscribed_email", autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def already_subscribed_email(subscriber_id: int) -> int:
    return emails.already_subscribed_email_send(subscriber_id=subscriber_id)
