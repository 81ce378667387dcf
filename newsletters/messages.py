"""One recipient's email message of a rendered issue, with the headers bulk senders must carry.

Gmail and Yahoo require from bulk senders a one-click unsubscribe (RFC 8058: `List-Unsubscribe`
with an https URL and `List-Unsubscribe-Post`); `List-Id` (RFC 2919) lets clients and filters
recognise the list. Names reach headers only through `email.utils.formataddr` after line breaks
and control characters are removed, so a name can neither add a header nor a recipient.
"""

from email.headerregistry import Address
from email.utils import formataddr, make_msgid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.core.validators import validate_email

from newsletters.models import NewsletterList
from newsletters.rendering import RenderedIssue, checked_url, clean_name, personalise

# RFC 5321 limits: 64 octets of local part, 254 for a usable address.
LOCAL_PART_MAX_LENGTH = 64
EMAIL_MAX_LENGTH = 254


def site_domain() -> str:
    """The public site's host name (from BASE_URL), used for Message-ID and List-Id."""
    return urlsplit(settings.BASE_URL).hostname or "localhost"


def mailbox(name: str, email: str) -> str:
    """« "Name" <email> » for a header: one line, quoted as RFC 5322 requires.

    Django then encodes a non-ASCII name in RFC 2047 words of proper length.
    """
    local_part = email.rpartition("@")[0]
    try:
        validate_email(email)
        if len(email) > EMAIL_MAX_LENGTH or len(local_part) > LOCAL_PART_MAX_LENGTH:
            raise ValidationError("too long")
    except ValidationError as error:
        raise ValueError(f"Invalid email address: {email!r}") from error
    return str(Address(display_name=clean_name(name), addr_spec=email))


def list_id(newsletter_list: NewsletterList) -> str:
    return formataddr((clean_name(newsletter_list.name), f"{newsletter_list.slug}.{site_domain()}"))


def list_unsubscribe(unsubscribe_url: str) -> str:
    """The https URL first; a mailto address too when NEWSLETTER_UNSUBSCRIBE_MAILTO is set."""
    targets = [f"<{checked_url(unsubscribe_url)}>"]
    mailto = getattr(settings, "NEWSLETTER_UNSUBSCRIBE_MAILTO", "")
    if mailto:
        validate_email(mailto)
        targets.append(f"<mailto:{mailto}?subject=unsubscribe>")
    return ", ".join(targets)


def build_message(
    rendered: RenderedIssue,
    *,
    newsletter_list: NewsletterList,
    to_email: str,
    to_name: str,
    preferences_url: str,
    unsubscribe_url: str,
    headers: dict[str, str] | None = None,
) -> EmailMultiAlternatives:
    """The message for one recipient: text body, HTML alternative, list and unsubscribe headers.

    Raises ValueError for an invalid address or an unsafe URL; `headers` adds to (or overrides)
    the headers set here, e.g. an identifier of the delivery.
    """
    html, text = personalise(rendered, name=to_name, preferences_url=preferences_url, unsubscribe_url=unsubscribe_url)
    message_headers = {
        "Message-ID": make_msgid(domain=site_domain()),
        "List-Id": list_id(newsletter_list),
        "List-Unsubscribe": list_unsubscribe(unsubscribe_url),
    }
    # RFC 8058 one-click only applies to an https target.
    if urlsplit(unsubscribe_url).scheme == "https":
        message_headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message_headers.update(headers or {})
    message = EmailMultiAlternatives(
        subject=rendered.subject,
        body=text,
        from_email=mailbox(newsletter_list.sender_name, newsletter_list.sender_email),
        to=[mailbox(to_name, to_email)],
        reply_to=[mailbox(newsletter_list.sender_name, newsletter_list.reply_to)] if newsletter_list.reply_to else None,
        headers=message_headers,
    )
    message.attach_alternative(html, "text/html")
    return message
