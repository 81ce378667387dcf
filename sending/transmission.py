"""How one recipient's message reaches the email backend.

On Django's own SMTP backend the message goes as bytes (`newsletters.message_bytes`) straight to
the backend's open smtplib session, as Django itself would send it, but without the email package
per message. Any other backend (an email provider's API through anymail, a backend that signs
with DKIM, the test backends) gets the `EmailMessage` of `build_message`, as before; so does a
recipient whose address is not ASCII, which needs Django's international address handling.
Where the server offers PIPELINING (RFC 2920), MAIL, RCPT and DATA go in one write: a message
costs two round trips instead of four.
"""

import re
import smtplib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.backends.smtp import EmailBackend as SmtpBackend

from newsletters.message_bytes import MessageTemplate, message_bytes, message_template
from newsletters.messages import build_message
from newsletters.models import NewsletterList
from newsletters.rendering import RenderedIssue

_LEADING_DOT = re.compile(rb"(?m)^\.")


def _refused(session: smtplib.SMTP, code: int) -> None:
    """After a refusal: end the transaction, or forget a session the server is closing (421)."""
    if code == 421:
        session.close()
    else:
        session.rset()


def smtp_send(
    session: smtplib.SMTP, sender: str, recipient: str, data: bytes, *, before_data: Callable[[], bool]
) -> bool:
    """smtplib's ``sendmail`` for one recipient of CRLF-ended bytes, pipelined where the server allows.

    ``before_data`` runs before the server can have accepted anything; if it returns False the
    transaction is abandoned (the connection closed mid-DATA, so nothing is delivered) and so is
    the message: returns False. Pipelined, it runs while the server answers the envelope, so its
    round trip to the database and the envelope's to the server overlap. Raises the exceptions
    ``sendmail`` raises for the same replies, so failures are classified alike.
    """
    session.ehlo_or_helo_if_needed()
    if not session.has_extn("pipelining"):
        if not before_data():
            return False
        session.sendmail(sender, [recipient], data)
        return True
    session.send(f"MAIL FROM:{smtplib.quoteaddr(sender)}\r\nRCPT TO:{smtplib.quoteaddr(recipient)}\r\nDATA\r\n")
    if not before_data():
        session.close()
        return False
    (mail_code, mail_reply), (rcpt_code, rcpt_reply), (data_code, data_reply) = (session.getreply() for _n in range(3))
    if data_code == 354 and (mail_code != 250 or rcpt_code not in (250, 251)):
        # A server that accepts DATA without a recipient gets an empty message, which it cannot deliver.
        session.send(b".\r\n")
        session.getreply()
    if mail_code != 250:
        _refused(session, mail_code)
        raise smtplib.SMTPSenderRefused(mail_code, mail_reply, sender)
    if rcpt_code not in (250, 251):
        _refused(session, rcpt_code)
        raise smtplib.SMTPRecipientsRefused({recipient: (rcpt_code, rcpt_reply)})
    if data_code != 354:
        _refused(session, data_code)
        raise smtplib.SMTPDataError(data_code, data_reply)
    body = _LEADING_DOT.sub(b"..", data)
    session.send(body + (b"" if body.endswith(b"\r\n") else b"\r\n") + b".\r\n")
    code, reply = session.getreply()
    if code != 250:
        _refused(session, code)
        raise smtplib.SMTPDataError(code, reply)
    return True


@dataclass(frozen=True)
class Prepared:
    """One recipient's message, ready for `Transmitter.transmit`: bytes for SMTP, else an EmailMessage."""

    to_email: str
    message_id: str
    data: bytes = b""
    message: EmailMessage | None = None


class Transmitter:
    """Prepares and sends the messages of one rendered issue through one backend."""

    def __init__(self, backend: BaseEmailBackend, rendered: RenderedIssue, newsletter_list: NewsletterList) -> None:
        self.backend = backend
        self.rendered = rendered
        self.newsletter_list = newsletter_list
        self.template: MessageTemplate | None = None
        # Exactly Django's backend: a subclass may do more per message (sign it, log it).
        if type(backend) is SmtpBackend:
            try:
                self.template = message_template(rendered, newsletter_list=newsletter_list)
            except ValueError:
                # A sender the list may not use: build_message refuses each message with the reason.
                self.template = None

    def prepare(
        self, *, to_email: str, to_name: str, preferences_url: str, unsubscribe_url: str, headers: dict[str, str]
    ) -> Prepared:
        """Raises ValueError for an invalid address or an unsafe URL."""
        recipient: dict[str, Any] = {
            "to_email": to_email,
            "to_name": to_name,
            "preferences_url": preferences_url,
            "unsubscribe_url": unsubscribe_url,
            "headers": headers,
        }
        if self.template is not None and to_email.isascii():
            wire = message_bytes(self.template, **recipient)
            return Prepared(to_email=to_email, message_id=wire.message_id, data=wire.data)
        message = build_message(self.rendered, newsletter_list=self.newsletter_list, **recipient)
        return Prepared(to_email=to_email, message_id=message.extra_headers.get("Message-ID", ""), message=message)

    def transmit(self, prepared: Prepared, *, before_data: Callable[[], bool]) -> str | None:
        """Send it on the backend's open connection; returns the message id (the provider's, if it gives one).

        ``before_data`` runs before the server can have accepted the message; if it returns False
        nothing is sent and None is returned. Raises what the backend raises: the caller tells
        transient from permanent failures.
        """
        if prepared.message is None:
            assert isinstance(self.backend, SmtpBackend)
            assert self.template is not None
            session = self.backend.connection
            if session is None:
                raise ConnectionError("the SMTP connection is not open")
            sent = smtp_send(
                session, self.template.envelope_from, prepared.to_email, prepared.data, before_data=before_data
            )
            return prepared.message_id if sent else None
        if not before_data():
            return None
        self.backend.send_messages([prepared.message])
        provider_id = getattr(getattr(prepared.message, "anymail_status", None), "message_id", None)
        return str(prepared.message_id if provider_id is None else provider_id)[:255]
