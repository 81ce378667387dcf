"""One page of every content type with every relation filled, built the same way every time.

The snapshot tests read these through both APIs. Every value a factory would draw from a
sequence, an iterator or Faker (titles, slugs, names, codes, numbers) is given here, and every
date is fixed, so that the JSON depends neither on the tests that ran before in the process
(xdist) nor on the day; what still differs between runs (ids, UUIDs, publication times) is
left to `tests.api.normalise`.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from wagtail.models import Page

from centres.models import Centre
from newsletters.models import Frequency
from publications.models import ActionStatus, Organisation, OrganisationKind, Territory
from tests.factories import (
    ActionDeliverableFactory,
    ActionFormatFactory,
    ActionFundingFactory,
    ActionIndicatorFactory,
    ActionOrganisationFactory,
    ActionPageFactory,
    ActionPersonFactory,
    ActionProgressNoteFactory,
    ActionSessionFactory,
    AudienceFactory,
    CentreFunderFactory,
    CustomDocumentFactory,
    CustomImageFactory,
    CustomMediaFactory,
    EpisodeChapterFactory,
    EpisodePersonFactory,
    ExperiencePageFactory,
    ExternalMandateFactory,
    GovernanceMandateFactory,
    InformationServiceCountFactory,
    InformationServiceFactory,
    MemberFactory,
    NewsletterIssuePageFactory,
    NewsletterListFactory,
    OrganisationFactory,
    PersonFactory,
    PodcastEpisodePageFactory,
    PodcastSeasonPageFactory,
    PodcastSeriesPageFactory,
    ProgrammeAxisFactory,
    ProgrammeCycleFactory,
    ProgrammePageFactory,
    ProgrammeProgressPointFactory,
    PublicationAuthorFactory,
    PublicationCollectionFactory,
    PublicationDocumentFactory,
    PublicationPageFactory,
    SeriesPersonFactory,
    StaffMemberFactory,
    TerritoryFactory,
    ThemeFactory,
)


def _paris(*args: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(*args))


@dataclass(frozen=True)
class SnapshotContent:
    """The pages the snapshots read, by name (the API paths take their ids)."""

    pages: dict[str, Page]


def snapshot_content_create() -> SnapshotContent:
    """Everything, published, under the default site's index pages (the ``site_tree`` fixture)."""
    # Sorted lists (territories, themes by name) must sort alike on SQLite (by code point) and
    # PostgreSQL (by its collation): no name here starts with an accented capital.
    region = TerritoryFactory(region=True, name="Hauts-de-France", code="32")
    ssd = TerritoryFactory(departement=True, name="Nord", code="59", parent=region)
    roubaix = TerritoryFactory(name="Roubaix", code="59512", parent=ssd)
    sante = ThemeFactory(name="Santé", description="Santé mentale, accès aux soins, prévention.")
    education = ThemeFactory(name="Jeunesse et éducation")
    elus = AudienceFactory(name="Élu·e·s")
    seminaire = ActionFormatFactory(name="Séminaire des élu·e·s", sort_order=1)
    actes = PublicationCollectionFactory(name="Actes")
    centre = OrganisationFactory(
        name="Profession Banlieue",
        acronym="PB",
        kind=OrganisationKind.CENTRE_RESSOURCES,
        website="https://www.example.org/centre",
        territory=ssd,
    )
    funder = OrganisationFactory(
        name="Caisse des dépôts", kind=OrganisationKind.ETAT, website="https://cdc.example.org"
    )
    speaker = PersonFactory(
        first_name="Nadia", last_name="Benali", position="Cheffe de projet politique de la ville", organisation=centre
    )
    guest = PersonFactory(first_name="Marc", last_name="Dupont", position="Maître de conférences", organisation=None)
    cover = CustomImageFactory(title="Couverture des actes", file__filename="couverture.png")
    square = CustomImageFactory(
        title="Visuel du podcast", file__filename="podcast.png", file__width=1400, file__height=1400
    )

    programme = ProgrammePageFactory(
        title="Orientations de travail 2024", slug="orientations-2024", year=2024, centre=centre
    )
    ProgrammeAxisFactory(
        page=programme, title="Santé et quartiers", question="Comment agir ?", stance="En réseau.", sort_order=0
    )
    ProgrammeProgressPointFactory(page=programme)
    axis = programme.axes.get()
    sub_axis = ProgrammeAxisFactory(
        page=programme, title="Santé mentale", question="", stance="", sort_order=1, parent=axis
    )
    cycle = ProgrammeCycleFactory(page=programme)

    previous = ActionPageFactory(
        parent=programme, title="Groupe de travail santé 2023", slug="groupe-sante-2023", format=seminaire
    )
    publication = PublicationPageFactory(
        title="Santé mentale et quartiers",
        slug="sante-mentale-et-quartiers",
        collection=actes,
        number="12",
        cover=cover,
    )
    publication.themes.add(sante)
    publication.territories.add(ssd)
    publication.co_publishers.add(funder)
    PublicationAuthorFactory(page=publication, person=speaker, role="auteur")
    PublicationDocumentFactory(
        page=publication,
        document=CustomDocumentFactory(title="Actes du séminaire", file__filename="actes-seminaire.pdf"),
        label="Les actes (PDF)",
    )

    action = ActionPageFactory(
        parent=programme,
        title="Séminaire des élu·e·s : santé mentale",
        slug="seminaire-sante-mentale",
        format=seminaire,
        axis=axis,
        status=ActionStatus.SCHEDULED,
        participants_count=91,
        participants_target=134,
        continues=previous,
        cycle=cycle,
        highlighted=True,
        findings="Des professionnel·le·s isolé·e·s.",
        objectives="Former 2 000 personnes.",
        planned_work="Des sessions dans chaque département.",
        registration_open=True,
        registration_url="https://www.example.org/inscription",
    )
    action.themes.add(sante)
    action.territories.add(roubaix)
    action.audiences.add(elus)
    action.other_axes.add(sub_axis)
    ActionFundingFactory(page=action, funder=funder, kind="credits_reportes", year=2016, amount=12000, note="reporté")
    ActionIndicatorFactory(page=action)
    ActionSessionFactory(
        page=action,
        starts_at=_paris(2099, 5, 11, 17),
        town=roubaix,
        venue="Hôtel de ville",
        address="Grand-Place, 59100 Roubaix",
    )
    ActionSessionFactory(page=action, starts_at=_paris(2017, 3, 14, 9), online=True)
    ActionPersonFactory(page=action, person=speaker, role="animation")
    ActionOrganisationFactory(page=action, organisation=funder, role="financeur")
    ActionProgressNoteFactory(page=action)
    ActionDeliverableFactory(page=action, publication=publication, title="", url="")
    ActionDeliverableFactory(page=action)
    publication.related_actions.add(action)

    series = PodcastSeriesPageFactory(title="Penser le 9-3", slug="penser-le-9-3", cover=square, producer=centre)
    SeriesPersonFactory(page=series, person=guest, role="Comité scientifique")
    season = PodcastSeasonPageFactory(parent=series, number=1, title="Saison 1", slug="saison-1")
    # Given, not guessed: `mimetypes` reads the machine's own mime.types, which differ between systems.
    audio = CustomMediaFactory(title="Penser le 9-3, épisode 1 (audio)", mime_type="audio/wav")
    episode = PodcastEpisodePageFactory(
        parent=season,
        episode_number=1,
        title="Épisode 1 : grandir à Roubaix",
        slug="episode-1",
        audio=audio,
        co_producer=funder,
    )
    episode.themes.add(education)
    EpisodePersonFactory(page=episode, person=guest, role="invite")
    EpisodeChapterFactory(page=episode)

    experience = ExperiencePageFactory(
        title="Un conseil citoyen qui co-écrit le contrat de ville", slug="conseil-citoyen", town=roubaix
    )
    experience.organisations.add(centre)
    experience.themes.add(education)

    lettre = NewsletterListFactory(name="Résonances", frequency=Frequency.MONTHLY)
    _institution_add(lettre.centre, region=region, organisation=centre, funder=funder)
    issue = NewsletterIssuePageFactory(
        newsletter_list=lettre,
        number=42,
        title="Résonances n° 42",
        slug="resonances-42",
        sections=[
            (
                "centre_news",
                {
                    "heading": "Actualités du centre",
                    "items": [
                        {"tag": "Publication", "page": publication, "title": "", "summary": "", "url": ""},
                        {"tag": "Séminaire des élu·e·s", "page": None, "title": "Un sondage", "url": ""},
                    ],
                },
            ),
            ("moves", {"heading": "Mouvements", "items": [{"person": "Nadia Benali", "new_post": "Directrice"}]}),
            ("experience", {"heading": "Fiche d'expérience", "experience": experience}),
        ],
    )

    pages = {
        "programme": programme,
        "previous_action": previous,
        "action": action,
        "publication": publication,
        "series": series,
        "season": season,
        "episode": episode,
        "experience": experience,
        "issue": issue,
    }
    for page in pages.values():
        page.save_revision().publish()
    return SnapshotContent(pages=pages)


def _institution_add(centre: Centre, *, region: Territory, organisation: Organisation, funder: Organisation) -> None:
    """The default centre (its lists' owner) as an institution, one row of each kind."""
    centre.region = region
    centre.organisation = organisation
    centre.mission = "Qualifier, informer et mettre en réseau les acteurs de la politique de la ville."
    centre.territory_served = "Hauts-de-France"
    centre.save()
    GovernanceMandateFactory(
        centre=centre, organisation=organisation, start_date=datetime.date(2014, 6, 1), as_of=datetime.date(2015, 1, 1)
    )
    ExternalMandateFactory(centre=centre, person_name="Nadia Benali")
    StaffMemberFactory(centre=centre, email="direction@example.org")
    MemberFactory(centre=centre, name="", organisation=funder, category="etat")
    MemberFactory(centre=centre, name="Une adhérente", category="individuel")
    CentreFunderFactory(centre=centre, organisation=funder, year=2016, amount=12000)
    service = InformationServiceFactory(centre=centre, access_terms="Sur rendez-vous")
    InformationServiceCountFactory(service=service, year=2014, count=124)
