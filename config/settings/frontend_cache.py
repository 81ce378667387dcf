"""The cache in front of the site (Varnish, Squid, Cloudflare, CloudFront): purged by Wagtail.

Wagtail's frontend cache (``wagtail.contrib.frontend_cache``) purges a page's addresses when it is
published, unpublished or moved; each backend is turned on by its variables, none by default. The
answers it cannot name (listings, feeds, the API) leave that cache after PUBLIC_CACHE_SHARED_MAX_AGE.
"""

from config.env import env

WAGTAILFRONTENDCACHE: dict[str, dict[str, str]] = {}

# Varnish or Squid: the address that accepts PURGE requests (http://varnish:6081).
if FRONTEND_CACHE_URL := env.str("FRONTEND_CACHE_URL", default=""):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": FRONTEND_CACHE_URL,
    }

# Cloudflare: an API token allowed to purge the zone, and the zone's id.
if CLOUDFLARE_API_TOKEN := env.str("CLOUDFLARE_API_TOKEN", default=""):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": CLOUDFLARE_API_TOKEN,
        "ZONEID": env.str("CLOUDFLARE_ZONE_ID"),
    }

# CloudFront: the distribution; credentials come from boto3's usual sources (the instance role, AWS_*).
if CLOUDFRONT_DISTRIBUTION_ID := env.str("CLOUDFRONT_DISTRIBUTION_ID", default=""):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": CLOUDFRONT_DISTRIBUTION_ID,
    }
