"""Which centre a site, a page or a request belongs to, which pages a site's public reads cover;
a centre with its institution, for the public; which centres a user may act for in the admin."""

from collections.abc import Iterable
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import Page, Site
from wagtail.query import PageQuerySet

from centres.funding import CentreFunder
from centres.governance import GovernanceMandate, GoverningBody
from centres.information import InformationService
from centres.membership import Member, MemberCategory
from centres.models import Centre
from editorial.roles import is_administrator


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


def _site_of(page: Page) -> int | None:
    """The id of the site whose root holds the page, from Wagtail's cached site roots: no tree query."""
    for root in sorted(Site.get_site_root_paths(), key=lambda root: len(root.root_path), reverse=True):
        if page.url_path.startswith(root.root_path):
            return root.site_id
    return None


def centres_by_site(request: Any = None) -> dict[int, Centre]:
    """Every centre with a site, by site id, in one query (memoised on ``request`` when given)."""
    cached = getattr(request, "_centres_by_site", None)
    if cached is not None:
        return cached
    centres = {centre.site_id: centre for centre in Centre.objects.filter(site__isnull=False).select_related("site")}
    if request is not None:
        request._centres_by_site = centres
    return centres


def centre_for_page(page: Page, *, request: Any = None) -> Centre | None:
    """The centre whose site's root holds the page (one query per request for a list of pages)."""
    site_id = _site_of(page)
    return centres_by_site(request).get(site_id) if site_id is not None else None


def centres_for_pages(pages: Iterable[Page]) -> dict[int, Centre]:
    """The centre of each page that has one, by page id, in one query."""
    site_ids = {page.pk: _site_of(page) for page in pages}
    if not site_ids:
        return {}
    by_site = centres_by_site()
    return {pk: by_site[site_id] for pk, site_id in site_ids.items() if site_id in by_site}


def centre_pages(centre: Centre) -> PageQuerySet:
    """Every page of the centre's site, its home included (none for a centre without a site)."""
    return Page.objects.filter(centre_pages_q(centre))


def centres_with_institution() -> QuerySet[Centre]:
    """The centres with every institution row and what the rows name, in a fixed number of queries (9)."""
    return Centre.objects.select_related("region", "site", "organisation").prefetch_related(
        Prefetch("governance_mandates", queryset=GovernanceMandate.objects.select_related("organisation")),
        "external_mandates",
        "staff",
        Prefetch("members", queryset=Member.objects.select_related("organisation")),
        Prefetch(
            "funders", queryset=CentreFunder.objects.select_related("organisation").order_by("-year", "sort_order")
        ),
        Prefetch("information_services", queryset=InformationService.objects.prefetch_related("counts")),
    )


def mandates_current(centre: Centre) -> list[GovernanceMandate]:
    """The seats held today (no end, or an end not passed), body by body in the order of ``GoverningBody``."""
    today = timezone.localdate()
    bodies = list(GoverningBody.values)
    current = [m for m in centre.governance_mandates.all() if m.end_date is None or m.end_date >= today]
    return sorted(current, key=lambda mandate: (bodies.index(mandate.body), mandate.sort_order or 0))


def members_named(centre: Centre) -> list[Member]:
    """The members that may be named in public: structures, never people who joined in their own name."""
    return [member for member in centre.members.all() if member.category != MemberCategory.INDIVIDUAL]


def members_individual_count(centre: Centre) -> int:
    return sum(1 for member in centre.members.all() if member.category == MemberCategory.INDIVIDUAL)


def centre_with_institution_for_page(page: Page) -> Centre | None:
    """The page's centre (``centre_for_page``) with its institution: 9 queries, none for a site of no centre."""
    site_id = _site_of(page)
    return centres_with_institution().filter(site_id=site_id).first() if site_id is not None else None


def centres_with_site() -> QuerySet[Centre]:
    """The centres that have a site, by name, their sites joined: the network's home links to each."""
    return Centre.objects.filter(site__isnull=False).select_related("site").order_by("name")


def centre_pages_q(centre: Centre) -> Q:
    """The centre's pages as a filter on any page queryset (nothing for a centre without a site)."""
    if centre.site is None:
        return Q(pk__in=[])
    root = centre.site.root_page
    return Q(path__startswith=root.path, depth__gte=root.depth)


def site_aggregates(site: Site | None) -> bool:
    """Whether public reads through the site (search, the typed API) cover every centre's pages:
    the network site's do (a site of no centre), a centre's site reads its own."""
    return site is not None and centre_for_site(site) is None


def user_centres(user: Any) -> QuerySet[Centre]:
    """The centres ``user`` may act for in the admin: every one for the instance's administrators, else
    those of the user's centre groups (editorial.CentreGroup). Every admin view confines by this."""
    if not (user.is_authenticated and user.is_active):
        return Centre.objects.none()
    if is_administrator(user):
        return Centre.objects.all()
    return Centre.objects.filter(role_groups__group__user=user).distinct()


def user_pages(user: Any) -> PageQuerySet:
    """The pages of the centres ``user`` acts for (every page for the instance's administrators): what a
    registration, a report or an experience record of one of those pages is reached through."""
    if is_administrator(user) and user.is_active:
        return Page.objects.all()
    roots = Page.objects.filter(sites_rooted_here__centre__in=user_centres(user))
    pages = Page.objects.none()
    for root in roots:
        pages |= Page.objects.descendant_of(root, inclusive=True)
    return pages
