"""Template context of each public page type, built from the selectors in a bounded number of queries.

Each function here is registered for its page type (``publications.context_builders``), whose
``get_context`` hands it the base context, so that the reads stay in one place. Imported by
``PublicationsConfig.ready()``.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from wagtail.models import Page, Site

from centres import selectors as centres_selectors
from publications import selectors, structured_data
from publications.context_builders import Context, page_context_register, page_route_context_register
from publications.filters import AgendaFilterForm, ExperienceFilterForm, LibraryFilterForm
from publications.models import (
    AboutPage,
    ActionPage,
    AgendaPage,
    ExperienceIndexPage,
    ExperiencePage,
    FormatIndexPage,
    HomePage,
    Organisation,
    PeopleIndexPage,
    Person,
    PodcastEpisodePage,
    PodcastIndexPage,
    PodcastSeasonPage,
    PodcastSeriesPage,
    ProgrammeIndexPage,
    ProgrammePage,
    PublicationIndexPage,
    PublicationPage,
)
from publications.visibility import pages_visible, without_restricted_documents
from publications.webvtt import transcript_lines, webvtt_parse

HOME_SESSIONS = 4
HOME_PUBLICATIONS = 3
HOME_EPISODES = 3


def query_without_page(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def _site_root(page: Page) -> Page:
    """The home page the page belongs to (depth 2), whatever the site the request came through."""
    return page if page.depth <= 2 else Page.objects.ancestor_of(page).get(depth=2)


@page_context_register(HomePage)
def home_context(page: Any, request: HttpRequest, context: Context) -> Context:

    context.update(
        upcoming_sessions=selectors.upcoming_sessions(root=page, limit=HOME_SESSIONS),
        latest_publications=selectors.latest_publications(root=page, limit=HOME_PUBLICATIONS),
        latest_episodes=selectors.latest_episodes(root=page, limit=HOME_EPISODES),
        agenda=pages_visible(AgendaPage.objects.child_of(page)).first(),
        structured_data=structured_data.home_organisation(
            page, identity=_identity(page, request), site_name=_site_name(page), request=request
        ),
    )
    return context


@page_context_register(HomePage)
def home_network_context(page: Any, request: HttpRequest, context: Context) -> Context:
    """The network's home (its site has no centre) links to the centres' sites instead of listing content."""
    site = page.get_site()
    on_network = site is not None and centres_selectors.centre_for_site(site) is None
    context["network_centres"] = list(centres_selectors.centres_with_site()) if on_network else []
    return context


@page_context_register(AboutPage)
def about_context(page: Any, request: HttpRequest, context: Context) -> Context:
    centre = centres_selectors.centre_with_institution_for_page(page)
    if centre is not None:
        context.update(
            centre=centre,
            mandates=centres_selectors.mandates_current(centre),
            members=centres_selectors.members_named(centre),
            individual_members=centres_selectors.members_individual_count(centre),
        )
    return context


@page_context_register(AgendaPage)
def agenda_context(page: Any, request: HttpRequest, context: Context) -> Context:
    root = _site_root(page)
    form = AgendaFilterForm(request.GET or None, root=root)
    filters = form.filters()
    results = selectors.paginate(
        selectors.agenda_sessions(root=root, filters=filters), page_number=request.GET.get("page")
    )
    selectors.hosts_mark(results.object_list, root=root)
    context.update(form=form, filters=filters, results=results, query_without_page=query_without_page(request))
    return context


@page_context_register(ProgrammeIndexPage)
def programme_index_context(page: Any, request: HttpRequest, context: Context) -> Context:
    context["programmes"] = selectors.programmes_by_year(root=page)
    return context


@page_context_register(FormatIndexPage)
def format_index_context(page: Any, request: HttpRequest, context: Context) -> Context:
    context["formats"] = selectors.action_formats()
    return context


@page_context_register(ProgrammePage)
def programme_context(page: Any, request: HttpRequest, context: Context) -> Context:
    axes, loose = selectors.programme_axes(page)
    context.update(
        axes=axes,
        loose_actions=loose,
        progress_points=list(page.progress_points.order_by("date")),
        centre=page.centre,
    )
    return context


def _identity(page: Page, request: HttpRequest) -> Any:
    return selectors.site_identity_for(site=page.get_site(), request=request)


def _site_name(page: Page) -> str:
    return selectors.site_name_for(site=page.get_site())


@page_context_register(ActionPage)
def action_context(page: Any, request: HttpRequest, context: Context) -> Context:
    details = selectors.action_details(page, site=Site.find_for_request(request))
    context.update(details)
    # « S'inscrire » on a day already past would send people to a closed form.
    now = timezone.now()
    context["registration_shown"] = bool(page.registration_open and page.registration_url) and (
        not details["sessions"] or any(not s.cancelled and s.ends_at >= now for s in details["sessions"])
    )
    context["structured_data"] = structured_data.action_events(
        page, details, request, identity=_identity(page, request), site_name=_site_name(page)
    )
    return context


@page_context_register(PublicationIndexPage)
def library_context(page: Any, request: HttpRequest, context: Context) -> Context:
    form = LibraryFilterForm(request.GET or None, root=_site_root(page))
    publications = selectors.publications_list(root=page, filters=form.filters())
    results = selectors.paginate(publications, page_number=request.GET.get("page"))
    context.update(
        form=form,
        results=results,
        documents={item.pk: selectors.document_links(item.documents.all()) for item in results},
        query_without_page=query_without_page(request),
    )
    return context


@page_context_register(PublicationPage)
def publication_context(page: Any, request: HttpRequest, context: Context) -> Context:
    authors = list(page.authors.select_related("person", "person__organisation"))
    documents = selectors.document_links(without_restricted_documents(page.documents.select_related("document")))
    context.update(
        authors=authors,
        documents=documents,
        co_publishers=list(page.co_publishers.all()),
        related_actions=list(
            pages_visible(page.related_actions.all(), site=Site.find_for_request(request)).select_related("format")
        ),
        themes=list(page.themes.all()),
        territories=list(page.territories.all()),
        structured_data=structured_data.publication_report(page, authors=authors, documents=documents, request=request),
    )
    return context


@page_context_register(PodcastIndexPage)
def podcast_index_context(page: Any, request: HttpRequest, context: Context) -> Context:

    context["series"] = list(
        selectors.public_pages(PodcastSeriesPage, root=page).child_of(page).select_related("cover")
    )
    return context


@page_context_register(PodcastSeriesPage)
def podcast_series_context(page: Any, request: HttpRequest, context: Context) -> Context:

    seasons = list(selectors.public_pages(PodcastSeasonPage, root=page).child_of(page).order_by("number"))
    episodes = selectors.public_pages(PodcastEpisodePage, root=page).select_related("audio").order_by("path")
    by_season: dict[str, list[Any]] = {}
    for episode in episodes:
        by_season.setdefault(episode.path[: -Page.steplen], []).append(episode)
    context.update(
        seasons=[(season, by_season.get(season.path, [])) for season in seasons],
        committee=list(page.committee.select_related("person", "person__organisation")),
        structured_data=structured_data.podcast_series(page, request),
    )
    return context


@page_context_register(PodcastSeasonPage)
def podcast_season_context(page: Any, request: HttpRequest, context: Context) -> Context:

    context.update(
        series=page.get_parent().specific,
        episodes=list(selectors.public_pages(PodcastEpisodePage, root=page).select_related("audio").order_by("path")),
    )
    return context


@page_context_register(PodcastEpisodePage)
def podcast_episode_context(page: Any, request: HttpRequest, context: Context) -> Context:
    season = page.get_parent().specific
    series = season.get_parent().specific
    people = list(page.people.select_related("person", "person__organisation"))
    try:
        cues = webvtt_parse(page.transcript) if page.transcript.strip() else []
    except ValidationError:
        # A transcript saved before validation existed must not break the page.
        cues = []
    context.update(
        season=season,
        series=series,
        people=people,
        chapters=list(page.chapters.all()),
        cues=cues,
        transcript=transcript_lines(cues),
        themes=list(page.themes.all()),
        structured_data=structured_data.podcast_episode(
            page, season=season, series=series, people=people, request=request
        ),
    )
    return context


@page_context_register(ExperienceIndexPage)
def experience_index_context(page: Any, request: HttpRequest, context: Context) -> Context:
    form = ExperienceFilterForm(request.GET or None, root=_site_root(page))
    experiences = selectors.experiences_list(root=page, filters=form.filters())
    context.update(
        form=form,
        results=selectors.paginate(experiences, page_number=request.GET.get("page")),
        query_without_page=query_without_page(request),
    )
    return context


@page_context_register(ExperiencePage)
def experience_context(page: Any, request: HttpRequest, context: Context) -> Context:
    context.update(
        organisations=list(page.organisations.all()),
        themes=list(page.themes.all()),
        territories=list(page.territories.all()),
    )
    return context


@page_route_context_register(PeopleIndexPage, "index")
def people_index_context(page: Any) -> Context:
    root = page.get_parent()
    return {
        "people": [(person, page.person_url(person)) for person in selectors.people_contributing(root=root)],
        "partners": [(org, page.organisation_url(org)) for org in selectors.partners_of_actions(root=root)],
    }


@page_route_context_register(PeopleIndexPage, "person")
def person_context(page: Any, *, person_id: int) -> Context:
    person = get_object_or_404(Person.objects.select_related("organisation"), pk=person_id)
    contributions = selectors.person_contributions(person, root=page.get_parent())
    if not contributions:
        raise Http404
    return {"person": person, "contributions": contributions}


@page_route_context_register(PeopleIndexPage, "organisation")
def organisation_context(page: Any, *, organisation_id: int) -> Context:
    organisation = get_object_or_404(Organisation, pk=organisation_id)
    contributions = selectors.organisation_contributions(organisation, root=page.get_parent())
    if not contributions:
        raise Http404
    return {"organisation": organisation, "contributions": contributions}
