"""The page tree's skeleton: the home page, set as the site root, and its index pages."""

from dataclasses import dataclass

from django.conf import settings
from wagtail.models import Page, Site

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
    home: HomePage
    programmes: ProgrammeIndexPage
    publications: PublicationIndexPage
    podcasts: PodcastIndexPage
    experiences: ExperienceIndexPage
    newsletters: NewsletterIndexPage
    agenda: AgendaPage
    people: PeopleIndexPage
    formats: FormatIndexPage


def _home_ensure() -> HomePage:
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        # Indexed rather than unpacked: mypy does not narrow ``home`` through a tuple assignment.
        home = page_ensure(
            root,
            HomePage(
                title="Accueil",
                slug="accueil",
                introduction=(
                    "<p>Le centre de ressources politique de la ville accompagne les professionnel·le·s, "
                    "les élu·e·s et les habitant·e·s des quartiers prioritaires : rencontres, formations, "
                    "publications et podcasts.</p>"
                ),
            ),
        )[0]
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        hostname, port = base_url_host_port()
        site = Site(is_default_site=True, hostname=hostname, port=port)
    if site.root_page_id != home.pk:
        previous_root = site.root_page_id and Page.objects.filter(pk=site.root_page_id, depth=2).first()
        site.root_page = home
        site.site_name = settings.WAGTAIL_SITE_NAME
        site.save()
        # Wagtail's placeholder « Welcome » page has no use once the home page is the root.
        if previous_root and previous_root.specific_class is Page:
            previous_root.delete()
    return home


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


def site_load() -> SiteTree:
    home = _home_ensure()
    # A site made before BASE_URL changed (another --port) moves to the new address.
    site_address_sync()
    sections = {
        name: page_ensure(
            home, model(title=title, slug=slug, show_in_menus=True, introduction=f"<p>{introduction}</p>")
        )[0]
        for name, model, title, slug, introduction in _SECTIONS
    }
    return SiteTree(home=home, **sections)
