"""The contact form's one write: the message handed to Celery through the outbox, never stored here."""

from dataclasses import asdict, dataclass

from django.db import transaction

from legal import tasks
from outbox.services import task_enqueue


@dataclass(frozen=True)
class ContactMessage:
    name: str
    email: str
    organisation: str
    topic: str
    message: str


@transaction.atomic
def contact_message_send(*, site_id: int, message: ContactMessage) -> None:
    """Queue the email to the site's recipient; the outbox row (deleted a week after) is the only copy kept."""
    task_enqueue(task=tasks.contact_email, args=[site_id], kwargs=asdict(message))
