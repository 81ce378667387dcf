"""A French text normaliser shared by the index and the queries, whatever the backend.

SQLite FTS5 has no French stemmer and PostgreSQL's ``french`` configuration neither folds
accents nor understands inclusive writing, so the text of every page is normalised here
into an extra indexed field and each query goes through the same function: both sides
then meet on the same tokens on SQLite, PostgreSQL and Elasticsearch alike.

``normalise("Les élu·e·s et l'évaluation des conseils citoyens")`` gives
``"elu evalu conseil citoyen"``: lower case, elisions dropped, inclusive writing reduced
to its plain form, accents folded, stop words dropped, plurals and common inflections
stemmed (Snowball's French stemmer after a light plural step).
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

# Inclusive writing: « élu·e·s », « coordonnateur·rice·s », « nouveaux·elles », « usager.e.s ».
# The middle dot and its look-alikes always mark it; a period or a hyphen only with a
# known feminine ending, so that « fin.Le » or « Saint-Denis » are left alone.
_DOTS = "·•∙⋅‧"
_FEMININE = r"(?:e|es|le|les|ne|nes|te|tes|rice|rices|euse|euses|ère|ères|ere|eres|elle|elles|se|ses)"
_INCLUSIVE_DOT = re.compile(rf"(\w)[{_DOTS}](\w+)(?:[{_DOTS}](s))?\b")
_INCLUSIVE_PLAIN = re.compile(rf"(\w)([.-]){_FEMININE}\2(s)\b")
_INCLUSIVE_BRACKETS = re.compile(rf"(\w)\({_FEMININE}\)(s?)\b")

# « l'évaluation », « d’emploi », « qu'un »: the article or pronoun is dropped.
_ELISION = re.compile(r"\b(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu)['’ʼ`]", re.IGNORECASE)
_TAGS = re.compile(r"<[^>]*>")
_WORD = re.compile(r"[a-z0-9]+")

# Words too common to carry meaning, in folded form. Kept short on purpose: « ville »,
# « projet » or « politique » are stop words nowhere in this domain.
STOP_WORDS = frozenset(
    """
    a ai aie ait as au aux avec avez avoir c ca ce ceci cela celle celles celui ces cet cette
    ceux chez comme d dans de des donc dont du elle elles en entre est et etaient etait etc
    etre eu eux fait il ils j je l la le les leur leurs lui m ma mais me meme mes moi mon n
    ne ni nos notre nous on ont ou par pas peu plus pour qu quand que quel quelle quelles
    quels qui s sa sans se ses si son sont sous sur t ta te tes toi ton tous tout toute
    toutes tres tu un une unes uns vers via vos votre vous y
    """.split()  # noqa: SIM905 (a word list reads better as text)
)

# The longest query taken into account, in characters and in words: enough for any real
# question, and a bound on the work a pasted page of text can cause.
MAX_QUERY_CHARS = 200
MAX_QUERY_WORDS = 12

_stemmer = snowballstemmer.stemmer("french")


def _inclusive_to_plain(match: re.Match[str]) -> str:
    # « élu·e·s » → « élus », « élu·e » → « élu »: the masculine form, plural kept.
    plural = match.group(3) or ("s" if match.group(2).endswith("s") else "")
    # « nouveaux·elles » is plural already.
    return match.group(1) if match.group(1) in "sx" else f"{match.group(1)}{plural}"


def plain_inclusive_writing(text: str) -> str:
    """Reduce inclusive forms to their plain masculine form, singular or plural."""
    text = _INCLUSIVE_DOT.sub(_inclusive_to_plain, text)
    text = _INCLUSIVE_PLAIN.sub(lambda m: f"{m.group(1)}{m.group(3)}", text)
    return _INCLUSIVE_BRACKETS.sub(lambda m: f"{m.group(1)}{m.group(2)}", text)


def strip_accents(text: str) -> str:
    text = text.replace("œ", "oe").replace("æ", "ae").replace("Œ", "OE").replace("Æ", "AE")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def fold(text: str) -> str:
    """Lower case, plain inclusive writing, no elision, no accents: for prefixes and excerpts."""
    text = _TAGS.sub(" ", text)
    text = plain_inclusive_writing(text.lower())
    text = _ELISION.sub("", text)
    return strip_accents(text)


def fold_words(text: str) -> list[str]:
    """The folded words of ``text``, stop words included (autocomplete matches prefixes of titles)."""
    return _WORD.findall(fold(text))


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """Light plural step, then Snowball: « emplois » → « emploi », « élus » → « elu »."""
    plural_s = len(word) > 3 and word.endswith("s") and not word.endswith("ss")
    plural_x = len(word) > 4 and word.endswith("x") and word[-2] in "aeiou"
    if plural_s or plural_x:
        word = word[:-1]
    return _stemmer.stemWord(word)


def terms(text: str) -> list[str]:
    """The search terms of ``text``: folded, without stop words, stemmed, in order."""
    return [stem(word) for word in fold_words(text) if word not in STOP_WORDS]


def normalise(text: str) -> str:
    """``terms`` joined by spaces: what the extra indexed field holds."""
    return " ".join(terms(text))


def query_terms(query: str) -> list[str]:
    """The terms of a visitor's query, bounded in length, each kept once, in order."""
    return list(dict.fromkeys(terms(query[:MAX_QUERY_CHARS])))[:MAX_QUERY_WORDS]
