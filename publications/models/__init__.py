# Must run first: the page models below copy `Page.search_fields`.
from publications.models import page_filters  # noqa: F401  isort: skip
from publications.models.about import AboutPage
from publications.models.actions import (
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
    FundingKind,
)
from publications.models.agenda import AgendaPage
from publications.models.directory import PeopleIndexPage
from publications.models.experiences import ExperienceIndexPage, ExperiencePage
from publications.models.formats import FormatIndexPage
from publications.models.home import HomePage
from publications.models.people import Organisation, OrganisationKind, Person
from publications.models.podcasts import (
    EpisodeChapter,
    EpisodePerson,
    PodcastEpisodePage,
    PodcastIndexPage,
    PodcastSeasonPage,
    PodcastSeriesPage,
    SeriesPerson,
)
from publications.models.programmes import (
    ProgrammeAxis,
    ProgrammeCycle,
    ProgrammeIndexPage,
    ProgrammePage,
    ProgrammeProgressPoint,
)
from publications.models.publications import (
    PublicationAuthor,
    PublicationDocument,
    PublicationIndexPage,
    PublicationPage,
)
from publications.models.site_identity import SiteIdentity
from publications.models.taxonomy import (
    ActionFormat,
    Audience,
    PublicationCollection,
    Territory,
    TerritoryKind,
    Theme,
)

__all__ = [
    "AboutPage",
    "ActionDeliverable",
    "ActionFormat",
    "ActionFunding",
    "ActionIndicator",
    "ActionOrganisation",
    "ActionPage",
    "ActionPerson",
    "ActionProgressNote",
    "ActionSession",
    "ActionStatus",
    "AgendaPage",
    "AttendanceMode",
    "Audience",
    "EpisodeChapter",
    "EpisodePerson",
    "ExperienceIndexPage",
    "ExperiencePage",
    "FormatIndexPage",
    "FundingKind",
    "HomePage",
    "Organisation",
    "OrganisationKind",
    "PeopleIndexPage",
    "Person",
    "PodcastEpisodePage",
    "PodcastIndexPage",
    "PodcastSeasonPage",
    "PodcastSeriesPage",
    "ProgrammeAxis",
    "ProgrammeCycle",
    "ProgrammeIndexPage",
    "ProgrammePage",
    "ProgrammeProgressPoint",
    "PublicationAuthor",
    "PublicationCollection",
    "PublicationDocument",
    "PublicationIndexPage",
    "PublicationPage",
    "SeriesPerson",
    "SiteIdentity",
    "Territory",
    "TerritoryKind",
    "Theme",
]
