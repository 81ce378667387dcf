"""Factories of the page tree: home, index pages and content pages with their inline children.

Each content page is placed under a parent of the type its `parent_page_types` allows. Index pages
are singletons under the home page (`max_count_per_parent = 1`): by default a factory reuses the
existing one (and the existing home page) and creates it only when missing. Pass `parent=` to choose.
Page.save() runs full_clean(), so every default below passes the models' own validation.
"""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from newsletters.models import NewsletterIndexPage, NewsletterIssuePage
from publications.models import (
    AboutPage,
    ActionDeliverable,
    ActionFunding,
    ActionIndicator,
    ActionOrganisation,
    ActionPage,
    ActionPerson,
    ActionProgressNote,
    ActionSession,
    ActionStatus,
    AttendanceMode,
    EpisodeChapter,
    EpisodePerson,
    ExperienceIndexPage,
    ExperiencePage,
    HomePage,
    PodcastEpisodePage,
    PodcastIndexPage,
    PodcastSeasonPage,
    PodcastSeriesPage,
    ProgrammeAxis,
    ProgrammeCycle,
    ProgrammeIndexPage,
    ProgrammePage,
    ProgrammeProgressPoint,
    PublicationAuthor,
    PublicationDocument,
    PublicationIndexPage,
    PublicationPage,
    SeriesPerson,
)
from publications.site_address import base_url_host_port
from tests.factories.assets import CustomDocumentFactory, CustomMediaFactory
from tests.factories.newsletters import NewsletterListFactory
from tests.factories.people import OrganisationFactory, PersonFactory
from tests.factories.taxonomy import ActionFormatFactory, PublicationCollectionFactory, TerritoryFactory


def unique_slug() -> factory.LazyAttributeSequence:
    """Slugs must be unique among siblings: the title's slug with a sequence number."""
    return factory.LazyAttributeSequence(lambda o, n: f"{slugify(o.title)[:200]}-{n}")


def home_page_get_or_create() -> HomePage:
    return HomePage.objects.first() or HomePageFactory()


def index_get_or_create(factory_class: type[factory.Factory]) -> Page:
    """The home page's index of that type (index factories get or create by parent and slug)."""
    return factory_class(parent=home_page_get_or_create())


def home_slug(n: int) -> str:
    """« accueil », or « accueil-<n> » when the root already has a page with that slug."""
    taken = Page.objects.filter(depth=2, slug="accueil").exists()
    return f"accueil-{n}" if taken else "accueil"


class OrderableFactory(factory.django.DjangoModelFactory):
    """Inline rows numbered as the admin's inline panels number them: rows with no sort order come back in
    whatever order the database likes, so that SQLite and PostgreSQL would disagree."""

    class Meta:
        abstract = True

    sort_order = factory.Sequence(lambda n: n)


# Home and index pages


class HomePageFactory(wagtail_factories.PageFactory):
    """The home page under Wagtail's root; it becomes the default site's root unless `default_site=False`."""

    class Meta:
        model = HomePage
        skip_postgeneration_save = True

    title = "Accueil"
    slug = factory.Sequence(home_slug)
    introduction = "<p>Le centre de ressources politique de la ville accompagne élu·e·s et professionnel·le·s.</p>"
    parent = factory.LazyFunction(Page.get_first_root_node)

    @factory.post_generation
    def default_site(obj, create: bool, extracted: bool | None, **kwargs) -> None:  # noqa: N805
        if not create or extracted is False:
            return
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            hostname, port = base_url_host_port()
            Site.objects.create(hostname=hostname, port=port, root_page=obj, is_default_site=True)
        else:
            site.root_page = obj
            site.save()


class IndexPageFactory(wagtail_factories.PageFactory):
    """An index page is one per home page: asking again for one under the same parent returns it."""

    class Meta:
        django_get_or_create = ("parent", "slug")

    parent = factory.LazyFunction(home_page_get_or_create)
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    introduction = "<p>Retrouvez ici l'ensemble des contenus du centre.</p>"


class AboutPageFactory(IndexPageFactory):
    class Meta:
        model = AboutPage

    title = "Qui sommes-nous"


class ProgrammeIndexPageFactory(IndexPageFactory):
    class Meta:
        model = ProgrammeIndexPage

    title = "Programmes d'actions"


class PublicationIndexPageFactory(IndexPageFactory):
    class Meta:
        model = PublicationIndexPage

    title = "Centre de documentation"


class PodcastIndexPageFactory(IndexPageFactory):
    class Meta:
        model = PodcastIndexPage

    title = "Podcasts"


class ExperienceIndexPageFactory(IndexPageFactory):
    class Meta:
        model = ExperienceIndexPage

    title = "Fiches d'expérience"


class NewsletterIndexPageFactory(IndexPageFactory):
    class Meta:
        model = NewsletterIndexPage

    title = "Lettres d'information"


# Programmes and actions


class ProgrammePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ProgrammePage

    parent = factory.LazyFunction(lambda: index_get_or_create(ProgrammeIndexPageFactory))
    centre = factory.SubFactory(OrganisationFactory, centre=True)
    year = 2024
    title = factory.LazyAttribute(lambda o: f"Orientations de travail {o.year}")
    slug = unique_slug()
    introduction = (
        "<p>Six axes thématiques structurent le travail du centre auprès des élu·e·s et des professionnel·le·s.</p>"
    )


class ProgrammeAxisFactory(OrderableFactory):
    class Meta:
        model = ProgrammeAxis

    page = factory.SubFactory(ProgrammePageFactory)
    title = factory.Iterator(
        [
            "Participation des habitant·e·s et conseils citoyens",
            "Emploi et développement économique",
            "Éducation et réussite éducative",
        ]
    )
    question = "Comment associer durablement les habitant·e·s à la conduite du contrat de ville ?"
    stance = "Le centre outille les professionnel·le·s et met en débat les pratiques."


class ProgrammeProgressPointFactory(OrderableFactory):
    class Meta:
        model = ProgrammeProgressPoint

    page = factory.SubFactory(ProgrammePageFactory)
    date = datetime.date(2017, 3, 24)
    title = "Point d'avancement au 24/03/2017"
    summary = "<p>730 personnes formées sur un objectif de 2 000.</p>"


class ActionPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ActionPage

    parent = factory.SubFactory(ProgrammePageFactory)
    title = factory.Iterator(
        [
            "Groupe de travail « Participation des habitant·e·s »",
            "Séminaire des élu·e·s : la gestion urbaine de proximité",
            "Cycle de qualification des conseiller·e·s citoyen·ne·s",
            "Journée d'étude « Jeunesse et emploi dans les quartiers »",
        ]
    )
    slug = unique_slug()
    summary = "Un temps d'échange entre élu·e·s, agent·e·s de l'État et associations sur les pratiques locales."
    format = factory.SubFactory(ActionFormatFactory)
    body = factory.LazyFunction(
        lambda: [("paragraph", RichText("<p>Les participant·e·s partagent leurs expériences de terrain.</p>"))]
    )
    tentative_period = "novembre 2024"
    status = ActionStatus.SCHEDULED
    funding_note = "Financement IREV + CDC"


class ActionSessionFactory(OrderableFactory):
    """A two-hour in-person session; trait `online` for a visioconférence."""

    class Meta:
        model = ActionSession

    class Params:
        online = factory.Trait(
            attendance_mode=AttendanceMode.ONLINE,
            venue="",
            address="",
            online_url="https://visio.example.org/seminaire-des-elus",
        )

    page = factory.SubFactory(ActionPageFactory)
    starts_at = factory.LazyFunction(lambda: timezone.make_aware(datetime.datetime(2024, 5, 11, 17, 0)))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))
    attendance_mode = AttendanceMode.IN_PERSON
    venue = "Bourse du travail"
    address = "9-11 rue Génin, 93200 Saint-Denis"
    online_url = ""


class ActionPersonFactory(OrderableFactory):
    class Meta:
        model = ActionPerson

    page = factory.SubFactory(ActionPageFactory)
    person = factory.SubFactory(PersonFactory)
    role = "animation"


class ActionOrganisationFactory(OrderableFactory):
    class Meta:
        model = ActionOrganisation

    page = factory.SubFactory(ActionPageFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = "financeur"


class ActionProgressNoteFactory(OrderableFactory):
    class Meta:
        model = ActionProgressNote

    page = factory.SubFactory(ActionPageFactory)
    date = datetime.date(2017, 3, 24)
    status = ActionStatus.IN_PROGRESS
    text = "Au 24/03/2017 : 730 personnes formées sur 2 000."


class ActionDeliverableFactory(OrderableFactory):
    class Meta:
        model = ActionDeliverable

    page = factory.SubFactory(ActionPageFactory)
    title = "Synthèse du groupe de travail"
    publication = None
    url = "https://www.example.org/synthese.pdf"


class ActionFundingFactory(OrderableFactory):
    class Meta:
        model = ActionFunding

    page = factory.SubFactory(ActionPageFactory)
    funder = factory.SubFactory("tests.factories.people.OrganisationFactory")
    kind = "subvention"
    year = 2017
    amount = None
    note = ""


class ActionIndicatorFactory(OrderableFactory):
    class Meta:
        model = ActionIndicator

    page = factory.SubFactory(ActionPageFactory)
    name = "personnes formées"
    target = 2000
    values = factory.LazyFunction(
        lambda: [
            ("value", {"date": datetime.date(2016, 12, 31), "value": 313, "note": ""}),
            ("value", {"date": datetime.date(2017, 3, 23), "value": 730, "note": ""}),
        ]
    )
    projection = 1586
    projection_note = "estimées fin 2017"


class ProgrammeCycleFactory(OrderableFactory):
    class Meta:
        model = ProgrammeCycle

    page = factory.SubFactory(ProgrammePageFactory)
    title = "Cycle de qualification renouvellement urbain"
    description = "Trois journées, une rencontre du réseau."


# Publications


class PublicationPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = PublicationPage

    parent = factory.LazyFunction(lambda: index_get_or_create(PublicationIndexPageFactory))
    title = factory.Iterator(
        [
            "Les conseils citoyens, trois ans après",
            "Repères pour agir : la participation des habitant·e·s",
            "Actes du séminaire des élu·e·s",
        ]
    )
    slug = unique_slug()
    collection = factory.SubFactory(PublicationCollectionFactory)
    number = factory.Sequence(lambda n: str(n + 1))
    publication_date = datetime.date(2024, 3, 15)
    summary = "Ce que disent les élu·e·s et les habitant·e·s de la participation dans les quartiers."
    abstract = "<p>Une synthèse des travaux du groupe de travail, avec des fiches pratiques.</p>"


class PublicationAuthorFactory(OrderableFactory):
    class Meta:
        model = PublicationAuthor

    page = factory.SubFactory(PublicationPageFactory)
    person = factory.SubFactory(PersonFactory)
    role = "auteur"


class PublicationDocumentFactory(OrderableFactory):
    class Meta:
        model = PublicationDocument

    page = factory.SubFactory(PublicationPageFactory)
    document = factory.SubFactory(CustomDocumentFactory)
    label = "Télécharger la publication (PDF)"


# Podcasts


class PodcastSeriesPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = PodcastSeriesPage

    parent = factory.LazyFunction(lambda: index_get_or_create(PodcastIndexPageFactory))
    title = "Penser le 9-3"
    slug = unique_slug()
    description = "<p>Des chercheur·e·s et des acteur·rice·s de terrain pensent la Seine-Saint-Denis.</p>"
    summary = "Le podcast de Profession Banlieue : un territoire, des voix, des débats."
    owner_email = "podcast@example.org"
    cover = None


class SeriesPersonFactory(OrderableFactory):
    class Meta:
        model = SeriesPerson

    page = factory.SubFactory(PodcastSeriesPageFactory)
    person = factory.SubFactory(PersonFactory)
    role = "Comité scientifique"


class PodcastSeasonPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = PodcastSeasonPage

    parent = factory.SubFactory(PodcastSeriesPageFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.LazyAttribute(lambda o: f"Saison {o.number}")
    slug = unique_slug()
    description = "<p>Une saison consacrée à la jeunesse des quartiers.</p>"


class PodcastEpisodePageFactory(wagtail_factories.PageFactory):
    """A full episode with a real two-second WAV."""

    class Meta:
        model = PodcastEpisodePage

    parent = factory.SubFactory(PodcastSeasonPageFactory)
    episode_number = factory.Sequence(lambda n: n + 1)
    title = factory.LazyAttribute(lambda o: f"Épisode {o.episode_number} : grandir à Saint-Denis")
    slug = unique_slug()
    audio = factory.SubFactory(CustomMediaFactory)
    episode_type = "full"
    release_date = datetime.date(2024, 2, 1)
    summary = "Deux chercheur·e·s et une animatrice de quartier parlent de la jeunesse en Seine-Saint-Denis."
    show_notes = "<p>Avec les invité·e·s de la saison.</p>"
    place = "Maison des sciences de l'homme Paris Nord"
    transcript = "WEBVTT\n\n00:00.000 --> 00:01.500\nBienvenue dans Penser le 9-3.\n"


class EpisodePersonFactory(OrderableFactory):
    class Meta:
        model = EpisodePerson

    page = factory.SubFactory(PodcastEpisodePageFactory)
    person = factory.SubFactory(PersonFactory)
    role = "invite"


class EpisodeChapterFactory(OrderableFactory):
    class Meta:
        model = EpisodeChapter

    page = factory.SubFactory(PodcastEpisodePageFactory)
    start = datetime.timedelta(seconds=1)
    title = "Introduction"


# Experience records


class ExperiencePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ExperiencePage

    parent = factory.LazyFunction(lambda: index_get_or_create(ExperienceIndexPageFactory))
    title = "Un conseil citoyen qui co-écrit le contrat de ville"
    slug = unique_slug()
    summary = "À Sarcelles, les conseiller·e·s citoyen·ne·s siègent au comité de pilotage."
    town = factory.SubFactory(TerritoryFactory)
    period = "depuis 2015"
    context = "<p>Un quartier prioritaire de 12 000 habitant·e·s.</p>"
    objectives = "<p>Associer les habitant·e·s aux décisions.</p>"
    actors = "<p>Ville, délégué du préfet, association de quartier.</p>"
    description = "<p>Des ateliers mensuels préparent chaque comité de pilotage.</p>"
    results = "<p>Trois projets portés par les habitant·e·s financés en 2016.</p>"
    contact_name = "Nadia Benali"
    contact_role = "Cheffe de projet politique de la ville"
    contact_email = "contact@example.org"
    contact_phone = "01 23 45 67 89"


# Newsletters


class NewsletterIssuePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsletterIssuePage

    parent = factory.LazyFunction(lambda: index_get_or_create(NewsletterIndexPageFactory))
    newsletter_list = factory.SubFactory(NewsletterListFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.LazyAttribute(lambda o: f"{o.newsletter_list.name} n° {o.number}")
    slug = unique_slug()
    issue_date = datetime.date(2024, 6, 1)
    preheader = "Séminaire des élu·e·s, nouvelles publications et mouvements."
    sections = factory.LazyFunction(list)
