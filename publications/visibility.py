"""The one rule for what the public may read: pages, and the images and documents they show.

A page is visible when it is live, not past its ``expire_at`` by the clock (an expired page stays
live until the scheduled-publishing job runs, and forever if beat is down), neither it nor an
ancestor carries a view restriction, every ancestor is live and not expired, and it lies within
the requesting site (or, on the network site, which aggregates the centres, within some site: a
page outside every site's root has no address). Every public surface (page serving, listings,
both APIs, search, feeds, sitemap, newsletter emails) composes these predicates, like Wagtail's own ``PageQuerySet``
ones (``live_q``, ``private_q``): nobody rewrites them.

Answers of the public surfaces are cached and shared, so a restriction hides a page from
everyone there, whoever asks; the restricted page itself is served by Wagtail's view, which
asks for the password or the login.
"""

import datetime
from collections.abc import Iterable
from typing import TypeGuard

from django.db.models import CharField, Exists, OuterRef, Q, QuerySet
from django.db.models.expressions import Combinable
from django.db.models.functions import Cast
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction, ReferenceIndex, Site

from centres.selectors import site_aggregates
from config.types import QuerySetT

ROOT_DEPTH = 1  # Wagtail's tree root, above every site: never served, never hidden.


def not_expired_q(now: datetime.datetime) -> Q:
    return Q(expire_at__isnull=True) | Q(expire_at__gt=now)


def _branches_q(roots: Iterable[tuple[str, int]], *, inclusive: bool) -> Q:
    """Pages beneath any of these (path, depth) tree positions; matches nothing for none."""
    q = Q()
    for path, depth in roots:
        q |= Q(path__startswith=path, depth__gte=depth if inclusive else depth + 1)
    return q


def hidden_branches_q(now: datetime.datetime) -> Q:
    """Pages under an unpublished or expired ancestor (one query, as Wagtail's ``private_q``)."""
    hidden_parents = (
        Page.objects.filter(depth__gt=ROOT_DEPTH, numchild__gt=0)
        .filter(Q(live=False) | Q(expire_at__lte=now))
        .values_list("path", "depth")
    )
    return _branches_q(hidden_parents, inclusive=False)


def restricted_branches_q() -> Q:
    """Pages with a view restriction (password, login, groups) on themselves or an ancestor."""
    restricted = PageViewRestriction.objects.values_list("page__path", "page__depth")
    return _branches_q(restricted, inclusive=True)


def published_q(*, now: datetime.datetime | None = None) -> Q:
    """Live, not expired, under live and not expired ancestors; view restrictions aside."""
    now = now or timezone.now()
    return _without(Q(live=True) & not_expired_q(now), hidden_branches_q(now))


def visible_q(*, site: Site | None = None, now: datetime.datetime | None = None) -> Q:
    """Published and unrestricted, within ``site`` when one is given."""
    q = _without(published_q(now=now), restricted_branches_q())
    if site is not None:
        q &= Q(path__startswith=site.root_page.path, depth__gte=site.root_page.depth)
    return q


def on_some_site_q() -> Q:
    """Pages within any site's root: what the network site's search and API cover."""
    roots = Site.objects.values_list("root_page__path", "root_page__depth")
    return _branches_q(roots, inclusive=True) or Q(pk__in=[])


def _without(q: Q, excluded: Q) -> Q:
    # An empty exclusion is left out rather than negated: search backends translate every
    # filter into their own query language, and "not nothing" is one they may refuse.
    return q & ~excluded if excluded else q


def pages_visible(queryset: QuerySetT, *, site: Site | None = None) -> QuerySetT:
    """``queryset`` narrowed to the pages the public may read (within ``site`` if given)."""
    return queryset.filter(visible_q(site=site))


def pages_visible_on_every_site(queryset: QuerySetT) -> QuerySetT:
    """``queryset`` narrowed to the pages the public may read on any of the instance's sites."""
    return queryset.filter(visible_q() & on_some_site_q())


def pages_visible_through(queryset: QuerySetT, *, site: Site | None) -> QuerySetT:
    """What a public read through ``site`` covers (search, the typed API): a centre's site its own
    pages, the network site (a site of no centre) every site's, since it aggregates the centres;
    no site (a read of no request) every site's too."""
    if site is None or site_aggregates(site):
        return pages_visible_on_every_site(queryset)
    return pages_visible(queryset, site=site)


def page_is_published(page: Page, *, now: datetime.datetime | None = None) -> bool:
    """Whether serving the page is allowed before its view restrictions are checked."""
    now = now or timezone.now()
    if not page.live or (page.expire_at is not None and page.expire_at <= now):
        return False
    hidden = Page.objects.ancestor_of(page).filter(depth__gt=ROOT_DEPTH).filter(Q(live=False) | Q(expire_at__lte=now))
    return not hidden.exists()


def page_is_restricted(page: Page) -> bool:
    """Whether a view restriction lies on the page or an ancestor, in one query (the tree paths of
    the ancestors are prefixes of the page's); an alias has its source page's restrictions."""
    if page.alias_of_id is not None:
        return page.get_view_restrictions().exists()
    paths = [page.path[:end] for end in range(Page.steplen, len(page.path) + 1, Page.steplen)]
    return PageViewRestriction.objects.filter(page__path__in=paths).exists()


def page_is_visible(page: Page | None, *, site: Site | None = None) -> TypeGuard[Page]:
    if page is None or page.pk is None:
        return False
    return pages_visible(Page.objects.filter(pk=page.pk), site=site).exists()


def visible_page_ids(pages: list[Page], *, site: Site | None = None) -> set[int]:
    """Which of these pages are visible, in one query (for links inside a page or an email)."""
    ids = {page.pk for page in pages if page is not None and page.live}
    if not ids:
        return set()
    return set(pages_visible(Page.objects.filter(pk__in=ids), site=site).values_list("pk", flat=True))


def restricted_collections_q(prefix: str = "") -> Q:
    """Objects (through ``prefix``, e.g. ``document__``) in or beneath a restricted collection.

    Their files are served only by Wagtail's document view, which asks for the login or the
    password; the public surfaces do not list them, not even on a public page.
    """
    q = Q()
    for path in CollectionViewRestriction.objects.values_list("collection__path", flat=True):
        q |= Q(**{f"{prefix}collection__path__startswith": path})
    return q


def without_restricted_documents(queryset: QuerySet, *, prefix: str = "document__") -> QuerySet:
    """Attachments (a page's files) whose document the public may download."""
    restricted = restricted_collections_q(prefix)
    return queryset.exclude(restricted) if restricted else queryset


def _as_text(field: str | Combinable) -> Cast:
    """The reference index keeps object ids as text (any model's primary key fits)."""
    return Cast(field, CharField())


def used_publicly_q(model: type, *, site: Site | None = None) -> Q:
    """Images or documents a visible page shows, or that a snippet (always public) shows.

    Wagtail's reference index records what each page row and snippet uses; a page's drafts are
    in revisions, which it does not index, so a file used only by an unpublished page or a
    draft stays out.
    """
    page_type = ReferenceIndex._get_base_content_type(Page)
    references = ReferenceIndex.objects.filter(
        to_content_type=ReferenceIndex._get_base_content_type(model), to_object_id=_as_text(OuterRef("pk"))
    )
    page_ids = pages_visible(Page.objects.all(), site=site).values_list(_as_text("pk"))
    from_visible_page = references.filter(base_content_type=page_type, object_id__in=page_ids)
    from_snippet = references.exclude(base_content_type=page_type)
    return Q(Exists(from_visible_page)) | Q(Exists(from_snippet))


def images_visible(queryset: QuerySet | None = None, *, site: Site | None = None) -> QuerySet:
    queryset = queryset if queryset is not None else get_image_model().objects.all()
    return queryset.filter(used_publicly_q(queryset.model, site=site))


def documents_visible(queryset: QuerySet | None = None, *, site: Site | None = None) -> QuerySet:
    """Documents a visible page or a snippet uses, outside restricted collections."""
    queryset = queryset if queryset is not None else get_document_model().objects.all()
    queryset = without_restricted_documents(queryset, prefix="")
    return queryset.filter(used_publicly_q(queryset.model, site=site))
