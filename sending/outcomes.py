"""What a failed delivery attempt means: retry later, or give up (and suppress the address)."""

import smtplib
from dataclasses import dataclass

from anymail.exceptions import AnymailAPIError, AnymailRecipientsRefused, AnymailRequestsAPIError

ERROR_MAX_LENGTH = 1000


@dataclass(frozen=True)
class Outcome:
    """``permanent``: no retry. ``suppress``: the recipient's address was refused for good.
    ``uncertain``: the provider may have accepted the message before the error (connection lost)."""

    permanent: bool
    suppress: bool
    uncertain: bool
    error: str


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"[:ERROR_MAX_LENGTH]


def _is_permanent_code(code: object) -> bool:
    return isinstance(code, int) and 500 <= code < 600


def failure_outcome(exc: BaseException) -> Outcome:
    """Classify an exception raised while handing one message to the email backend."""
    error = _describe(exc)
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _message in exc.recipients.values()]
        permanent = bool(codes) and all(_is_permanent_code(code) for code in codes)
        return Outcome(permanent=permanent, suppress=permanent, uncertain=False, error=error)
    if isinstance(exc, smtplib.SMTPSenderRefused | smtplib.SMTPAuthenticationError):
        # Our own configuration is refused, not the recipient: retry while an administrator fixes it.
        return Outcome(permanent=False, suppress=False, uncertain=False, error=error)
    if isinstance(exc, smtplib.SMTPResponseException):
        permanent = _is_permanent_code(exc.smtp_code)
        return Outcome(permanent=permanent, suppress=permanent, uncertain=False, error=error)
    if isinstance(exc, smtplib.SMTPServerDisconnected | TimeoutError | ConnectionError):
        # Lost during the transaction: the server may have queued the message already.
        return Outcome(permanent=False, suppress=False, uncertain=True, error=error)
    if isinstance(exc, AnymailRecipientsRefused):
        return Outcome(permanent=True, suppress=True, uncertain=False, error=error)
    if isinstance(exc, AnymailRequestsAPIError) and exc.status_code is None:
        return Outcome(permanent=False, suppress=False, uncertain=True, error=error)
    if isinstance(exc, AnymailAPIError):
        status = getattr(exc, "status_code", None)
        permanent = isinstance(status, int) and 400 <= status < 500 and status != 429
        return Outcome(permanent=permanent, suppress=False, uncertain=False, error=error)
    return Outcome(permanent=False, suppress=False, uncertain=False, error=error)
