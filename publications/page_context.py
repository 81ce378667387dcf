"""Template context of each public page type, built from the selectors in a bounded number of queries.

Each page model's `get_context` hands its base context to the function named after it here,
so that the model files hold one line per page type and the reads stay in one place.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import Page

from publications import selectors, structured_data
from publications.filters import AgendaFilterForm, ExperienceFilterForm, LibraryFilterForm
from publications.visibility import pages_visible, without_restricted_documents
from publications.webvtt import transcript_lines, webvtt_parse

HOME_SESSIONS = 4
HOME_PUBLICATIONS = 3
HOME_EPISODES = 3

Context = dict[str, Any]


def _query_without_page(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def _site_root(page: Page) -> Page:
    """The home page the page belongs to (depth 2), whatever the site the request came through."""
    return page if page.depth <= 2 else Page.objects.ancestor_of(page).get(depth=2)


def home_context(page: Any, request: HttpRequest, context: Context) -> Context:
    from newsletters.models import NewsletterList
    from publications.models.agenda import AgendaPage

    context.update(
        upcoming_sessions=selectors.upcoming_sessions(root=page, limit=HOME_SESSIONS),
        latest_publications=selectors.latest_publications(root=page, limit=HOME_PUBLICATIONS),
        latest_episodes=selectors.latest_episodes(root=page, limit=HOME_EPISODES),
        newsletter_lists=list(NewsletterList.objects.filter(is_active=True)),
        agenda=pages_visible(AgendaPage.objects.child_of(page)).first(),
        structured_data=structured_data.home_organisation(
            page, identity=_identity(page, request), site_name=_site_name(page), request=request
        ),
    )
    return context


def agenda_context(page: Any, request: HttpRequest, context: Context) -> Context:
    root = _site_root(page)
    form = AgendaFilterForm(request.GET or None, root=root)
    filters = form.filters()
    context.update(
        form=form,
        filters=filters,
        results=selectors.paginate(
            selectors.agenda_sessions(root=root, filters=filters), page_number=request.GET.get("page")
        ),
        query_without_page=_query_without_page(request),
    )
    return context


def programme_index_context(page: Any, request: HttpRequest, context: Context) -> Context:
    context["programmes"] = selectors.programmes_by_year(root=page)
    return context


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


def action_context(page: Any, request: HttpRequest, context: Context) -> Context:
    details = selectors.action_details(page)
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


def library_context(page: Any, request: HttpRequest, context: Context) -> Context:
    form = LibraryFilterForm(request.GET or None, root=_site_root(page))
    publications = selectors.publications_list(root=page, filters=form.filters())
    results = selectors.paginate(publications, page_number=request.GET.get("page"))
    context.update(
        form=form,
        results=results,
        documents={item.pk: selectors.document_links(item.documents.all()) for item in results},
        query_without_page=_query_without_page(request),
    )
    return context


def publication_context(page: Any, request: HttpRequest, context: Context) -> Context:
    authors = list(page.authors.select_related("person", "person__organisation"))
    documents = selectors.document_links(without_restricted_documents(page.documents.select_related("document")))
    context.update(
        authors=authors,
        documents=documents,
        co_publishers=list(page.co_publishers.all()),
        related_actions=list(pages_visible(page.related_actions.all()).select_related("format")),
        themes=list(page.themes.all()),
        territories=list(page.territories.all()),
        structured_data=structured_data.publication_report(page, authors=authors, documents=documents, request=request),
    )
    return context


def podcast_index_context(page: Any, request: HttpRequest, context: Context) -> Context:
    from publications.models import PodcastSeriesPage

    context["series"] = list(
        selectors.public_pages(PodcastSeriesPage, root=page).child_of(page).select_related("cover")
    )
    return context


def podcast_series_context(page: Any, request: HttpRequest, context: Context) -> Context:
    from publications.models import PodcastEpisodePage, PodcastSeasonPage

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


def podcast_season_context(page: Any, request: HttpRequest, context: Context) -> Context:
    from publications.models import PodcastEpisodePage

    context.update(
        series=page.get_parent().specific,
        episodes=list(selectors.public_pages(PodcastEpisodePage, root=page).select_related("audio").order_by("path")),
    )
    return context


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


def experience_index_context(page: Any, request: HttpRequest, context: Context) -> Context:
    form = ExperienceFilterForm(request.GET or None, root=_site_root(page))
    experiences = selectors.experiences_list(root=page, filters=form.filters())
    context.update(
        form=form,
        results=selectors.paginate(experiences, page_number=request.GET.get("page")),
        query_without_page=_query_without_page(request),
    )
    return context


def experience_context(page: Any, request: HttpRequest, context: Context) -> Context:
    context.update(
        organisations=list(page.organisations.all()),
        themes=list(page.themes.all()),
        territories=list(page.territories.all()),
    )
    return context


def newsletter_index_context(page: Any, request: HttpRequest, context: Context) -> Context:
    from newsletters.models import NewsletterIssuePage, NewsletterList

    issues = (
        selectors.public_pages(NewsletterIssuePage, root=page)
        .select_related("newsletter_list")
        .order_by("-issue_date", "-number")
    )
    context.update(
        results=selectors.paginate(issues, page_number=request.GET.get("page"), per_page=24),
        newsletter_lists=list(NewsletterList.objects.filter(is_active=True)),
        query_without_page=_query_without_page(request),
    )
    return context


def newsletter_issue_context(page: Any, request: HttpRequest, context: Context) -> Context:
    _linked_pages_specific_load(page)
    context["newsletter_list"] = page.newsletter_list
    return context


def _linked_pages_specific_load(issue: Any) -> None:
    """Load the specific pages the issue's items point to in one query per type.

    Each item asks its page for `.specific` (title, summary, URL); left alone, that is one
    query per item. Wagtail's `specific` is a cached property, so filling its cache from a
    bulk query makes every later access free.
    """
    chosen: list[Page] = []
    for section in issue.sections:
        value = section.value
        if section.block_type == "experience" and value.get("experience") is not None:
            chosen.append(value["experience"])
        for item in value.get("items", []) if hasattr(value, "get") else []:
            linked = item.get("page") if hasattr(item, "get") else None
            if linked is not None:
                chosen.append(linked)
    if not chosen:
        return
    specific = {item.pk: item for item in Page.objects.filter(pk__in={p.pk for p in chosen}).specific()}
    for linked in chosen:
        if linked.pk in specific:
            linked.__dict__["specific"] = specific[linked.pk]
