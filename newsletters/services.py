"""Writes of the newsletters app that are not page edits.

A test send mails an issue as it stands in one revision (draft included) to a few chosen addresses.
"""

import dataclasses
import logging

from django.conf import settings
from django.core.mail import get_connection
from django.utils.translation import gettext as _
from wagtail.models import Revision

from newsletters.messages import build_message
from newsletters.rendering import render_issue

logger = logging.getLogger(__name__)


def sample_links() -> dict[str, str]:
    """Links put in test sends: their addresses are not subscribers, so no signed token exists for them."""
    return {"preferences_url": f"{settings.BASE_URL}/", "unsubscribe_url": f"{settings.BASE_URL}/"}


def issue_test_send(*, revision_id: int, addresses: list[str]) -> int:
    """Send the issue as it stands in that revision to each address; returns the number sent."""
    issue = Revision.objects.get(pk=revision_id).as_object()
    rendered = render_issue(issue)
    rendered = dataclasses.replace(rendered, subject=_("[Test] %(subject)s") % {"subject": rendered.subject})
    messages = [
        build_message(
            rendered,
            newsletter_list=issue.newsletter_list,
            to_email=address,
            to_name="",
            headers={"X-Newsletter-Test": "1"},
            **sample_links(),
        )
        for address in addresses
    ]
    with get_connection() as connection:
        sent = connection.send_messages(messages) or 0
    logger.info("Test send of issue %s (revision %s) to %d addresses", issue.pk, revision_id, sent)
    return sent
