"""A Redis cache that degrades to no cache while Redis is unreachable.

The cache only ever holds what can be computed again (API answers, rate-limit counters, the
admin's pending CSV import), so an outage must cost speed, never a page: reads miss, writes are
dropped, ``incr`` behaves as for a missing key (callers already handle that), and one WARNING per
outage says so. After a failure the cache does not try Redis again for ``RETRY_AFTER`` seconds:
with Redis down, every request would otherwise wait for a connection timeout on each cache call.
"""

import logging
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

T = TypeVar("T")

# What an unreachable Redis raises (redis-py's errors, and the socket's own when it bypasses them).
OUTAGE_ERRORS = (RedisConnectionError, RedisTimeoutError, OSError)

# Seconds after a failure during which Redis is not asked at all.
RETRY_AFTER = 5.0

# One state per Redis location, shared by every thread's cache instance: Django builds one
# instance per thread, and an outage is a property of the server, not of the thread.
_down_until: dict[str, float] = {}
_lock = threading.Lock()


class DegradingRedisCache(RedisCache):
    """Django's RedisCache, which answers as an empty cache instead of raising while Redis is down."""

    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        # RedisCache sets _servers (the locations, split) but its stubs do not declare it.
        self._location = ",".join(self._servers)  # type: ignore[attr-defined]

    def _degrade(self, operation: Callable[[], T], fallback: T) -> T:
        if _down_until.get(self._location, 0.0) > time.monotonic():
            return fallback
        try:
            value = operation()
        except OUTAGE_ERRORS as error:
            with _lock:
                # Log when the outage starts, not once per request while it lasts.
                if self._location not in _down_until:
                    logger.warning("Cache unreachable, serving without cache: %s", error)
                _down_until[self._location] = time.monotonic() + RETRY_AFTER
            return fallback
        if self._location in _down_until:
            with _lock:
                if _down_until.pop(self._location, None) is not None:
                    logger.info("Cache reachable again")
        return value

    def add(self, key: str, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> bool:
        return self._degrade(lambda: RedisCache.add(self, key, value, timeout, version), False)

    def get(self, key: str, default: Any = None, version: int | None = None) -> Any:
        return self._degrade(lambda: RedisCache.get(self, key, default, version), default)

    def set(self, key: str, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> None:
        self._degrade(lambda: RedisCache.set(self, key, value, timeout, version), None)

    def touch(self, key: str, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> bool:
        return self._degrade(lambda: RedisCache.touch(self, key, timeout, version), False)

    def delete(self, key: str, version: int | None = None) -> bool:
        return self._degrade(lambda: RedisCache.delete(self, key, version), False)

    def get_many(self, keys: Any, version: int | None = None) -> dict[str, Any]:
        return self._degrade(lambda: RedisCache.get_many(self, keys, version), {})

    def has_key(self, key: str, version: int | None = None) -> bool:
        return self._degrade(lambda: RedisCache.has_key(self, key, version), False)

    def incr(self, key: str, delta: int = 1, version: int | None = None) -> int:
        value = self._degrade(lambda: RedisCache.incr(self, key, delta, version), None)
        if value is None:
            # As for a key that does not exist: the callers' own fallback applies.
            raise ValueError(f"Key '{key}' not found (cache unreachable)")
        return value

    def set_many(self, data: dict[str, Any], timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> list:
        return self._degrade(lambda: RedisCache.set_many(self, data, timeout, version), list(data))

    def delete_many(self, keys: Any, version: int | None = None) -> None:
        self._degrade(lambda: RedisCache.delete_many(self, keys, version), None)

    def clear(self) -> None:
        self._degrade(lambda: RedisCache.clear(self), None)
