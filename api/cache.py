"""API answers are public: stored and purged with the pages' (config/response_cache.py)."""

from config.response_cache import public_cache

# The decorator the API's content views carry (api/v2.py, api/ninja.py); search and preview do not.
cached_response = public_cache
