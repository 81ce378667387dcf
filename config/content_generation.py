"""One generation number for everything the public sees, bumped whenever any of it changes.

Every cache of public answers (API responses, search results) keys its entries with the current
generation; bumping it makes all of them unreachable at once (they expire on their own), which
works the same on Redis and in local memory, without pattern deletes. What bumps it is decided in
one place (`api/invalidation.py`).
"""

import logging
import time

from django.core.cache import cache

logger = logging.getLogger(__name__)

GENERATION_KEY = "content:generation"


def content_generation() -> int:
    """The current generation; a fresh one starts from the clock, above any evicted one."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    # None: the cache is unreachable, and nothing is stored under any generation meanwhile.
    return int(generation) if generation is not None else 0


def content_changed() -> None:
    """Make every cached public answer stale: called on publish, unpublish, move, delete, edits."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
    logger.debug("Public content generation bumped")
