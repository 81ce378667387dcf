"""A real SMTP server (aiosmtpd) on a free local port, recording each message it accepts.

The ``smtp_server`` fixture (tests/conftest.py) points Django's SMTP backend at one for a test.
``refusals`` maps a fragment of a recipient address to the reply its RCPT gets: the sending tests
use ``SENDING_REFUSALS``, the permanent and transient failures a send meets at a real provider.
"""

import socket
import threading
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.parser import BytesHeaderParser

from aiosmtpd.controller import Controller

from sending.delivery import DELIVERY_HEADER

HOST = "127.0.0.1"
SENDING_REFUSALS = {"refuse": "550 5.1.1 Adresse inconnue", "busy": "451 4.3.0 Réessayez plus tard"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


@dataclass(frozen=True)
class Received:
    """One accepted message: its envelope, its headers and (unless the server forgets it) its content."""

    mail_from: str
    rcpt_tos: list[str]
    headers: dict[str, str]
    data: bytes

    @property
    def message(self) -> EmailMessage:
        return message_from_bytes(self.data, policy=policy.default)

    @property
    def recipient(self) -> str:
        """The one recipient of a message sent to one address (each delivery is)."""
        [recipient] = self.rcpt_tos
        return recipient

    @property
    def delivery_id(self) -> str:
        return self.headers.get(DELIVERY_HEADER, "")


class SmtpServer:
    """A context manager: running inside, ``host``/``port`` for EMAIL_HOST/EMAIL_PORT.

    ``keep_data=False`` keeps the envelopes and headers only (thousands of messages in a worker test).
    """

    def __init__(self, *, refusals: Mapping[str, str] | None = None, keep_data: bool = True) -> None:
        self.refusals = dict(refusals or {})
        self.keep_data = keep_data
        self.host = HOST
        self.port = free_port()
        self._received: list[Received] = []
        self._lock = threading.Lock()
        self._controller = Controller(self, hostname=self.host, port=self.port)

    def __enter__(self) -> "SmtpServer":
        self._controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._controller.stop()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options) -> str:  # noqa: N802 (aiosmtpd's hook name)
        for fragment, reply in self.refusals.items():
            if fragment in address:
                return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 (aiosmtpd's hook name)
        data = envelope.original_content or envelope.content
        received = Received(
            mail_from=envelope.mail_from,
            rcpt_tos=list(envelope.rcpt_tos),
            headers=dict(BytesHeaderParser().parsebytes(data).items()),
            data=data if self.keep_data else b"",
        )
        with self._lock:
            self._received.append(received)
        return "250 2.0.0 OK"

    @property
    def received(self) -> list[Received]:
        """What was accepted so far, in order (a copy: the server may be receiving meanwhile)."""
        with self._lock:
            return list(self._received)

    def by_recipient(self) -> Counter:
        return Counter(address for received in self.received for address in received.rcpt_tos)
