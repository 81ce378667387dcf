"""Absolute, signed links put in emails: confirmation, preferences, one-click unsubscribe."""

from django.urls import reverse

from config.public_url import absolute_url as absolute
from subscribers import tokens


def confirmation_url(subscriber_id: int, list_ids: list[int]) -> str:
    token = tokens.confirmation_token(subscriber_id, list_ids)
    return absolute(reverse("subscribers:confirm", kwargs={"token": token}))


def preferences_url(subscriber_id: int) -> str:
    return absolute(reverse("subscribers:preferences", kwargs={"token": tokens.preferences_token(subscriber_id)}))


def unsubscribe_url(subscriber_id: int, list_id: int) -> str:
    """The RFC 8058 target: POST unsubscribes at once, GET shows a confirmation page."""
    token = tokens.unsubscribe_token(subscriber_id, list_id)
    return absolute(reverse("subscribers:unsubscribe", kwargs={"token": token}))


def recipient_links(subscriber_id: int, list_id: int) -> dict[str, str]:
    """The per-recipient values a sent issue needs."""
    return {
        "preferences_url": preferences_url(subscriber_id),
        "unsubscribe_url": unsubscribe_url(subscriber_id, list_id),
    }
