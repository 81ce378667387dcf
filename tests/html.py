"""Reading a page as its reader would: headings, links, landmarks and text of the parsed HTML.

The parser is BeautifulSoup on the standard library's ``html.parser``, so what a test finds is an
element of the document, not a substring that might sit in an attribute, a script or a comment.
"""

from dataclasses import dataclass
from html import unescape
from typing import Any

from bs4 import BeautifulSoup, Tag

# The elements whose content is no reader's text.
_NOT_TEXT = ("script", "style", "template")
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_SECTIONING = ("article", "aside", "main", "nav", "section")
# Landmark elements and the ARIA roles they carry (https://www.w3.org/TR/wai-aria-practices/#aria_landmark).
LANDMARK_ROLES = {
    "header": "banner",
    "nav": "navigation",
    "main": "main",
    "aside": "complementary",
    "footer": "contentinfo",
}


@dataclass(frozen=True)
class Link:
    text: str
    href: str


def page_source(response: Any) -> str:
    """The response's HTML with character references decoded, for wording that may sit in an attribute."""
    return unescape(response.content.decode())


def parse(page: Any) -> BeautifulSoup:
    """The parsed document of a response, or of an HTML string."""
    html = page if isinstance(page, str) else page.content.decode()
    return BeautifulSoup(html, "html.parser")


def text(element: Tag) -> str:
    """The text of ``element`` as read, whitespace collapsed, without scripts and styles."""
    parts = [
        string
        for string in element.find_all(string=True)
        if not any(parent.name in _NOT_TEXT for parent in string.parents)
    ]
    return " ".join(" ".join(parts).split())


def headings(scope: Tag, *levels: str) -> list[str]:
    """The text of each heading in ``scope``, in document order (``levels``: "h1", "h2"…; all by default)."""
    return [text(heading) for heading in scope.find_all(levels or HEADINGS)]


def links(scope: Tag) -> list[Link]:
    """Every link of ``scope`` with an ``href``, in document order."""
    return [Link(text=text(anchor), href=anchor["href"]) for anchor in scope.find_all("a", href=True)]


def hrefs(scope: Tag) -> list[str]:
    return [link.href for link in links(scope)]


def link_texts(scope: Tag, href: str) -> list[str]:
    """The texts of the links of ``scope`` pointing to ``href`` (an empty list: no such link)."""
    return [link.text for link in links(scope) if link.href == href]


def landmark(scope: Tag, role: str, label: str | None = None) -> Tag:
    """The one landmark of ``role`` ("main", "navigation", "banner"…), by element or ARIA role, named ``label``."""
    found = [
        element
        for element in scope.find_all(True)
        if _role(element) == role and (label is None or element.get("aria-label") == label)
    ]
    assert len(found) == 1, f"expected one {role} landmark labelled {label!r}, found {len(found)}"
    return found[0]


def section(scope: Tag, heading: str) -> Tag:
    """The one section (or article, aside, form) that the heading reading ``heading`` names."""
    found = []
    for element in scope.find_all(HEADINGS):
        if text(element) != heading:
            continue
        labelled = element.get("id") and scope.find(attrs={"aria-labelledby": element["id"]})
        found.append(labelled or element.find_parent(("section", "article", "aside", "form")))
    assert len(found) == 1, f"expected one section headed {heading!r}, found {len(found)}"
    assert found[0] is not None, f"the heading {heading!r} names no section"
    return found[0]


def meta_content(scope: Tag, key: str) -> str | None:
    """The content of the ``<meta>`` whose ``property`` or ``name`` is ``key`` (None: no such tag)."""
    element = scope.find("meta", attrs={"property": key}) or scope.find("meta", attrs={"name": key})
    return element["content"] if element else None


def _role(element: Tag) -> str | None:
    if element.get("role"):
        return element["role"]
    if element.name in ("header", "footer") and element.find_parent(_SECTIONING):
        return None  # the header or footer of an article or a section, not of the page
    return LANDMARK_ROLES.get(element.name)


def main(scope: Tag) -> Tag:
    """The page's main landmark: its content without the site's header, navigation and footer."""
    return landmark(scope, "main")


def main_text(page: Any) -> str:
    """The text of the main landmark of a response or an HTML string."""
    return text(main(parse(page)))
