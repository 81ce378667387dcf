"""The contact form's email to the centre: the visitor's address as Reply-To, never as the sender.

The sender stays DEFAULT_FROM_EMAIL (the domain the mail provider signs for); the subject is built from
the chosen topic only, so that nothing the visitor typed reaches a header but the validated address.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from wagtail.models import Site

from legal.forms import TOPIC_LABELS
from legal.selectors import legal_facts_for

logger = logging.getLogger(__name__)


def contact_email_send(*, site_id: int, name: str, email: str, organisation: str, topic: str, message: str) -> int:
    """Send one message to the site's contact recipient; 0 when the site is gone or has none."""
    site = Site.objects.filter(pk=site_id).first()
    facts = legal_facts_for(site=site)
    if site is None or not facts.contact_recipient:
        logger.warning("contact message for site %s not sent: no recipient", site_id)
        return 0
    topic_label = str(TOPIC_LABELS.get(topic, TOPIC_LABELS["autre"]))
    body = render_to_string(
        "legal/emails/contact.txt",
        {
            "site_name": facts.site_name,
            "name": name,
            "email": email,
            "organisation": organisation,
            "topic": topic_label,
            "message": message,
            "retention": facts.information.contact_retention,
        },
    )
    mail = EmailMessage(
        subject=f"[{facts.site_name}] Message du formulaire de contact : {topic_label}",
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[facts.contact_recipient],
        reply_to=[email],
    )
    return mail.send()
