"""GDPR rights exercised from the admin: a subscriber's data as JSON, and erasure."""

import logging
from collections.abc import Callable
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction

from subscribers.erasure import email_fingerprint
from subscribers.models import ErasedAddress, Subscriber

logger = logging.getLogger(__name__)

# Other apps (the delivery engine) may describe what they hold about a subscriber their own way.
_sections: dict[str, Callable[[Subscriber], Any]] = {}

ENCODER = DjangoJSONEncoder


def gdpr_section_register(name: str, reader: Callable[[Subscriber], Any]) -> None:
    """Add a section to the export, e.g. `gdpr_section_register("deliveries", deliveries_of)` in `ready()`."""
    _sections[name] = reader


def gdpr_row(instance: models.Model) -> dict[str, Any]:
    """Every stored column, including the dates the model form would leave out, as the person reads it.

    Keys are the fields' French names, coded values (« citizen_councillor », « confirmed ») their
    French labels; related rows appear by their name, not their id.
    """
    row: dict[str, Any] = {}
    for field in instance._meta.concrete_fields:
        value = getattr(instance, field.attname)
        if field.choices and value not in (None, ""):
            value = str(dict(field.flatchoices).get(value, value))
        elif field.is_relation:
            related = getattr(instance, field.name)
            value = str(related) if related is not None else None
        row[str(field.verbose_name)] = value
    return row


def _other_apps_rows(subscriber: Subscriber) -> dict[str, list[dict[str, Any]]]:
    """Rows of other apps pointing at the subscriber (deliveries...), found through the model registry."""
    found: dict[str, list[dict[str, Any]]] = {}
    for relation in Subscriber._meta.related_objects:
        model = relation.related_model
        if model._meta.app_label == Subscriber._meta.app_label:
            continue
        rows = model._default_manager.filter(**{relation.field.name: subscriber}).order_by("pk")
        found[str(model._meta.verbose_name_plural)] = [gdpr_row(row) for row in rows]
    return found


def subscriber_data_export(subscriber: Subscriber) -> dict[str, Any]:
    """Everything held about one person."""
    data: dict[str, Any] = {
        "abonné·e": gdpr_row(subscriber),
        "abonnements": [
            gdpr_row(subscription)
            for subscription in subscriber.subscriptions.select_related("newsletter_list").order_by("pk")
        ],
        "consentements": [
            gdpr_row(record)
            for record in subscriber.consents.select_related("newsletter_list").order_by("created_at", "pk")
        ],
        "autres données": _other_apps_rows(subscriber),
    }
    for name, reader in _sections.items():
        data[name] = reader(subscriber)
    return data


@transaction.atomic
def subscriber_erase(*, subscriber: Subscriber) -> None:
    """Delete the person and everything attached; keep only a keyed fingerprint of the address.

    The fingerprint stops an import from adding the address back; the person's own double opt-in
    removes it. Rows of other apps follow their foreign key (cascade, or set to null).
    """
    fingerprint = email_fingerprint(subscriber.email)
    subscriber_id = subscriber.pk
    subscriber.delete()
    ErasedAddress.objects.get_or_create(email_hash=fingerprint)
    logger.info("subscriber %s erased", subscriber_id)
