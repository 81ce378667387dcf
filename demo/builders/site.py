"""The page tree's skeleton: the home page, set as the site root, and its index pages."""

from dataclasses import dataclass

from django.conf import settings
from wagtail.models import Page, Site

from demo.builders.common import page_ensure
from newsletters.models import NewsletterIndexPage
from publications.models import (
    ExperienceIndexPage,
    HomePage,
    PodcastIndexPage,
    ProgrammeIndexPage,
    PublicationIndexPage,
)


@dataclass
class SiteTree:
    home: HomePage
    programmes: ProgrammeIndexPage
    publications: PublicationIndexPage
    podcasts: PodcastIndexPage
    experiences: ExperienceIndexPage
    newsletters: NewsletterIndexPage


def _home_ensure() -> HomePage:
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home, _ = page_ensure(
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
        )
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(is_default_site=True, hostname="localhost", port=80)
    if site.root_page_id != home.pk:
        previous_root = site.root_page_id and Page.objects.filter(pk=site.root_page_id, depth=2).first()
        site.root_page = home
        site.site_name = settings.WAGTAIL_SITE_NAME
        site.save()
        # Wagtail's placeholder « Welcome » page has no use once the home page is the root.
        if previous_root and previous_root.specific_class is Page:
            previous_root.delete()
    return home


def site_load() -> SiteTree:
    home = _home_ensure()
    intro = "<p>{}</p>"
    programmes, _ = page_ensure(
        home,
        ProgrammeIndexPage(
            title="Programmes d'actions",
            slug="programmes",
            introduction=intro.format("Les orientations de travail de chaque année, axe par axe, et leurs actions."),
        ),
    )
    publications, _ = page_ensure(
        home,
        PublicationIndexPage(
            title="Publications",
            slug="publications",
            introduction=intro.format(
                "Actes, cahiers, rapports de groupes de travail et notes, à lire et télécharger."
            ),
        ),
    )
    podcasts, _ = page_ensure(
        home,
        PodcastIndexPage(
            title="Podcasts",
            slug="podcasts",
            introduction=intro.format("Des entretiens pour penser les quartiers et leurs politiques."),
        ),
    )
    experiences, _ = page_ensure(
        home,
        ExperienceIndexPage(
            title="Fiches d'expérience",
            slug="experiences",
            introduction=intro.format("Des initiatives locales racontées selon le modèle commun du réseau."),
        ),
    )
    newsletters, _ = page_ensure(
        home,
        NewsletterIndexPage(
            title="Lettres d'information",
            slug="lettres",
            introduction=intro.format("Les archives de nos lettres d'information, à lire en ligne."),
        ),
    )
    return SiteTree(home, programmes, publications, podcasts, experiences, newsletters)
