"""Celery tasks of registrations: thin wrappers around the emails and the beat's services."""

from celery import shared_task

from registrations.emails import prepared_email_send, registration_email_send


@shared_task(name="registrations.registration_email", autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def registration_email(
    registration_id: int, kind: str, session_id: int | None = None, message_id: int | None = None
) -> int:
    return registration_email_send(
        registration_id=registration_id, kind=kind, session_id=session_id, message_id=message_id
    )


@shared_task(name="registrations.prepared_email", autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def prepared_email(prepared: dict[str, str]) -> int:
    return prepared_email_send(prepared=prepared)


@shared_task(name="registrations.reminders_send")
def reminders_send() -> int:
    from registrations.reminders import reminders_queue

    return reminders_queue()


@shared_task(name="registrations.retention_apply")
def retention_apply() -> int:
    from registrations.privacy import registrations_anonymise_expired

    return registrations_anonymise_expired()
