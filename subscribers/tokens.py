"""Signed tokens carried by the links of every email: nothing to store, forged or altered ones are refused."""

import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.core import signing

from config.parsing import positive_int

CONFIRMATION_MAX_AGE = timedelta(days=7)
# Links in sent issues must keep working for readers who open an old issue.
PREFERENCES_MAX_AGE = timedelta(days=730)

_CONFIRMATION_SALT = "subscribers.confirmation"
_PREFERENCES_SALT = "subscribers.preferences"
_UNSUBSCRIBE_SALT = "subscribers.unsubscribe"


class InvalidTokenError(Exception):
    """The token is malformed, forged or expired."""


@dataclass(frozen=True)
class Confirmation:
    subscriber_id: int
    list_ids: tuple[int, ...]
    # When the link was made: a confirmation older than a suppression must not lift it.
    issued_at: datetime


@dataclass(frozen=True)
class Unsubscription:
    subscriber_id: int
    list_id: int


def _loads(token: str, *, salt: str, max_age: timedelta) -> dict:
    try:
        payload = signing.loads(token, salt=salt, max_age=max_age)
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise InvalidTokenError(str(error)) from error
    if not isinstance(payload, dict):
        raise InvalidTokenError("payload is not an object")
    return payload


def _id(value: object) -> int:
    # A signed payload is ours, but an id the database cannot hold must not reach a query.
    number = positive_int(value)
    if number is None:
        raise ValueError(f"not an id: {value!r}")
    return number


def confirmation_token(subscriber_id: int, list_ids: list[int]) -> str:
    payload = {"s": subscriber_id, "l": sorted(list_ids), "t": time.time()}
    return signing.dumps(payload, salt=_CONFIRMATION_SALT, compress=True)


def read_confirmation_token(token: str) -> Confirmation:
    payload = _loads(token, salt=_CONFIRMATION_SALT, max_age=CONFIRMATION_MAX_AGE)
    try:
        return Confirmation(
            _id(payload["s"]),
            tuple(_id(i) for i in payload["l"]),
            datetime.fromtimestamp(float(payload["t"]), tz=UTC),
        )
    except (KeyError, TypeError, ValueError, OverflowError, OSError) as error:
        raise InvalidTokenError("bad confirmation payload") from error


def preferences_token(subscriber_id: int) -> str:
    return signing.dumps({"s": subscriber_id}, salt=_PREFERENCES_SALT)


def read_preferences_token(token: str) -> int:
    payload = _loads(token, salt=_PREFERENCES_SALT, max_age=PREFERENCES_MAX_AGE)
    try:
        return _id(payload["s"])
    except (KeyError, TypeError, ValueError) as error:
        raise InvalidTokenError("bad preferences payload") from error


def unsubscribe_token(subscriber_id: int, list_id: int) -> str:
    return signing.dumps({"s": subscriber_id, "l": list_id}, salt=_UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token: str) -> Unsubscription:
    payload = _loads(token, salt=_UNSUBSCRIBE_SALT, max_age=PREFERENCES_MAX_AGE)
    try:
        return Unsubscription(_id(payload["s"]), _id(payload["l"]))
    except (KeyError, TypeError, ValueError) as error:
        raise InvalidTokenError("bad unsubscribe payload") from error
