"""The keyed fingerprint kept of an erased address, and nothing else."""

from django.utils.crypto import salted_hmac

_SALT = "subscribers.erased-address"


def email_fingerprint(email: str) -> str:
    """HMAC-SHA256 of the lower-cased address under SECRET_KEY: not reversible without the key."""
    return salted_hmac(_SALT, email.strip().lower(), algorithm="sha256").hexdigest()
