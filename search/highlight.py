"""Highlighted excerpts: the passage of a page's text that best matches the query terms."""

import re
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from search_text.french import STOP_WORDS, fold_words, stem

_WORDS = re.compile(r"\S+")
EXCERPT_WORDS = 36


@lru_cache(maxsize=100_000)
def _stems(word: str) -> frozenset[str]:
    """The terms a word of the text stands for; words recur, so each is folded and stemmed once."""
    return frozenset(stem(folded) for folded in fold_words(word) if folded not in STOP_WORDS)


def _matches(word: str, terms: frozenset[str]) -> bool:
    return not terms.isdisjoint(_stems(word))


def excerpt(text: str, terms: list[str], *, size: int = EXCERPT_WORDS) -> SafeString:
    """About ``size`` words of ``text`` around the densest run of ``terms``, each match in ``<mark>``.

    ``terms`` are normalised terms (``search_text.french.query_terms``); the text is plain text.
    """
    words = _WORDS.findall(text)
    if not words:
        return mark_safe("")
    wanted = frozenset(terms)
    hits = [_matches(word, wanted) for word in words]
    if len(words) <= size:
        start = 0
    else:
        # The window with the most matches; the earliest one wins a tie.
        best, start, current = -1, 0, 0
        for index, hit in enumerate(hits):
            current += hit
            if index >= size:
                current -= hits[index - size]
            if index >= size - 1 and current > best:
                best, start = current, index - size + 1
        # Start a little before the first match so that it reads in context.
        first = next((i for i in range(start, start + size) if hits[i]), start)
        start = max(0, min(start, first - 4))
    stop = min(len(words), start + size)
    parts = [f"<mark>{escape(words[i])}</mark>" if hits[i] else str(escape(words[i])) for i in range(start, stop)]
    prefix = "… " if start > 0 else ""
    suffix = " …" if stop < len(words) else ""
    return mark_safe(prefix + " ".join(parts) + suffix)  # noqa: S308 (every word is escaped above)
