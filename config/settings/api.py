"""The read API: CORS for other fronts, draft preview tokens; its answers are cached with the pages' (cache.py)."""

from config.env import env

# Origins (scheme://host[:port]) of the fronts allowed to read the API from a browser.
CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=[])
# Only the API answers cross-origin requests; the site and the admin never do.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_ALLOW_CREDENTIALS = False

API_MAX_LIMIT = 100

# Preview of drafts by an external front: the address it reads previews at (the
# signed token is added as ?token=) and how long a token stays valid, in seconds.
API_PREVIEW_CLIENT_URL = env.str("API_PREVIEW_CLIENT_URL", default="")
API_PREVIEW_TOKEN_MAX_AGE = env.int("API_PREVIEW_TOKEN_MAX_AGE", default=3600)

WAGTAILAPI_LIMIT_MAX = API_MAX_LIMIT
WAGTAILAPI_SEARCH_ENABLED = True

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
}
