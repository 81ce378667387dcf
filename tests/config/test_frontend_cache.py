"""Wagtail's frontend cache, configured from the environment (config/settings/frontend_cache.py), no server needed."""

from tests.config.helpers import read_settings

DEV = "config.settings.dev"


def test_no_variable__no_frontend_cache_purged():
    assert read_settings(DEV, ["WAGTAILFRONTENDCACHE"])["WAGTAILFRONTENDCACHE"] == {}


def test_varnish_cloudflare_and_cloudfront__one_backend_each():
    backends = read_settings(
        DEV,
        ["WAGTAILFRONTENDCACHE"],
        FRONTEND_CACHE_URL="http://varnish:6081",
        CLOUDFLARE_API_TOKEN="jeton-cloudflare",
        CLOUDFLARE_ZONE_ID="zone-42",
        CLOUDFRONT_DISTRIBUTION_ID="E2ABCDEF",
    )["WAGTAILFRONTENDCACHE"]

    assert backends == {
        "http": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": "http://varnish:6081"},
        "cloudflare": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": "jeton-cloudflare",
            "ZONEID": "zone-42",
        },
        "cloudfront": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": "E2ABCDEF",
        },
    }


def test_public_cache_durations__from_the_environment():
    values = read_settings(
        DEV,
        ["PUBLIC_CACHE_TIMEOUT", "PUBLIC_CACHE_MAX_AGE", "PUBLIC_CACHE_SHARED_MAX_AGE"],
        PUBLIC_CACHE_TIMEOUT="600",
        PUBLIC_CACHE_MAX_AGE="30",
        PUBLIC_CACHE_SHARED_MAX_AGE="90",
    )
    assert values == {"PUBLIC_CACHE_TIMEOUT": 600, "PUBLIC_CACHE_MAX_AGE": 30, "PUBLIC_CACHE_SHARED_MAX_AGE": 90}
