"""Factories of the centre's institution rows: mandates, team, members, funders, information services."""

import datetime

import factory

from centres.funding import CentreFunder, SupportKind
from centres.governance import ExternalMandate, GovernanceMandate, GoverningBody, Office
from centres.information import InformationService, InformationServiceCount, InformationServiceKind
from centres.membership import Member, MemberCategory
from centres.models import Centre
from centres.staff import StaffMember
from tests.factories.centres import CentreFactory
from tests.factories.pages import OrderableFactory
from tests.factories.people import OrganisationFactory


class GovernanceMandateFactory(OrderableFactory):
    class Meta:
        model = GovernanceMandate

    centre = factory.SubFactory(CentreFactory)
    body = GoverningBody.BUREAU
    office = Office.PRESIDENT
    person_name = "Emmanuel Potier"
    as_of = datetime.date(2015, 1, 1)


class ExternalMandateFactory(OrderableFactory):
    class Meta:
        model = ExternalMandate

    centre = factory.SubFactory(CentreFactory)
    body_name = "Question de Ville"
    role = "coprésidence"
    since = 2015


class StaffMemberFactory(OrderableFactory):
    class Meta:
        model = StaffMember

    centre = factory.SubFactory(CentreFactory)
    name = "Anne Fontaine"
    job_title = "directrice"


class MemberFactory(OrderableFactory):
    class Meta:
        model = Member

    centre = factory.SubFactory(CentreFactory)
    name = factory.Sequence(lambda n: f"Ville adhérente {n}")
    category = MemberCategory.COLLECTIVITE
    member_since = 2010


class CentreFunderFactory(OrderableFactory):
    class Meta:
        model = CentreFunder

    centre = factory.SubFactory(CentreFactory)
    organisation = factory.SubFactory(OrganisationFactory, kind="etat")
    year = 2015
    kind = SupportKind.OPERATING_GRANT


class InformationServiceFactory(OrderableFactory):
    class Meta:
        model = InformationService

    centre = factory.SubFactory(CentreFactory)
    kind = InformationServiceKind.INFORMATION_REQUESTS
    name = "Service Info doc"
    count_unit = "demandes traitées"


class InformationServiceCountFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InformationServiceCount

    service = factory.SubFactory(InformationServiceFactory)
    year = 2014
    count = 124


def institution_rows_add(centre: Centre, count: int) -> None:
    """``count`` more rows of each kind, each naming its own organisation: what query counts must not follow."""
    for index in range(count):
        GovernanceMandateFactory(centre=centre, person_name=f"Membre {index}", office=Office.MEMBER)
        ExternalMandateFactory(centre=centre, body_name=f"Instance {index}")
        StaffMemberFactory(centre=centre, name=f"Salarié·e {index}")
        MemberFactory(centre=centre, organisation=OrganisationFactory(), name="")
        CentreFunderFactory(centre=centre, year=2013)
        service = InformationServiceFactory(centre=centre, name=f"Service {index}")
        InformationServiceCountFactory(service=service)


def institution_fill(centre: Centre) -> Centre:
    """The centre with rows of every kind, as seed 002 gives them: what the About page tests read.

    An ended mandate (not shown in public), two people who joined in their own name (counted only).
    """
    centre.mission = "Qualifier, informer et mettre en réseau les acteurs du Val d'Oise."
    centre.territory_served = "Val d'Oise"
    centre.save()
    GovernanceMandateFactory(centre=centre, person_name="Emmanuel Potier", office=Office.PRESIDENT)
    GovernanceMandateFactory(centre=centre, person_name="Gilles Jeanmougin", office=Office.TREASURER)
    GovernanceMandateFactory(
        centre=centre, person_name="Ancienne Présidente", end_date=datetime.date(2010, 12, 31), as_of=None
    )
    ExternalMandateFactory(centre=centre, body_name="Réseau RECI", role="déléguée", person_name="Morgane Petit")
    StaffMemberFactory(centre=centre, name="Anne Fontaine", job_title="directrice", email="af@example.org")
    MemberFactory(centre=centre, name="Ville de Sarcelles", category="collectivite")
    MemberFactory(centre=centre, name="Camille Adhérente", category="individuel")
    MemberFactory(centre=centre, name="Claude Adhérent", category="individuel")
    CentreFunderFactory(centre=centre, organisation__name="Préfecture du Val d'Oise", year=2015)
    CentreFunderFactory(centre=centre, organisation__name="CAF du Val d'Oise", year=2014, amount=12000)
    service = InformationServiceFactory(centre=centre, name="Service Info doc")
    InformationServiceCountFactory(service=service, year=2014, count=124)
    visits = InformationServiceFactory(centre=centre, kind="site", name="Le site internet", count_unit="visites")
    InformationServiceCountFactory(service=visits, year=2014, count=75000)
    return centre
