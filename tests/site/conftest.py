"""Fixtures of the public site's tests: a small site with an agenda and dated sessions."""

import datetime
from dataclasses import dataclass

import pytest
from django.utils import timezone
from wagtail.models import Site

from publications.models import ActionPage, AgendaPage, PeopleIndexPage, SiteIdentity, Territory
from tests.factories import (
    ActionFormatFactory,
    ActionPageFactory,
    ActionSessionFactory,
    CustomImageFactory,
    OrganisationFactory,
    ProgrammePageFactory,
    TerritoryFactory,
    ThemeFactory,
)


@pytest.fixture
def agenda(site_tree) -> AgendaPage:
    page = AgendaPage(title="Agenda", slug="agenda", show_in_menus=True)
    site_tree.home.add_child(instance=page)
    return page


@pytest.fixture
def people_page(site_tree) -> PeopleIndexPage:
    page = PeopleIndexPage(title="Intervenant·e·s et partenaires", slug="intervenants", show_in_menus=True)
    site_tree.home.add_child(instance=page)
    return page


@dataclass
class Places:
    departement: Territory
    town: Territory
    elsewhere: Territory


@pytest.fixture
def places(db) -> Places:
    departement = TerritoryFactory(departement=True, name="Seine-Saint-Denis", code="93")
    epci = TerritoryFactory(epci=True, name="Plaine Commune", parent=departement)
    return Places(
        departement=departement,
        town=TerritoryFactory(name="Saint-Denis", code="93066", parent=epci),
        elsewhere=TerritoryFactory(name="Roubaix", code="59512"),
    )


def in_days(days: int, hour: int = 17) -> datetime.datetime:
    moment = timezone.localtime() + datetime.timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


@dataclass
class AgendaContent:
    seminar: ActionPage
    workshop: ActionPage
    past: ActionPage


@pytest.fixture
def agenda_content(site_tree, agenda, places) -> AgendaContent:
    """Three actions: a seminar in Saint-Denis (two sessions, one cancelled), an online workshop, a past day."""
    programme = ProgrammePageFactory(parent=site_tree.programmes, year=timezone.now().year)
    seminar_format = ActionFormatFactory(name="Séminaire des élu·e·s", slug="seminaire-des-elus")
    workshop_format = ActionFormatFactory(name="Atelier", slug="atelier")
    health = ThemeFactory(name="Santé", slug="sante")
    seminar = ActionPageFactory(parent=programme, title="Séminaire des élu·e·s : la santé", format=seminar_format)
    seminar.themes.add(health)
    seminar.save()
    ActionSessionFactory(page=seminar, starts_at=in_days(10), ends_at=in_days(10, 19), town=places.town)
    ActionSessionFactory(page=seminar, starts_at=in_days(40), ends_at=in_days(40, 19), town=places.town, cancelled=True)
    workshop = ActionPageFactory(parent=programme, title="Atelier des conseils citoyens", format=workshop_format)
    ActionSessionFactory(page=workshop, online=True, starts_at=in_days(20), ends_at=in_days(20, 19), town=None)
    past = ActionPageFactory(parent=programme, title="Journée d'étude passée", format=workshop_format)
    past.territories.add(places.elsewhere)
    past.save()
    ActionSessionFactory(page=past, starts_at=in_days(-30), ends_at=in_days(-30, 19), town=None)
    return AgendaContent(seminar=seminar, workshop=workshop, past=past)


@pytest.fixture
def identity(site_tree) -> SiteIdentity:
    funder = OrganisationFactory(name="Agence nationale de la cohésion des territoires", logo=CustomImageFactory())
    partner = OrganisationFactory(name="Question de Ville", website="https://questiondeville.example.org/")
    return SiteIdentity.objects.create(
        site=Site.objects.get(is_default_site=True),
        logo=CustomImageFactory(title="Logo du centre"),
        tagline="Centre de ressources politique de la ville en Seine-Saint-Denis",
        accent_colour="#7a1f3d",
        accent_dark_colour="#4f1427",
        street_address="15 rue Catulienne",
        postal_code="93200",
        town="Saint-Denis",
        email="contact@example.org",
        phone="01 48 09 26 36",
        social_links=[("link", {"network": "mastodon", "url": "https://social.example.org/@centre", "label": ""})],
        partners=[("organisation", partner)],
        funders=[("organisation", funder)],
    )
