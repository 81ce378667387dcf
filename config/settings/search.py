"""Search: Wagtail's database backend by default, Elasticsearch when ELASTICSEARCH_URL is set.

Every page carries a French-normalised text (search_text/french.py) that matches the normalised
query on any backend; the settings below make each backend's own analysis French as well,
for the raw fields Wagtail indexes too (the admin's search uses them).
"""

from config.env import env

ELASTICSEARCH_URL = env.str("ELASTICSEARCH_URL", default="")

# Seconds a search answer stays cached (under the public content generation, which every content
# change bumps, so a change purges it sooner); 0 turns the cache off. Publishing bumps it before the
# worker indexes the page, and the index update bumps it again (api/invalidation.py), so an answer
# cached in between lives until the page is searchable, not for the whole timeout.
SEARCH_CACHE_TIMEOUT = env.int("SEARCH_CACHE_TIMEOUT", default=300)

# PostgreSQL: unaccent then the French Snowball stemmer, a configuration created by
# search/migrations/0001 (SQLite's FTS5 ignores this option and folds accents itself).
SEARCH_CONFIG_POSTGRES = "french_unaccent"

# Elasticsearch: a French analyzer replaces the standard one for every text field.
# « élu·e·s » → « élu », « l'évaluation » → « evaluation », then the light French stemmer.
# The char filter's pattern keeps to the syntax Java and Python regexes share (tested).
INCLUSIVE_WRITING_PATTERN = r"(\w)[·•∙⋅‧]\w+(?:[·•∙⋅‧]s)?\b"
ELASTICSEARCH_FRENCH_ANALYSIS = {
    "char_filter": {
        "inclusive_writing": {
            "type": "pattern_replace",
            "pattern": INCLUSIVE_WRITING_PATTERN,
            "replacement": "$1",
            # Java's \w is ASCII unless told otherwise; Python's is Unicode.
            "flags": "UNICODE_CHARACTER_CLASS",
        },
    },
    "filter": {
        "french_elision": {
            "type": "elision",
            "articles_case": True,
            "articles": ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"],
        },
        "french_stop": {"type": "stop", "stopwords": "_french_"},
        "french_light_stemmer": {"type": "stemmer", "language": "light_french"},
    },
    "analyzer": {
        # "default" applies to every text field that names no analyzer of its own.
        "default": {
            "type": "custom",
            "tokenizer": "standard",
            "char_filter": ["inclusive_writing"],
            "filter": ["french_elision", "lowercase", "asciifolding", "french_stop", "french_light_stemmer"],
        },
        # Autocomplete: the same folding, then prefixes (Wagtail's edgengram filter).
        "edgengram_analyzer": {
            "type": "custom",
            "tokenizer": "standard",
            "char_filter": ["inclusive_writing"],
            "filter": ["french_elision", "lowercase", "asciifolding", "edgengram"],
        },
    },
}


def elasticsearch_backend(url: str, index_prefix: str) -> dict:
    """The Wagtail backend settings for an Elasticsearch 9 cluster at ``url``."""
    return {
        "BACKEND": "wagtail.search.backends.elasticsearch9",
        "URLS": [url],
        "INDEX_PREFIX": f"{index_prefix}_",
        "TIMEOUT": 10,
        "OPTIONS": {},
        "INDEX_SETTINGS": {"settings": {"analysis": ELASTICSEARCH_FRENCH_ANALYSIS}},
    }


if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": elasticsearch_backend(ELASTICSEARCH_URL, env.str("ELASTICSEARCH_INDEX", default="crpv")),
    }
else:
    WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "search.backend", "SEARCH_CONFIG": SEARCH_CONFIG_POSTGRES},
    }
