"""One recipient's message as the bytes an SMTP server receives, without the email package per message.

`build_message` gives an `EmailMultiAlternatives` that Django serialises through the email
package, which folds and encodes some twenty headers and quoted-printable-encodes both parts for
every message: most of a send's CPU. A `MessageTemplate` does the part shared by every recipient
once (the sender, reply-to, subject and list headers, taken from a message `build_message` made,
so they are encoded exactly as it encodes them) and `message_bytes` adds what changes per
recipient: To, Date, Message-ID, the unsubscribe headers, the extra headers, and both bodies,
personalised, then encoded by binascii's quoted-printable encoder (in C). Quoted-printable turns
every ``=`` into ``=3D``, so the boundary, which starts with ``=_``, can never occur in a body.
The bytes parse back to the same headers and bodies as `build_message`'s
(tests/newsletters/test_message_bytes.py).
"""

import binascii
import re
import secrets
import time
from dataclasses import dataclass
from email.utils import formatdate, make_msgid
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail.message import forbid_multi_line_headers

from newsletters.messages import build_message, list_unsubscribe, mailbox, site_domain
from newsletters.models import NewsletterList
from newsletters.rendering import RenderedIssue, personalise

CRLF = b"\r\n"
# The headers every recipient's message shares, as the email package wrote them.
SHARED_HEADERS = ("subject", "from", "reply-to", "list-id")
_FIELD_END = re.compile(rb"\r\n(?![ \t])")
# Any valid address will do: only the shared headers of this message are kept.
_TEMPLATE_ADDRESS = "modele@example.org"


@dataclass(frozen=True)
class MessageTemplate:
    """What every recipient's message of one rendered issue shares."""

    rendered: RenderedIssue
    envelope_from: str
    shared_headers: bytes
    boundary: bytes
    domain: str


@dataclass(frozen=True)
class MessageBytes:
    data: bytes
    message_id: str


def _header_fields(message_bytes: bytes) -> dict[str, bytes]:
    """Each header field of a serialised message, folded lines included, by lower-case name."""
    head = message_bytes.split(CRLF + CRLF, 1)[0]
    return {field.split(b":", 1)[0].decode("ascii").lower(): field for field in _FIELD_END.split(head)}


def message_template(rendered: RenderedIssue, *, newsletter_list: NewsletterList) -> MessageTemplate:
    """The shared part of the issue's messages; raises ValueError, as `build_message` does, for a bad sender."""
    sample = build_message(
        rendered,
        newsletter_list=newsletter_list,
        to_email=_TEMPLATE_ADDRESS,
        to_name="",
        preferences_url=rendered.web_url or settings.BASE_URL,
        unsubscribe_url=rendered.web_url or settings.BASE_URL,
    )
    # Django's MIME classes take a linesep (its MIMEMixin), which the stubs' Message does not show.
    serialised: Any = sample.message()
    fields = _header_fields(serialised.as_bytes(linesep="\r\n"))
    shared = b"".join(fields[name] + CRLF for name in SHARED_HEADERS if name in fields)
    return MessageTemplate(
        rendered=rendered,
        envelope_from=newsletter_list.sender_email,
        shared_headers=shared,
        boundary=f"=_crpv{secrets.token_hex(16)}".encode("ascii"),
        domain=site_domain(),
    )


def _header(name: str, value: str) -> bytes:
    """A header field of one recipient: refused if it would span lines, encoded as Django encodes it."""
    _name, encoded = forbid_multi_line_headers(name, value, "utf-8")
    return f"{name}: {encoded}".replace("\n", "\r\n").encode("ascii") + CRLF


def _part(subtype: str, body: str) -> bytes:
    lines = body.replace("\r\n", "\n").replace("\r", "\n").encode("utf-8")
    encoded = binascii.b2a_qp(lines, istext=True).replace(b"\n", CRLF)
    return (
        f'Content-Type: text/{subtype}; charset="utf-8"\r\nMIME-Version: 1.0\r\n'
        "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
    ).encode("ascii") + encoded


@dataclass
class _Clock:
    """The Date header, formatted once a second rather than once a message."""

    second: int = -1
    value: str = ""

    def date(self) -> str:
        now = int(time.time())
        if now != self.second:
            self.second, self.value = now, formatdate(now, localtime=settings.EMAIL_USE_LOCALTIME)
        return self.value


_clock = _Clock()


def message_bytes(
    template: MessageTemplate,
    *,
    to_email: str,
    to_name: str,
    preferences_url: str,
    unsubscribe_url: str,
    headers: dict[str, str] | None = None,
) -> MessageBytes:
    """One recipient's message, as `build_message` would give it; raises ValueError for the same inputs."""
    html, text = personalise(
        template.rendered, name=to_name, preferences_url=preferences_url, unsubscribe_url=unsubscribe_url
    )
    message_id = make_msgid(domain=template.domain)
    own = {
        "To": mailbox(to_name, to_email),
        "Date": _clock.date(),
        "Message-ID": message_id,
        "List-Unsubscribe": list_unsubscribe(unsubscribe_url),
    }
    # RFC 8058 one-click only applies to an https target.
    if urlsplit(unsubscribe_url).scheme == "https":
        own["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    own.update(headers or {})
    boundary = template.boundary
    data = b"".join(
        [
            b'Content-Type: multipart/alternative; boundary="' + boundary + b'"\r\nMIME-Version: 1.0\r\n',
            template.shared_headers,
            *(_header(name, value) for name, value in own.items()),
            CRLF + b"--" + boundary + CRLF,
            _part("plain", text),
            CRLF + b"--" + boundary + CRLF,
            _part("html", html),
            CRLF + b"--" + boundary + b"--" + CRLF,
        ]
    )
    return MessageBytes(data=data, message_id=own["Message-ID"])
