"""An issue rendered once per send, then personalised per recipient by a single-pass substitution.

`render_issue` runs the templates and the CSS inliner once; the HTML and text it returns hold
placeholders for the recipient's greeting, preferences URL and unsubscribe URL. Each placeholder
carries a random marker chosen at render time, so text written by an editor can never match one,
and `personalise` replaces them in one regular-expression pass: a value put in is never scanned
again, so it cannot bring in another placeholder.
"""

import html as html_lib
import re
import secrets
import textwrap
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

import css_inline
from django.template.loader import render_to_string
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from newsletters.email_content import EmailSection, issue_sections
from newsletters.models import NewsletterIssuePage

PLACEHOLDER_KEYS = ("greeting", "preferences", "unsubscribe")
NAME_MAX_LENGTH = 120
TEXT_WIDTH = 72
HTML_TEMPLATE = "newsletters/email/issue.html"
# Gmail clips messages whose HTML exceeds 102 KB.
GMAIL_CLIP_BYTES = 102 * 1024

# Media queries stay in a <style> block for the clients that honour them; the rest is inlined.
_INLINER = css_inline.CSSInliner(keep_at_rules=True, load_remote_stylesheets=False)
_CONTROL_OR_SPACE = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u2028\u2029]+")


@dataclass(frozen=True)
class RenderedIssue:
    """One issue ready to send: identical for every recipient until `personalise` fills it."""

    subject: str
    preheader: str
    html: str
    text: str
    web_url: str
    # Random marker of this rendering's placeholders; keep it with html and text when storing them.
    marker: str

    @property
    def html_size(self) -> int:
        """Bytes of HTML before personalisation (the figure Gmail's clipping is about)."""
        return len(self.html.encode("utf-8"))


def _placeholder(marker: str, key: str) -> str:
    return f"crpv{marker}{key}"


@lru_cache(maxsize=32)
def _placeholder_pattern(marker: str) -> re.Pattern[str]:
    return re.compile(f"crpv{re.escape(marker)}({'|'.join(PLACEHOLDER_KEYS)})")


def one_line(text: str) -> str:
    """Text on one line: runs of spaces, line breaks and control characters become one space."""
    return _CONTROL_OR_SPACE.sub(" ", text or "").strip()


def clean_name(name: str) -> str:
    """A recipient's or sender's name on one line, without control characters, of bounded length."""
    return one_line(name)[:NAME_MAX_LENGTH].strip()


def checked_url(url: str) -> str:
    """The URL if it is an absolute http(s) URL with nothing that could break a header or an attribute."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or re.search(r"[\s<>\"'`\\\x00-\x1f\x7f]", url):
        raise ValueError(f"Not a safe absolute http(s) URL: {url!r}")
    return url


def issue_subject(issue: NewsletterIssuePage) -> str:
    """« Résonances n° 198 – <title> », or the title alone when it already names the list."""
    title = one_line(issue.title)
    if title.casefold().startswith(issue.newsletter_list.name.casefold()):
        return title
    return f"{issue.newsletter_list.name} n° {issue.number} – {title}"


def _greeting(name: str) -> str:
    name = clean_name(name)
    return _("Bonjour %(name)s,") % {"name": name} if name else _("Bonjour,")


def _wrap(text: str, indent: str = "") -> list[str]:
    """Lines of at most TEXT_WIDTH characters, the editor's line breaks kept."""
    lines = []
    for paragraph in (text or "").splitlines() or [""]:
        lines += textwrap.wrap(one_line(paragraph), width=TEXT_WIDTH, initial_indent=indent, subsequent_indent=indent)
    return lines or [""]


def _text_sections(sections: list[EmailSection]) -> list[str]:
    lines: list[str] = []
    for section in sections:
        heading = section.heading + (f" – {section.subheading}" if section.subheading else "")
        lines += ["", "", heading.upper(), "=" * min(len(heading), TEXT_WIDTH)]
        for item in section.items:
            lines.append("")
            if item.tag:
                lines += _wrap(f"[{item.tag}]")
            lines += _wrap(f"* {item.title}")
            if item.meta:
                lines += _wrap(item.meta, "  ")
            if item.summary:
                lines += _wrap(item.summary, "  ")
            if item.url:
                lines.append(f"  {item.url}")
    return lines


def _render_text(context: dict) -> str:
    issue = context["issue"]
    newsletter_list = issue.newsletter_list
    placeholders = context["placeholders"]
    lines = [
        f"{newsletter_list.name} n° {issue.number} – {context['issue_date']}",
        *_wrap(issue.title),
        "",
        _("Version en ligne : %(url)s") % {"url": context["web_url"]} if context["web_url"] else "",
        "",
        placeholders["greeting"],
        *_text_sections(context["sections"]),
        "",
        "",
        "-- ",
        *_wrap(
            _("Vous recevez « %(list)s », envoyée par %(sender)s, car vous y êtes abonné·e.")
            % {"list": newsletter_list.name, "sender": newsletter_list.sender_name}
        ),
        _("Gérer vos abonnements : %(url)s") % {"url": placeholders["preferences"]},
        _("Se désabonner : %(url)s") % {"url": placeholders["unsubscribe"]},
    ]
    if newsletter_list.reply_to:
        lines.append(_("Nous écrire : %(email)s") % {"email": newsletter_list.reply_to})
    return "\n".join(lines).strip() + "\n"


def render_issue(issue: NewsletterIssuePage) -> RenderedIssue:
    """Render the issue's email once, with placeholders where each recipient's values go."""
    marker = secrets.token_hex(8)
    placeholders = {key: _placeholder(marker, key) for key in PLACEHOLDER_KEYS}
    web_url = issue.full_url or ""
    context: dict[str, Any] = {
        "issue": issue,
        "newsletter_list": issue.newsletter_list,
        "issue_date": date_format(issue.issue_date, "j F Y"),
        "subject": issue_subject(issue),
        "preheader": one_line(issue.preheader),
        "sections": issue_sections(issue.sections),
        "web_url": web_url,
        "placeholders": placeholders,
    }
    html = _INLINER.inline(render_to_string(HTML_TEMPLATE, context))
    return RenderedIssue(
        subject=context["subject"],
        preheader=context["preheader"],
        html=html,
        text=_render_text(context),
        web_url=web_url,
        marker=marker,
    )


def personalise(rendered: RenderedIssue, *, name: str, preferences_url: str, unsubscribe_url: str) -> tuple[str, str]:
    """The (html, text) of one recipient's message: placeholders replaced, escaped for HTML."""
    text_values = {
        "greeting": _greeting(name),
        "preferences": checked_url(preferences_url),
        "unsubscribe": checked_url(unsubscribe_url),
    }
    html_values = {key: html_lib.escape(value, quote=True) for key, value in text_values.items()}
    pattern = _placeholder_pattern(rendered.marker)
    html = pattern.sub(lambda match: html_values[match.group(1)], rendered.html)
    text = pattern.sub(lambda match: text_values[match.group(1)], rendered.text)
    return html, text
