"""Cache: Redis when REDIS_URL is set, local memory otherwise.

Redis is a cache here, never a store: while it is unreachable the site runs without cache
(config/cache_backends.py), and short socket timeouts keep a Redis that does not answer from
holding every request.
"""

from config.env import env

REDIS_URL = env.str("REDIS_URL", default="")
# Seconds to open a connection to Redis, and to wait for an answer once connected.
REDIS_CONNECT_TIMEOUT = env.float("REDIS_CONNECT_TIMEOUT", default=0.2)
REDIS_SOCKET_TIMEOUT = env.float("REDIS_SOCKET_TIMEOUT", default=0.5)

if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "config.cache_backends.DegradingRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="crpv"),
            "OPTIONS": {
                "socket_connect_timeout": REDIS_CONNECT_TIMEOUT,
                "socket_timeout": REDIS_SOCKET_TIMEOUT,
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The shared cache of anonymous answers (config/response_cache.py): pages, feeds, both APIs.
# Seconds an answer stays stored on the server; every purge (publish, edit…) makes them all stale at
# once, so this bounds only what changes with the clock (a session passing, registrations closing).
PUBLIC_CACHE_TIMEOUT = env.int("PUBLIC_CACHE_TIMEOUT", default=300)
# Cache-Control of a public answer: seconds a browser keeps it (max-age), and a CDN or a proxy
# (s-maxage); Wagtail's frontend cache purges a published page's own addresses at once, the
# listings, feeds and API answers showing it follow within s-maxage.
PUBLIC_CACHE_MAX_AGE = env.int("PUBLIC_CACHE_MAX_AGE", default=60)
PUBLIC_CACHE_SHARED_MAX_AGE = env.int("PUBLIC_CACHE_SHARED_MAX_AGE", default=120)
