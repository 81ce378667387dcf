"""The site's public address: the one source of every absolute link.

Emails, newsletter footers, feeds, .ics files, the sitemap, robots.txt, canonical and og:url
tags, media links and the API all build their addresses from ``BASE_URL``; the default Wagtail
``Site`` is kept on the same host and port (``publications.site_address``), so that
``page.full_url`` agrees. ``python3 dev.py start --port N`` sets it to ``http://127.0.0.1:N``.
"""

from urllib.parse import urlsplit

from config.env import env

BASE_URL = env.str("BASE_URL", default="http://127.0.0.1:8000").rstrip("/")
# The demo's centre sites answer ``<centre>.localhost`` on BASE_URL's port (browsers resolve any
# ``*.localhost`` to this machine): the default trusted origin of their admin logins.
_base_url = urlsplit(BASE_URL)
LOCAL_SITES_ORIGIN = f"{_base_url.scheme}://*.localhost" + (f":{_base_url.port}" if _base_url.port else "")
WAGTAILADMIN_BASE_URL = BASE_URL
WAGTAILAPI_BASE_URL = BASE_URL
# The domain after '@' in iCalendar UIDs; empty: BASE_URL's host. Set once, never change it.
CALENDAR_UID_DOMAIN = env.str("CALENDAR_UID_DOMAIN", default="")
