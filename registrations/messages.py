"""A message from the centre to everyone registered to a session, or to a cycle: logged, sent by Celery."""

from django.contrib.auth.models import User
from django.db import transaction

from registrations.emails import EmailKind, one_line
from registrations.models import Registration, SessionMessage
from registrations.selectors import Target, active_registrations
from registrations.services import email_enqueue


def message_recipients(target: Target) -> list[Registration]:
    """Confirmed and waiting people of the target, in order of registration."""
    return list(active_registrations(target).filter(anonymised_at__isnull=True).order_by("created_at", "pk"))


@transaction.atomic
def session_message_send(*, target: Target, subject: str, body: str, sent_by: User | None) -> SessionMessage:
    """Log the message and queue one email per person (after commit; each with their own link)."""
    recipients = message_recipients(target)
    message = SessionMessage.objects.create(
        action_id=target.settings.action_id,
        session=target.session,
        subject=one_line(subject),
        body=body.strip(),
        sent_by=sent_by,
        recipients=len(recipients),
    )
    for registration in recipients:
        email_enqueue(registration, EmailKind.MESSAGE, message_id=message.pk)
    return message
