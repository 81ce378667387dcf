"""The two emails of the public form: confirm your subscription, or you already receive these letters."""

import logging
from email.headerregistry import Address

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

from newsletters.models import NewsletterList
from subscribers import links
from subscribers.models import Subscriber, SubscriptionStatus

logger = logging.getLogger(__name__)


def _sender(lists: list[NewsletterList]) -> tuple[str, list[str]]:
    """From and Reply-To: the list's own identity when there is one list, the site's otherwise."""
    if len(lists) == 1:
        newsletter_list = lists[0]
        return str(Address(display_name=newsletter_list.sender_name, addr_spec=newsletter_list.sender_email)), (
            [newsletter_list.reply_to] if newsletter_list.reply_to else []
        )
    return settings.DEFAULT_FROM_EMAIL, []


def _send(*, template: str, subscriber: Subscriber, lists: list[NewsletterList], context: dict) -> int:
    # The address and editorial text only: these emails go wherever a visitor of the public form
    # asks, so a name or organisation typed there (and nobody confirmed) would turn them into a
    # relay for anyone's words (« Bonjour, votre compte est bloqué, appelez le… »).
    context = {
        **context,
        "email": subscriber.email,
        "lists": lists,
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    # One line whatever the list names hold: a line break in a header is an injection.
    subject = " ".join(render_to_string(f"subscribers/emails/{template}_subject.txt", context).split())
    from_email, reply_to = _sender(lists)
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"subscribers/emails/{template}.txt", context),
        from_email=from_email,
        to=[subscriber.email],
        reply_to=reply_to,
        headers={"Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative(render_to_string(f"subscribers/emails/{template}.html", context), "text/html")
    return message.send()


def confirmation_email_send(*, subscriber_id: int, list_ids: list[int]) -> int:
    """The double opt-in message with its signed, expiring link; 0 if the subscriber is gone."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None:
        logger.info("confirmation email not sent: subscriber %s no longer exists", subscriber_id)
        return 0
    lists = list(NewsletterList.objects.filter(pk__in=list_ids).order_by("name"))
    context = {"confirmation_url": links.confirmation_url(subscriber.pk, [item.pk for item in lists])}
    return _send(template="confirmation", subscriber=subscriber, lists=lists, context=context)


def already_subscribed_email_send(*, subscriber_id: int) -> int:
    """Sent instead of a confirmation when the address already receives every list it asked for."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None:
        return 0
    lists = list(
        NewsletterList.objects.filter(
            subscriptions__subscriber=subscriber, subscriptions__status=SubscriptionStatus.CONFIRMED
        ).order_by("name")
    )
    context = {"preferences_url": links.preferences_url(subscriber.pk)}
    return _send(template="already_subscribed", subscriber=subscriber, lists=lists, context=context)
