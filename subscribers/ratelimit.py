"""Fixed-window counters in Django's cache (Redis in production), shared by every web process."""

import hashlib

from django.core.cache import cache


def _key(scope: str, value: str) -> str:
    # Hashed: cache keys must be short and free of spaces and control characters.
    return f"subscribers:rate:{scope}:{hashlib.sha256(value.encode()).hexdigest()}"


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
