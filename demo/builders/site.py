"""The page tree's skeleton: the network's home on the default site, each centre's home on its own site
with its index pages."""

from dataclasses import dataclass

from wagtail.models import Page, Site

from centres.models import Centre
from demo.builders.common import page_ensure
from newsletters.models import NewsletterIndexPage
from publications.models import (
    AgendaPage,
    ExperienceIndexPage,
    FormatIndexPage,
    HomePage,
    PeopleIndexPage,
    PodcastIndexPage,
    ProgrammeIndexPage,
    PublicationIndexPage,
)
from publications.site_address import base_url_host_port, site_address_sync


@dataclass
class SiteTree:
    site: Site
    home: HomePage
    programmes: ProgrammeIndexPage
    publications: PublicationIndexPage
    podcasts: PodcastIndexPage
    experiences: ExperienceIndexPage
    newsletters: NewsletterIndexPage
    agenda: AgendaPage
    people: PeopleIndexPage
    formats: FormatIndexPage


# The sections under the home page, in menu order: (field of SiteTree, page type, title, slug, introduction).
_SECTIONS = [
    ("agenda", AgendaPage, "Agenda", "agenda",
     "Les rencontres, formations et groupes de travail à venir et passés, séance par séance."),
    ("programmes", ProgrammeIndexPage, "Programmes d'actions", "programmes",
     "Les orientations de travail de chaque année, axe par axe, et leurs actions."),
    ("publications", PublicationIndexPage, "Publications", "publications",
     "Actes, cahiers, rapports de groupes de travail et notes, à lire et à télécharger."),
    ("podcasts", PodcastIndexPage, "Podcasts", "podcasts",
     "Des entretiens pour penser les quartiers et leurs politiques."),
    ("experiences", ExperienceIndexPage, "Fiches d'expérience", "experiences",
     "Des initiatives locales racontées selon le modèle commun du réseau."),
    ("newsletters", NewsletterIndexPage, "Lettres d'information", "lettres",
     "Les archives de nos lettres d'information, à lire en ligne."),
    ("people", PeopleIndexPage, "Intervenant·e·s et partenaires", "intervenants",
     "Les personnes qui animent, interviennent et écrivent, et les structures qui s'associent à nos actions."),
    ("formats", FormatIndexPage, "Nos formats d'action", "formats",
     "Groupes de travail, ateliers, rencontres, 5 à 7 : ce que propose chacun de nos formats."),
]  # fmt: skip


def _root_home(site: Site | None, *, title: str, slug: str, introduction: str) -> HomePage:
    """The site's root if it is a home page, else a new home page under the tree's root, published."""
    if site is not None and isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific
    root = Page.get_first_root_node()
    # Indexed rather than unpacked: mypy does not narrow ``home`` through a tuple assignment.
    return page_ensure(root, HomePage(title=title, slug=slug, introduction=f"<p>{introduction}</p>"))[0]


def network_home_ensure(*, title: str, introduction: str) -> Site:
    """The network's home as the default site's root; return that site (of no centre: it links to the centres')."""
    site = Site.objects.filter(is_default_site=True).first()
    home = _root_home(site, title=title, slug="reseau", introduction=introduction)
    if site is None:
        hostname, port = base_url_host_port()
        site = Site(is_default_site=True, hostname=hostname, port=port)
    if site.root_page_id != home.pk:
        previous_root = site.root_page_id and Page.objects.filter(pk=site.root_page_id, depth=2).first()
        site.root_page = home
        site.site_name = title
        site.save()
        # Wagtail's placeholder « Welcome » page has no use once the home page is the root.
        if previous_root and previous_root.specific_class is Page:
            previous_root.delete()
    # A site made before BASE_URL changed (another --port) moves to the new address, the centres' with it.
    site_address_sync()
    return site


def centre_site_ensure(centre: Centre, *, introduction: str) -> SiteTree:
    """The centre's site on ``<slug>.localhost`` (BASE_URL's port), its home page and its sections."""
    home = _root_home(centre.site, title=centre.name, slug=centre.slug, introduction=introduction)
    site = centre.site
    if site is None:
        hostname = f"{centre.slug}.localhost"
        site = Site.objects.filter(hostname=hostname).first() or Site(hostname=hostname, port=base_url_host_port()[1])
        site.root_page, site.site_name = home, centre.name
        site.save()
        centre.site = site
        centre.save(update_fields=["site"])
    sections = {
        name: page_ensure(
            home, model(title=title, slug=slug, show_in_menus=True, introduction=f"<p>{introduction}</p>")
        )[0]
        for name, model, title, slug, introduction in _SECTIONS
    }
    return SiteTree(site=site, home=home, **sections)
