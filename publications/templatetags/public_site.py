"""Template tags of the public site: navigation, page metadata, JSON-LD, time links."""

import json
from typing import Any

from django import template
from django.http import HttpRequest
from django.utils.html import format_html, strip_tags
from django.utils.safestring import SafeString
from django.utils.text import Truncator
from wagtail.models import Page, Site

from publications.models.site_identity import SocialNetwork
from publications.selectors import identity_organisations as identity_organisations_of
from publications.selectors import site_identity_for, site_name_for

register = template.Library()

# What json_script escapes, so that no title can close the <script> element or open a comment.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
DESCRIPTION_LENGTH = 200


@register.simple_tag
def json_ld(data: Any) -> SafeString:
    """A <script type="application/ld+json">: a data block, which script-src does not govern, so no nonce."""
    if not data:
        return SafeString("")
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', SafeString(payload))


def _site_root(request: HttpRequest | None, page: Page | None) -> Page | None:
    site = Site.find_for_request(request) if request is not None else None
    if site is None and page is not None:
        site = page.get_site()
    return site.root_page if site is not None else None


@register.simple_tag(takes_context=True)
def main_nav(context: template.Context) -> list[dict[str, Any]]:
    """The site root's menu pages, each marked current when it is, or holds, the page shown."""
    page = context.get("page") if isinstance(context.get("page"), Page) else None
    root = _site_root(context.get("request"), page)
    if root is None:
        return []
    path = page.path if page is not None else ""
    items = []
    for item in root.get_children().live().in_menu().only("pk", "title", "url_path", "path", "depth"):
        if page is not None and item.pk == page.pk:
            current = "page"
        elif path.startswith(item.path):
            current = "true"
        else:
            current = ""
        items.append({"page": item, "current": current})
    return items


@register.simple_tag(takes_context=True)
def home_url(context: template.Context) -> str:
    page = context.get("page") if isinstance(context.get("page"), Page) else None
    root = _site_root(context.get("request"), page)
    return (root.get_url(context.get("request")) or "/") if root is not None else "/"


@register.simple_tag
def page_description(page: Any) -> str:
    """A plain description for meta tags: the SEO text, else the summary, else the introduction."""
    for attribute in ("search_description", "summary", "introduction", "description", "abstract"):
        value = getattr(page, attribute, "")
        if value:
            text = " ".join(strip_tags(str(value)).split())
            return Truncator(text).chars(DESCRIPTION_LENGTH)
    return ""


_SIZE_UNITS = ("Ko", "Mo", "Go")


@register.filter
def french_filesize(size: int | None) -> str:
    """« 1,2 Mo »: the size in the units French readers expect (Django's own says « Mio »)."""
    if not size:
        return ""
    if size < 1024:
        return f"{size} octet{'s' if size > 1 else ''}"
    value = float(size)
    for unit in _SIZE_UNITS:
        value /= 1024
        if value < 1024 or unit == _SIZE_UNITS[-1]:
            return f"{value:.1f} {unit}".replace(".", ",")
    return ""


@register.filter
def seconds(value: Any) -> int:
    """Whole seconds of a timedelta or a number, for media fragment links (#t=90)."""
    if value is None:
        return 0
    return int(value.total_seconds() if hasattr(value, "total_seconds") else float(value))


@register.filter
def clock(value: Any) -> str:
    """A position in an audio file as 1:02:03 or 02:03."""
    total = int(value.total_seconds() if hasattr(value, "total_seconds") else value or 0)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def _site(context: template.Context) -> Site | None:
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    page = context.get("page")
    if site is None and isinstance(page, Page):
        site = page.get_site()
    return site


@register.simple_tag(takes_context=True)
def site_name(context: template.Context) -> str:
    return site_name_for(site=_site(context))


@register.simple_tag(takes_context=True)
def site_identity(context: template.Context) -> Any:
    """The centre's logo, colours, address and links (its SiteIdentity), read once per request."""
    return site_identity_for(site=_site(context), request=context.get("request"))


@register.simple_tag
def breadcrumbs(page: Any) -> list[Page]:
    """The page's ancestors below Wagtail's root, the site's home page first."""
    if not isinstance(page, Page) or page.depth <= 2:
        return []
    return list(Page.objects.ancestor_of(page).filter(depth__gte=2).only("pk", "title", "url_path", "depth"))


@register.filter
def get_item(mapping: dict[Any, Any], key: Any) -> Any:
    return mapping.get(key, ()) if mapping else ()


@register.simple_tag
def identity_organisations(identity: Any, field: str) -> list[Any]:
    """The partners or funders of the footer, with their logos."""
    return identity_organisations_of(identity=identity, field=field) if identity is not None else []


@register.filter
def social_network_label(value: str) -> str:
    return str(SocialNetwork(value).label) if value in SocialNetwork.values else value
