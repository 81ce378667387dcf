"""Reads of the public site: listings, their filters and the pages that gather content.

Every listing takes the site's root page and returns live, public pages beneath it only,
with what its template shows loaded in a fixed number of queries.
"""

import datetime
import mimetypes
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from wagtail.models import Page, PageQuerySet, Site

from centres.selectors import centre_for_page, centres_for_pages
from config import parsing
from config.time_zone import PARIS
from publications.models import (
    ActionFormat,
    ActionOrganisation,
    ActionPage,
    ActionPerson,
    ActionSession,
    EpisodePerson,
    ExperiencePage,
    Organisation,
    Person,
    PodcastEpisodePage,
    PodcastSeriesPage,
    ProgrammePage,
    PublicationAuthor,
    PublicationDocument,
    PublicationPage,
    SiteIdentity,
)
from publications.sessions import session_upcoming_q
from publications.territories import territory_ids_within
from publications.visibility import page_is_visible, pages_visible, visible_page_ids, without_restricted_documents


def site_name_for(*, site: Any) -> str:
    """The name the public site goes by: its Wagtail site's, else SITE_NAME."""
    return (site.site_name if site is not None else "") or settings.WAGTAIL_SITE_NAME


def site_identity_for(*, site: Any, request: Any = None) -> SiteIdentity:
    """The site's identity, or the defaults (unsaved) until an administrator fills it in: a GET writes nothing.

    Read once per request: the page's context and its template both ask.
    """
    cached = getattr(request, "_site_identity", None)
    if cached is not None:
        return cached
    identity = SiteIdentity()
    if site is not None:
        identity = SiteIdentity.objects.filter(site=site).select_related("logo").first() or SiteIdentity(site=site)
    if request is not None:
        request._site_identity = identity
    return identity


def identity_organisations(*, identity: SiteIdentity, field: str) -> list[Organisation]:
    """The partners or funders an identity lists, in its order, with their logos, in one query."""
    # The raw ids: resolving each block's snippet would cost one more query.
    ids = [item["value"] for item in getattr(identity, field).raw_data if item.get("value")]
    if not ids:
        return []
    found = Organisation.objects.filter(pk__in=ids).select_related("logo").in_bulk()
    return [found[pk] for pk in ids if pk in found]


PER_PAGE = 12


def paginate(items: Any, *, page_number: str | None, per_page: int = PER_PAGE) -> PaginatorPage:
    """The requested page of results; a page past the end gives the last one."""
    return Paginator(items, per_page).get_page(parsing.page_number(page_number))


def public_pages(model: type[Page], *, root: Page) -> PageQuerySet:
    """Visible pages of `model` under `root` (the site's home page, or a programme)."""
    return pages_visible(model.objects.descendant_of(root))


# Agenda


@dataclass(frozen=True)
class AgendaFilters:
    format_slug: str = ""
    theme_slug: str = ""
    territory_id: int | None = None
    month: datetime.date | None = None
    past: bool = False


def month_bounds(month: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """The first instant of `month` and of the next one, in Paris time."""
    start = datetime.datetime(month.year, month.month, 1, tzinfo=PARIS)
    following = datetime.datetime(month.year + month.month // 12, month.month % 12 + 1, 1, tzinfo=PARIS)
    return start, following


def site_actions(*, root: Page) -> PageQuerySet:
    """Visible actions under the site's home page `root`, and those its centre co-organises from another site."""
    co_organised = ActionPage.co_organisers.through.objects.filter(centre__site__root_page=root)
    return pages_visible(
        ActionPage.objects.filter(Q(path__startswith=root.path) | Q(pk__in=co_organised.values("actionpage_id")))
    )


def hosts_mark(sessions: Iterable[ActionSession], *, root: Page) -> None:
    """Name, on each action co-organised from another site, the centre whose site holds its one page."""
    elsewhere = [session.page for session in sessions if not session.page.path.startswith(root.path)]
    hosts = centres_for_pages(elsewhere)
    for page in elsewhere:
        page.host_centre = hosts.get(page.pk)


def agenda_sessions(*, root: Page, filters: AgendaFilters, now: datetime.datetime | None = None) -> QuerySet:
    """Sessions of live public actions of the site: upcoming ones first-to-come, or past ones latest first."""
    now = now or timezone.now()
    actions = site_actions(root=root)
    if filters.format_slug:
        actions = actions.filter(format__slug=filters.format_slug)
    if filters.theme_slug:
        actions = actions.filter(themes__slug=filters.theme_slug)
    sessions = ActionSession.objects.filter(page__in=actions.values("pk"))
    if filters.territory_id is not None:
        places = territory_ids_within(ids=[filters.territory_id])
        sessions = sessions.filter(
            Q(town_id__in=places) | Q(page__in=ActionPage.objects.filter(territories__in=places).values("pk"))
        )
    if filters.month is not None:
        start, end = month_bounds(filters.month)
        sessions = sessions.filter(starts_at__gte=start, starts_at__lt=end)
    if filters.past:
        sessions = sessions.filter(ends_at__lt=now).order_by("-starts_at", "pk")
    else:
        sessions = sessions.filter(session_upcoming_q(now=now, cancelled=True)).order_by("starts_at", "pk")
    # The registration settings with the action: the agenda labels each session « complet »… from them.
    return sessions.select_related("page", "page__format", "page__registration_settings", "town")


def upcoming_sessions(*, root: Page, limit: int) -> list[ActionSession]:
    """The next sessions that are not cancelled, for the home page."""
    sessions = agenda_sessions(root=root, filters=AgendaFilters()).filter(session_upcoming_q(now=timezone.now()))
    upcoming = list(sessions.select_related("page__image")[:limit])
    hosts_mark(upcoming, root=root)
    return upcoming


# Programmes and actions


def programmes_by_year(*, root: Page) -> QuerySet:
    return public_pages(ProgrammePage, root=root).select_related("centre").order_by("-year", "title")


@dataclass
class AxisActions:
    axis: Any
    actions: list[ActionPage] = field(default_factory=list)


def action_formats() -> list[ActionFormat]:
    """The managed list of formats with their definitions, in the centre's order."""
    return list(ActionFormat.objects.order_by("sort_order", "name"))


def programme_axes(programme: ProgrammePage) -> tuple[list[AxisActions], list[ActionPage]]:
    """The programme's axes in order with their live public actions, and the actions of no axis."""
    actions = (
        public_pages(ActionPage, root=programme)
        .select_related("format")
        .prefetch_related(Prefetch("sessions", queryset=ActionSession.objects.order_by("starts_at")), "other_axes")
        .order_by("path")
    )
    axes = list(programme.axes.select_related("parent"))
    by_axis: dict[int | None, list[ActionPage]] = defaultdict(list)
    for action in actions:
        by_axis[action.axis_id].append(action)
        # An action the programme lists under several axes appears under each of them.
        for other in action.other_axes.all():
            by_axis[other.pk].append(action)
    known = {axis.pk for axis in axes}
    loose = [action for axis_id, items in by_axis.items() if axis_id not in known for action in items]
    return [AxisActions(axis=axis, actions=by_axis.get(axis.pk, [])) for axis in axes], loose


def action_details(action: ActionPage, *, site: Site | None) -> dict[str, Any]:
    """What an action page of ``site`` shows beyond its own fields, in a fixed number of queries.

    The pages it links to (deliverables, the action it continues) are shown when they are
    visible on the same site: another centre's page is not this site's to show.
    """
    organisations = list(action.organisations.select_related("organisation"))
    deliverables = list(action.deliverables.select_related("publication"))
    visible = visible_page_ids([item.publication for item in deliverables], site=site)
    for item in deliverables:
        item.visible_publication = item.publication if item.publication_id in visible else None
    return {
        "sessions": list(action.sessions.select_related("town").order_by("starts_at")),
        "people": list(action.people.select_related("person", "person__organisation")),
        "partners": [item for item in organisations if item.role != "financeur"],
        "funders": [item for item in organisations if item.role == "financeur"],
        "themes": list(action.themes.all()),
        "territories": list(action.territories.all()),
        "audiences": list(action.audiences.all()),
        "progress_notes": list(action.progress_notes.order_by("date")),
        "indicators": list(action.indicators.all()),
        "fundings": list(action.fundings.select_related("funder")),
        "continues": action.continues if page_is_visible(action.continues, site=site) else None,
        "deliverables": deliverables,
        "programme": action.get_parent().specific,
        "host_centre": centre_for_page(action),
        "co_organisers": list(action.co_organisers.select_related("site").order_by("name")),
    }


# Publications


@dataclass(frozen=True)
class LibraryFilters:
    collection_slug: str = ""
    theme_slug: str = ""
    territory_id: int | None = None
    year: int | None = None


def publications_list(*, root: Page, filters: LibraryFilters) -> QuerySet:
    publications = public_pages(PublicationPage, root=root)
    if filters.collection_slug:
        publications = publications.filter(collection__slug=filters.collection_slug)
    if filters.theme_slug:
        publications = publications.filter(themes__slug=filters.theme_slug)
    if filters.territory_id is not None:
        publications = publications.filter(territories__in=territory_ids_within(ids=[filters.territory_id]))
    if filters.year is not None:
        publications = publications.filter(publication_date__year=filters.year)
    return (
        publications.distinct()
        .select_related("collection", "cover")
        .prefetch_related(
            Prefetch(
                "documents",
                queryset=without_restricted_documents(PublicationDocument.objects.select_related("document")),
            )
        )
        .order_by("-publication_date", "title")
    )


def publication_years(*, root: Page) -> list[int]:
    dates = public_pages(PublicationPage, root=root).dates("publication_date", "year", order="DESC")
    return [date.year for date in dates]


# Experience records


@dataclass(frozen=True)
class ExperienceFilters:
    theme_slug: str = ""
    territory_id: int | None = None


def experiences_list(*, root: Page, filters: ExperienceFilters) -> QuerySet:
    experiences = public_pages(ExperiencePage, root=root)
    if filters.theme_slug:
        experiences = experiences.filter(themes__slug=filters.theme_slug)
    if filters.territory_id is not None:
        places = territory_ids_within(ids=[filters.territory_id])
        experiences = experiences.filter(Q(town_id__in=places) | Q(territories__in=places))
    return experiences.distinct().select_related("town").order_by("title")


# Podcasts


def latest_episodes(*, root: Page, limit: int) -> list[PodcastEpisodePage]:
    """The latest episodes, each with its series (``episode.series``, cover loaded) for its card."""
    episodes = list(
        public_pages(PodcastEpisodePage, root=root).select_related("audio").order_by("-release_date", "-pk")[:limit]
    )
    # An episode sits under its season, under its series: the series' path is two steps shorter.
    series_paths = {episode.path[: -2 * Page.steplen] for episode in episodes}
    series = {
        item.path: item for item in PodcastSeriesPage.objects.filter(path__in=series_paths).select_related("cover")
    }
    for episode in episodes:
        episode.series = series.get(episode.path[: -2 * Page.steplen])
    return episodes


def latest_publications(*, root: Page, limit: int) -> list[PublicationPage]:
    return list(
        public_pages(PublicationPage, root=root)
        .select_related("collection", "cover")
        .order_by("-publication_date")[:limit]
    )


# People and partners


@dataclass
class Contribution:
    page: Page
    role: str


def people_contributing(*, root: Page) -> list[Person]:
    """People who lead or speak at an action, write a publication or take part in an episode."""
    ids: set[int] = set()
    for model in (ActionPerson, PublicationAuthor, EpisodePerson):
        parents = public_pages(model._meta.get_field("page").related_model, root=root)
        ids.update(model.objects.filter(page__in=parents.values("pk")).values_list("person_id", flat=True))
    return list(Person.objects.filter(pk__in=ids).select_related("organisation"))


def partners_of_actions(*, root: Page) -> list[Organisation]:
    """Organisations that partner, co-organise or fund an action, each once."""
    actions = public_pages(ActionPage, root=root)
    ids = ActionOrganisation.objects.filter(page__in=actions.values("pk")).values_list("organisation_id", flat=True)
    return list(Organisation.objects.filter(pk__in=ids).order_by("name"))


def person_contributions(person: Person, *, root: Page) -> list[Contribution]:
    """What a person did on the site, most recent content first."""
    found: list[Contribution] = []
    for model in (ActionPerson, PublicationAuthor, EpisodePerson):
        page_model = model._meta.get_field("page").related_model
        pages = public_pages(page_model, root=root)
        links = model.objects.filter(person=person, page__in=pages.values("pk")).select_related("page")
        found.extend(Contribution(page=link.page, role=link.get_role_display()) for link in links)
    return found


def organisation_contributions(organisation: Organisation, *, root: Page) -> list[Contribution]:
    actions = public_pages(ActionPage, root=root)
    links = ActionOrganisation.objects.filter(organisation=organisation, page__in=actions.values("pk")).select_related(
        "page"
    )
    return [Contribution(page=link.page, role=link.get_role_display()) for link in links]


@dataclass(frozen=True)
class DocumentLink:
    """A downloadable file as the page announces it: « PDF, 1,2 Mo »."""

    label: str
    url: str
    size: int | None
    format_label: str
    mime_type: str


def _stored_size(document: Any) -> int | None:
    """The size from storage, for files saved without going through Wagtail's upload form."""
    try:
        return document.file.size
    except (OSError, ValueError):
        return None


def document_links(items: Iterable[PublicationDocument]) -> list[DocumentLink]:
    links = []
    for item in items:
        document = item.document
        extension = (document.file_extension or "").lower()
        links.append(
            DocumentLink(
                label=item.label or document.title,
                url=document.url,
                size=document.file_size if document.file_size is not None else _stored_size(document),
                format_label=extension.upper() or "?",
                mime_type=mimetypes.guess_type(f"file.{extension}")[0] or "application/octet-stream",
            )
        )
    return links
