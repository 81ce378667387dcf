"""French typography of the printed documents: non-breaking spaces where French puts them.

A no-break space (U+00A0) before « : », a narrow no-break space (U+202F) before « ; ! ? » and
inside guillemets, so that a line never starts with a colon or leaves a guillemet alone. A colon
in a time (« 9:30 ») or an address (« https:// ») is not preceded by a space and stays as it is.
"""

import re

NBSP = "\u00a0"
NNBSP = "\u202f"

# A space (or none after a letter) before a colon that ends a phrase; never inside « 9:30 » or a URL.
_BEFORE_COLON = re.compile(r"(?:(?<=\S)[ \u00a0\u202f]+|(?<=[^\W\d_])):(?=\s|$)")
_BEFORE_HIGH = re.compile(r"(?<=[\w)»\u2026])[ \u00a0\u202f]*([;!?])(?=\s|$|[»)])")
_OPENING = re.compile(r"«[ \u00a0\u202f]*")
_CLOSING = re.compile(r"[ \u00a0\u202f]*»")


def french(text: str) -> str:
    """``text`` with French non-breaking spaces; idempotent."""
    if not text:
        return text
    text = _BEFORE_COLON.sub(NBSP + ":", text)
    text = _BEFORE_HIGH.sub(NNBSP + r"\1", text)
    text = _OPENING.sub("«" + NNBSP, text)
    return _CLOSING.sub(NNBSP + "»", text)


def number(value: int | float) -> str:
    """« 1 586 »: thousands separated by a narrow no-break space, as French prints them."""
    if isinstance(value, float) and not value.is_integer():
        whole, _dot, decimals = f"{value:,.2f}".partition(".")
        return whole.replace(",", NNBSP) + "," + decimals
    return f"{int(value):,}".replace(",", NNBSP)
