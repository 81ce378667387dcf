"""Demo-like content for the API tests: one of each type, classified, with a territory tree."""

import datetime
from dataclasses import dataclass

import pytest
from django.utils import timezone

from publications.models import ActionPage, Territory
from tests.factories import (
    ActionFormatFactory,
    ActionPageFactory,
    ActionPersonFactory,
    ActionSessionFactory,
    EpisodeChapterFactory,
    ExperiencePageFactory,
    NewsletterIssuePageFactory,
    PodcastEpisodePageFactory,
    PodcastSeasonPageFactory,
    PodcastSeriesPageFactory,
    ProgrammePageFactory,
    PublicationDocumentFactory,
    PublicationPageFactory,
    TerritoryFactory,
    ThemeFactory,
)


@dataclass
class Content:
    region: Territory
    seine_saint_denis: Territory
    saint_denis: Territory
    nord: Territory
    roubaix: Territory
    action: ActionPage
    past_action: ActionPage
    publication: object
    series: object
    season: object
    episode: object
    experience: object
    issue: object
    theme: object
    other_theme: object


@pytest.fixture
def content(site_tree) -> Content:
    region = TerritoryFactory(region=True, name="Île-de-France", code="11")
    ssd = TerritoryFactory(departement=True, name="Seine-Saint-Denis", code="93", parent=region)
    plaine = TerritoryFactory(epci=True, name="Plaine Commune", code="200057867", parent=ssd)
    saint_denis = TerritoryFactory(name="Saint-Denis", code="93066", parent=plaine)
    hdf = TerritoryFactory(region=True, name="Hauts-de-France", code="32")
    nord = TerritoryFactory(departement=True, name="Nord", code="59", parent=hdf)
    roubaix = TerritoryFactory(name="Roubaix", code="59512", parent=nord)
    theme, other_theme = ThemeFactory(name="Santé"), ThemeFactory(name="Éducation et jeunesse")
    atelier = ActionFormatFactory(name="Atelier")

    programme = ProgrammePageFactory(year=2024)
    action = ActionPageFactory(parent=programme, title="Séminaire des élu·e·s : santé mentale", format=atelier)
    action.themes.add(theme)
    action.save_revision().publish()
    soon = timezone.now() + datetime.timedelta(days=10)
    ActionSessionFactory(page=action, starts_at=soon, ends_at=soon + datetime.timedelta(hours=2), town=saint_denis)
    ActionPersonFactory(page=action)

    old_programme = ProgrammePageFactory(year=2017)
    past_action = ActionPageFactory(parent=old_programme, title="Groupe de travail emploi à Roubaix")
    past_action.themes.add(other_theme)
    past_action.territories.add(roubaix)
    past_action.save_revision().publish()
    ActionSessionFactory(
        page=past_action,
        starts_at=timezone.make_aware(datetime.datetime(2017, 3, 14, 9)),
        ends_at=timezone.make_aware(datetime.datetime(2017, 3, 14, 12)),
    )

    publication = PublicationPageFactory(title="Santé mentale et quartiers")
    publication.territories.add(ssd)
    publication.themes.add(theme)
    publication.save_revision().publish()
    PublicationDocumentFactory(page=publication)

    series = PodcastSeriesPageFactory()
    season = PodcastSeasonPageFactory(parent=series)
    episode = PodcastEpisodePageFactory(parent=season)
    EpisodeChapterFactory(page=episode)
    experience = ExperiencePageFactory(town=roubaix)
    issue = NewsletterIssuePageFactory()
    return Content(
        region=region,
        seine_saint_denis=ssd,
        saint_denis=saint_denis,
        nord=nord,
        roubaix=roubaix,
        action=action,
        past_action=past_action,
        publication=publication,
        series=series,
        season=season,
        episode=episode,
        experience=experience,
        issue=issue,
        theme=theme,
        other_theme=other_theme,
    )
