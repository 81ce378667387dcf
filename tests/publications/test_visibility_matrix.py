"""The leak matrix: every public surface × every kind of hidden content (`publications.visibility`).

Each kind builds a family of pages whose titles carry a marker word (an action with an upcoming
session, a publication, an experience record, a podcast episode, a newsletter issue), hidden by
that kind's condition on themselves or on a container above them. A visible family built the
same way proves that each surface does show what it should: the control must appear where the
hidden marker must not.
"""

import datetime
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from newsletters.models import NewsletterIndexPage
from newsletters.proposals import issue_proposals
from newsletters.rendering import render_issue
from publications.models import AgendaPage, ExperienceIndexPage, PublicationIndexPage
from tests import factories

pytestmark = pytest.mark.django_db

VISIBLE = "xyzzyvisible"
HOST = {"HTTP_HOST": "localhost"}


def search_word(marker: str) -> str:
    """A second word in every title of the family: searching for it does not echo the marker."""
    return marker[::-1]


@dataclass
class Family:
    marker: str
    action: Page
    publication: Page
    experience: Page
    episode: Page
    issue: Page
    containers: list[Page] = field(default_factory=list)
    series: Page | None = None

    @property
    def pages(self) -> list[Page]:
        return [self.action, self.publication, self.experience, self.episode, self.issue, *self.containers]


_slugs = itertools.count()


def _slug() -> str:
    """Slugs without the marker: a restricted page's address is no secret (the password form
    sends it back), its content is."""
    return f"page-{next(_slugs)}"


def _upcoming() -> datetime.datetime:
    return timezone.now() + datetime.timedelta(days=7)


def _family(site_tree, marker: str, *, live: bool = True, contained: bool = False, parents_live: bool = True) -> Family:
    """Five marked pages; with ``contained``, under marked containers of their own."""
    marker = f"{marker} {search_word(marker)}"
    containers: list[Page] = []
    programme_parent, publications, experiences, newsletters = (
        site_tree.programmes,
        site_tree.publications,
        site_tree.experiences,
        site_tree.newsletters,
    )
    if contained:
        publications = PublicationIndexPage(title=f"{marker} bibliotheque", slug="bib", live=parents_live)
        experiences = ExperienceIndexPage(title=f"{marker} experiences", slug="exp", live=parents_live)
        newsletters = NewsletterIndexPage(title=f"{marker} lettres", slug="let", live=parents_live)
        for index in (publications, experiences, newsletters):
            site_tree.home.add_child(instance=index)
        containers += [publications, experiences, newsletters]
    # Containers carry the marker only when they are hidden with their content.
    container_title = marker if contained else "Conteneur"
    programme = factories.ProgrammePageFactory(
        slug=_slug(), parent=programme_parent, title=f"{container_title} programme", live=parents_live
    )
    series = factories.PodcastSeriesPageFactory(
        slug=_slug(), parent=site_tree.podcasts, title=f"{container_title} serie", live=parents_live
    )
    if contained:
        containers += [programme, series]
    season = factories.PodcastSeasonPageFactory(slug=_slug(), parent=series, title="Saison")
    action = factories.ActionPageFactory(slug=_slug(), parent=programme, title=f"{marker} action", live=live)
    factories.ActionSessionFactory(page=action, starts_at=_upcoming())
    cover = factories.CustomImageFactory(title=f"{marker} image")
    publication = factories.PublicationPageFactory(
        slug=_slug(), parent=publications, title=f"{marker} publication", live=live, cover=cover
    )
    factories.PublicationDocumentFactory(
        page=publication, document=factories.CustomDocumentFactory(title=f"{marker} document")
    )
    return Family(
        marker=marker.split()[0],
        action=action,
        publication=publication,
        experience=factories.ExperiencePageFactory(
            slug=_slug(), parent=experiences, title=f"{marker} experience", live=live
        ),
        episode=factories.PodcastEpisodePageFactory(slug=_slug(), parent=season, title=f"{marker} episode", live=live),
        issue=factories.NewsletterIssuePageFactory(
            slug=_slug(), parent=newsletters, title=f"{marker} lettre", live=live
        ),
        containers=containers,
        series=series,
    )


def _restrict(pages: list[Page], kind: str) -> None:
    for page in pages:
        restriction = PageViewRestriction.objects.create(page=page, restriction_type=kind, password="secret")
        if kind == PageViewRestriction.GROUPS:
            restriction.groups.add(Group.objects.get_or_create(name="Membres du réseau")[0])


def _expire(pages: list[Page]) -> None:
    for page in pages:
        page.expire_at = timezone.now() - datetime.timedelta(minutes=1)
        page.save(update_fields=["expire_at"])


def _hidden(site_tree, kind: str) -> Family:
    marker = f"xyzzy{kind.replace('_', '')}"
    if kind == "draft":
        return _family(site_tree, marker, live=False)
    if kind == "unpublished_ancestor":
        return _family(site_tree, marker, contained=True, parents_live=False)
    if kind == "unpublished_changes":
        family = _family(site_tree, "publie")
        for page in family.pages:
            page.title = f"{marker} {search_word(marker)} {page.title}"
            page.save_revision()
            page.refresh_from_db()
        family.marker = marker
        return family
    on_ancestor = kind.endswith("_ancestor")
    family = _family(site_tree, marker, contained=on_ancestor)
    targets = family.containers if on_ancestor else family.pages
    condition = kind.removesuffix("_ancestor")
    if condition == "expired":
        _expire(targets)
    else:
        _restrict(targets, condition)
    return family


PAGE_KINDS = [
    "draft",
    "unpublished_changes",
    "password",
    "password_ancestor",
    "login",
    "login_ancestor",
    "groups",
    "groups_ancestor",
    "expired",
    "expired_ancestor",
    "unpublished_ancestor",
]


Reads = dict[str, str]


def _get(client: Client, url: str, params: dict | None = None) -> Reads:
    # A client made for another site (``Client(HTTP_HOST=…)``) keeps its host.
    response = client.get(url, params or {}, **{**HOST, **client.defaults})
    assert response.status_code < 500, f"{url} answered {response.status_code}"
    return {f"{url}?{params or ''}": response.content.decode().lower()}


def _merged(reads: list[Reads]) -> Reads:
    return {url: text for read in reads for url, text in read.items()}


def _lists(client: Client) -> Reads:
    urls = [
        "/api/actions/",
        "/api/programmes/",
        "/api/publications/",
        "/api/experiences/",
        "/api/podcasts/series/",
        "/api/podcasts/seasons/",
        "/api/podcasts/episodes/",
        "/api/newsletters/",
        "/api/v2/pages/",
        "/api/v2/images/",
        "/api/v2/documents/",
    ]
    return _merged([_get(client, url, {"limit": 100}) for url in urls])


def _searches(client: Client, word: str) -> Reads:
    searches = [
        ("/recherche/", {"q": word}),
        ("/api/search/", {"q": word}),
        ("/api/search/autocomplete/", {"q": word}),
        ("/api/actions/", {"search": word}),
        ("/api/publications/", {"search": word}),
        ("/api/v2/pages/", {"search": word}),
        ("/api/v2/documents/", {"search": word}),
        ("/api/v2/images/", {"search": word}),
    ]
    return _merged([_get(client, url, params) for url, params in searches])


def _listings(client: Client, family: Family, site_tree) -> Reads:
    agenda = AgendaPage.objects.child_of(site_tree.home).get()
    pages = [site_tree.home, agenda, site_tree.programmes, site_tree.publications, site_tree.experiences]
    pages += [site_tree.podcasts, site_tree.newsletters]
    return _merged([_get(client, page.url) for page in pages])


def _path(page: Page) -> str:
    """The page's path on its own site, which another site's host is asked for too."""
    return page.get_url_parts()[2]


def _details(client: Client, family: Family) -> Reads:
    texts = [_get(client, _path(page)) for page in family.pages]
    texts += [_get(client, f"/api/v2/pages/{page.pk}/") for page in family.pages]
    texts += [
        _get(client, f"/api/actions/{family.action.pk}"),
        _get(client, f"/api/programmes/{family.action.get_parent().pk}"),
        _get(client, f"/api/publications/{family.publication.pk}"),
        _get(client, f"/api/experiences/{family.experience.pk}"),
        _get(client, f"/api/podcasts/episodes/{family.episode.pk}"),
        _get(client, f"/api/newsletters/{family.issue.pk}"),
    ]
    return _merged(texts)


def _feeds(client: Client, family: Family) -> Reads:
    urls = ["/flux/agenda.ics", "/flux/publications.xml", "/flux/publications.atom", "/flux/actualites.xml"]
    urls += ["/sitemap.xml", f"/flux/actions/{family.action.pk}.ics", f"/flux/podcasts/{family.series.guid}.xml"]
    return _merged([_get(client, url) for url in urls])


def _newsletter(family: Family, hidden: Family) -> Reads:
    """The control issue's email, its items pointing at the hidden pages, and its proposals."""
    targets = [hidden.publication, hidden.action, hidden.episode, hidden.issue]
    items = [{"tag": "", "page": page, "title": "", "summary": "", "url": ""} for page in targets]
    issue = family.issue
    proposals = " ".join(proposal.page.title for proposal in issue_proposals(issue))
    issue.sections = [
        ("centre_news", {"heading": "Actualités", "items": items}),
        ("experience", {"heading": "Expérience", "experience": hidden.experience}),
    ]
    issue.save()
    rendered = render_issue(issue)
    return {"email": f"{rendered.html} {rendered.text}".lower(), "proposals": proposals.lower()}


SURFACES: dict[str, Callable[..., Reads]] = {
    "page and API details": lambda client, family, control, tree: _details(client, family),
    "listings": lambda client, family, control, tree: _listings(client, family, tree),
    "API lists": lambda client, family, control, tree: _lists(client),
    "searches": lambda client, family, control, tree: _searches(client, search_word(family.marker)),
    "feeds and sitemap": lambda client, family, control, tree: _feeds(client, family),
}


@pytest.fixture
def control(site_tree) -> Family:
    site_tree.home.add_child(instance=AgendaPage(title="Agenda", slug="agenda"))
    return _family(site_tree, VISIBLE)


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_hidden_pages__no_public_surface_shows_them(client, site_tree, control, kind):
    hidden = _hidden(site_tree, kind)
    reads = _merged([read(client, hidden, control, site_tree) for read in SURFACES.values()])
    reads.update(_newsletter(control, hidden))
    assert [url for url, text in reads.items() if hidden.marker in text] == []


@pytest.mark.parametrize("surface", SURFACES)
def test_control__every_surface_shows_visible_pages(client, site_tree, control, surface):
    """The matrix can fail: each surface does show the visible family's marker."""
    reads = SURFACES[surface](client, control, control, site_tree)
    assert VISIBLE in "".join(reads.values())


def test_control__newsletter_shows_visible_pages(site_tree, control):
    other = _family(site_tree, "xyzzyautre")
    assert all("xyzzyautre" in text for text in _newsletter(control, other).values())


def test_draft_only_image_and_document__not_listed(client, site_tree, control):
    page = factories.PublicationPageFactory(
        parent=site_tree.publications, live=False, cover=factories.CustomImageFactory(title="xyzzydraftimage")
    )
    factories.PublicationDocumentFactory(
        page=page, document=factories.CustomDocumentFactory(title="xyzzydraftdocument brouillon")
    )
    lists = "".join({**_lists(client), **_searches(client, "brouillon")}.values())
    assert "xyzzydraftimage" not in lists
    assert "xyzzydraftdocument" not in lists
    assert f"{VISIBLE} {search_word(VISIBLE)} image" in lists
    assert f"{VISIBLE} {search_word(VISIBLE)} document" in lists


def test_document_of_restricted_collection__not_listed_even_on_a_public_page(client, site_tree, control):
    private = Collection.get_first_root_node().add_child(name="Conseil d'administration")
    CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)
    factories.PublicationDocumentFactory(
        page=control.publication,
        document=factories.CustomDocumentFactory(title="xyzzyrestricteddocument conseil", collection=private),
    )
    lists = "".join({**_lists(client), **_searches(client, "conseil")}.values())
    assert "xyzzyrestricteddocument" not in lists
    assert f"{VISIBLE} {search_word(VISIBLE)} document" in lists


def _hide(family: Family, kind: str) -> None:
    on_ancestor = kind.endswith("_ancestor")
    targets = family.containers if on_ancestor else family.pages
    condition = kind.removesuffix("_ancestor")
    if condition == "expired":
        _expire(targets)
    elif condition == "unpublished":
        for page in targets:
            page.specific.unpublish()
    else:
        _restrict(targets, condition)


# Kinds that hide pages the public has read already: their answers are in the shared cache.
LATER_KINDS = [kind for kind in PAGE_KINDS if kind not in ("draft", "unpublished_changes")] + ["unpublished"]


@pytest.mark.parametrize("kind", LATER_KINDS)
def test_hidden_after_being_read__no_cached_surface_shows_them(client, site_tree, control, kind):
    """The shared cache (config/response_cache.py) never serves what the rule hides since."""
    family = _family(site_tree, f"xyzzylater{kind.replace('_', '')}", contained=kind.endswith("_ancestor"))
    before = _merged([read(client, family, control, site_tree) for read in SURFACES.values()])
    assert [url for url, text in before.items() if family.marker in text]
    _hide(family, kind)
    after = _merged([read(client, family, control, site_tree) for read in SURFACES.values()])
    assert [url for url, text in after.items() if family.marker in text] == []


@pytest.fixture
def other_centre(centre_sites) -> Family:
    """A visible family on the second centre's site (with its agenda), the matrix's site being the first centre's."""
    tree = centre_sites.second.tree
    tree.home.add_child(instance=AgendaPage(title="Agenda", slug="agenda"))
    return _family(tree, "xyzzyothercentre")


def test_other_centre_s_pages__no_surface_of_this_centre_s_site_shows_them(client, site_tree, control, other_centre):
    """A page of another centre's site is as hidden here as a draft (page, listings, API, search, feeds).

    Newsletter items are left out: an editor may point an issue at another centre's page on purpose.
    """
    reads = _merged([read(client, other_centre, control, site_tree) for read in SURFACES.values()])
    assert [url for url, text in reads.items() if other_centre.marker in text] == []
    assert VISIBLE in "".join(reads.values())


@pytest.mark.parametrize("surface", SURFACES)
def test_other_centre_s_pages__shown_by_every_surface_of_its_own_site(centre_sites, control, other_centre, surface):
    """The control of the case above: on its own site's host the family is on every surface, ours on none."""
    client = Client(HTTP_HOST=centre_sites.second.site.hostname)
    reads = SURFACES[surface](client, other_centre, control, centre_sites.second.tree)
    assert other_centre.marker in "".join(reads.values())
    assert VISIBLE not in "".join(reads.values())
