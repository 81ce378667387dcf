"""Fixed-window counters in Django's cache (Redis in production), shared by every web process.

Low layer: the public forms, the admin's password reset and test sends, and the page-password
form all count their attempts here, each under a scope of its own.
"""

import hashlib
from dataclasses import dataclass

from django.core.cache import cache


@dataclass(frozen=True)
class RateLimit:
    """One counter: `limit` attempts per `value` (an address, an email, a user id) within a window."""

    scope: str
    value: str
    limit: int


def _key(scope: str, value: str) -> str:
    # Hashed: cache keys must be short and free of spaces and control characters.
    return f"ratelimit:{scope}:{hashlib.sha256(value.encode()).hexdigest()}"


def rate_limit_hit(*, scope: str, value: str, limit: int, window: int) -> bool:
    """Count one attempt; True while the count within the window stays at or under `limit`."""
    key = _key(scope, value)
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:
        # The key expired between add and incr: this attempt opens a new window.
        cache.set(key, 1, timeout=window)
        count = 1
    return count <= limit


def rate_limits_hit(*, limits: list[RateLimit], window: int) -> bool:
    """Count one attempt against each limit; True while none is exceeded.

    Every counter advances on each attempt, even once one is exceeded, so that none can be probed
    alone (whether an email address is being throttled says nothing about the address used).
    """
    allowed = [
        rate_limit_hit(scope=limit.scope, value=limit.value, limit=limit.limit, window=window) for limit in limits
    ]
    return all(allowed)


def form_rate_limited(
    *, scope: str, email: str, ip_address: str | None, per_ip: int, per_email: int, window: int
) -> bool:
    """Count one submission of a public form by client address and by email; True once either is over.

    Shared by the subscription and registration forms, each under its own ``scope``.
    """
    limits = [
        RateLimit(scope=f"{scope}:ip", value=ip_address or "unknown", limit=per_ip),
        RateLimit(scope=f"{scope}:email", value=email.lower(), limit=per_email),
    ]
    return not rate_limits_hit(limits=limits, window=window)
