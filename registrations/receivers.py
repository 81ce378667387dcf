"""Receivers of registrations: a session saved or deleted by the centre, a subscriber erased.

Each calls one service; none decides anything here.
"""

from typing import Any

from django.db.models.signals import post_save, pre_delete

from publications.models import ActionSession
from registrations import privacy, services
from subscribers.gdpr import gdpr_section_register
from subscribers.models import Subscriber


def _session_saved(sender: type[ActionSession], instance: ActionSession, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        services.session_change_notify(session=instance)


def _session_deleted(sender: type[ActionSession], instance: ActionSession, **kwargs: Any) -> None:
    services.session_removal_notify(session=instance)


def _subscriber_erased(sender: type[Subscriber], instance: Subscriber, **kwargs: Any) -> None:
    privacy.registrations_erase(email=instance.email)


def connect() -> None:
    post_save.connect(_session_saved, sender=ActionSession, dispatch_uid="registrations.session_saved")
    pre_delete.connect(_session_deleted, sender=ActionSession, dispatch_uid="registrations.session_deleted")
    pre_delete.connect(_subscriber_erased, sender=Subscriber, dispatch_uid="registrations.subscriber_erased")
    gdpr_section_register("inscriptions", privacy.subscriber_registrations_export)
