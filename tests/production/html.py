"""What the tests read in the server's answers: the addresses a page or a feed points to."""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from xml.etree import ElementTree


@dataclass
class PageLinks:
    images: list[str] = field(default_factory=list)
    audio: list[str] = field(default_factory=list)
    stylesheets: list[str] = field(default_factory=list)
    feeds: list[str] = field(default_factory=list)


class _LinkParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links = PageLinks()
        self._in_audio = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "audio":
            self._in_audio = True
            if attributes.get("src"):
                self.links.audio.append(attributes["src"])
        elif tag == "source" and self._in_audio and attributes.get("src"):
            self.links.audio.append(attributes["src"])
        elif tag == "img" and attributes.get("src"):
            self.links.images.append(attributes["src"])
        elif tag == "link":
            rel = attributes.get("rel", "").split()
            if "stylesheet" in rel:
                self.links.stylesheets.append(attributes["href"])
            elif "alternate" in rel and attributes.get("type") == "application/rss+xml":
                self.links.feeds.append(attributes["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "audio":
            self._in_audio = False


def page_links(html: str) -> PageLinks:
    parser = _LinkParser()
    parser.feed(html)
    parser.close()
    return parser.links


def feed_enclosures(xml: bytes) -> list[str]:
    """The enclosure URLs of an RSS feed's items (a podcast's episodes)."""
    root = ElementTree.fromstring(xml)  # noqa: S314 (the suite's own server's feed)
    return [enclosure.get("url", "") for enclosure in root.iter("enclosure")]


def sitemap_locations(xml: bytes) -> list[str]:
    root = ElementTree.fromstring(xml)  # noqa: S314 (the suite's own server's sitemap)
    return [element.text or "" for element in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]


class _FormParser(HTMLParser):
    """The hidden inputs, checkbox values and select options of a page's forms, by field name."""

    def __init__(self) -> None:
        super().__init__()
        self.hidden: dict[str, str] = {}
        self.choices: dict[str, list[str]] = {}
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        name = attributes.get("name", "")
        if tag == "input" and attributes.get("type") == "hidden":
            self.hidden[name] = attributes.get("value", "")
        elif tag == "input" and attributes.get("type") == "checkbox":
            self.choices.setdefault(name, []).append(attributes.get("value", ""))
        elif tag == "select":
            self._select = name
        elif tag == "option" and self._select and attributes.get("value"):
            self.choices.setdefault(self._select, []).append(attributes["value"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None


@dataclass(frozen=True)
class FormFields:
    hidden: dict[str, str]
    choices: dict[str, list[str]]


def form_fields(html: str) -> FormFields:
    parser = _FormParser()
    parser.feed(html)
    parser.close()
    return FormFields(hidden=parser.hidden, choices=parser.choices)
