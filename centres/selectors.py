"""Which centre a site, a page or a request belongs to."""

from django.http import HttpRequest
from wagtail.models import Page, Site
from wagtail.query import PageQuerySet

from centres.models import Centre


def centre_for_site(site: Site | None) -> Centre | None:
    """The centre that owns the site; ``None`` for a site of no centre (the network's)."""
    if site is None:
        return None
    return Centre.objects.filter(site=site).select_related("site", "region").first()


def centre_for_request(request: HttpRequest) -> Centre | None:
    """The centre whose site answers the request, memoised on the request."""
    if not hasattr(request, "_centre"):
        request._centre = centre_for_site(Site.find_for_request(request))  # type: ignore[attr-defined]
    return request._centre  # type: ignore[attr-defined]


def centre_for_page(page: Page) -> Centre | None:
    """The centre whose site's root holds the page (Wagtail's cached site roots: no tree query)."""
    root_paths = sorted(Site.get_site_root_paths(), key=lambda root: len(root.root_path), reverse=True)
    for root in root_paths:
        if page.url_path.startswith(root.root_path):
            return Centre.objects.filter(site_id=root.site_id).first()
    return None


def centre_pages(centre: Centre) -> PageQuerySet:
    """Every page of the centre's site, its home included (none for a centre without a site)."""
    if centre.site is None:
        return Page.objects.none()
    return Page.objects.descendant_of(centre.site.root_page, inclusive=True)
