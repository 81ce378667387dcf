"""A small programme built the way seed 003 reads, with figures the tests know exactly."""

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from publications.models import ActionStatus, OrganisationKind, TerritoryKind
from registrations.models import Attendance, Registration, RegistrationSettings, RegistrationStatus
from subscribers.models import SubscriberRole
from tests.factories import (
    ActionFormatFactory,
    ActionFundingFactory,
    ActionIndicatorFactory,
    ActionPageFactory,
    ActionPersonFactory,
    ActionProgressNoteFactory,
    ActionSessionFactory,
    OrganisationFactory,
    PersonFactory,
    ProgrammeAxisFactory,
    ProgrammeCycleFactory,
    ProgrammePageFactory,
    PublicationPageFactory,
    TerritoryFactory,
)


def paris(*args: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(*args))


@dataclass
class Built:
    programme: Any
    axes: list[Any]
    training: Any
    masterclass: Any
    website: Any
    loose: Any
    caf: Any
    state: Any


def _register(action: Any, session: Any, *, name: str, role: str, territory: Any, status: str) -> None:
    """A registration; a confirmed one is ticked present at the door (the reports count who came)."""
    registration = Registration.objects.create(
        action=action,
        session=session,
        status=status,
        email=f"{name.lower().replace(' ', '.')}@example.org",
        name=name,
        role=role,
        territory=territory,
        consent_text="J'accepte.",
    )
    if status == RegistrationStatus.CONFIRMED:
        Attendance.objects.create(registration=registration, session=session, attended=True, recorded_at=timezone.now())


@pytest.fixture
def built(site_tree) -> Built:
    """IREV 2017, two axes (the second with two sub-axes), four actions, every fact of the reports."""
    region = TerritoryFactory(region=True, name="Hauts-de-France", code="32")
    nord = TerritoryFactory(departement=True, name="Nord", code="59", parent=region)
    lille = TerritoryFactory(name="Lille", code="59350", parent=nord)
    roubaix = TerritoryFactory(name="Roubaix", code="59512", parent=nord)
    qpv = TerritoryFactory(name="Alma-Gare", kind=TerritoryKind.QUARTIER, code="QP059001", parent=roubaix)
    centre = OrganisationFactory(
        name="Institut régional de la ville", acronym="IREV", kind=OrganisationKind.CENTRE_RESSOURCES
    )
    caf = OrganisationFactory(name="Caisse des Dépôts", kind=OrganisationKind.ETAT)
    state = OrganisationFactory(name="Préfecture du Nord", kind=OrganisationKind.ETAT)
    formation = ActionFormatFactory(name="Journées de formation", sort_order=1)
    masterclass_format = ActionFormatFactory(name="Masterclass", sort_order=2)
    programme = ProgrammePageFactory(
        parent=site_tree.programmes,
        title="Programme d'actions 2017",
        slug="irev-2017",
        year=2017,
        centre=centre,
        introduction="<p>Un programme pour toute la région.</p><p>Trois fils rouges.</p>",
    )
    first = ProgrammeAxisFactory(
        page=programme, title="Valeurs de la République", question="Comment former ?", stance="En réseau.", sort_order=0
    )
    second = ProgrammeAxisFactory(page=programme, title="Faire société", question="", stance="", sort_order=1)
    sub_a = ProgrammeAxisFactory(
        page=programme, title="Écouter la parole", question="", stance="", sort_order=2, parent=second
    )
    sub_b = ProgrammeAxisFactory(
        page=programme, title="Lutter contre les vulnérabilités", question="", stance="", sort_order=3, parent=second
    )
    cycle = ProgrammeCycleFactory(page=programme, title="Parcours citoyen")

    training = ActionPageFactory(
        parent=programme,
        title="Plan de formation « Valeurs de la République et laïcité »",
        format=formation,
        axis=first,
        status=ActionStatus.IN_PROGRESS,
        highlighted=True,
        findings="Après les attentats, un plan national.",
        objectives="Former 2 000 personnes.",
        planned_work="Coordonner la programmation régionale.",
        funding_note="",
    )
    training.territories.add(region)
    training.save_revision().publish()
    ActionIndicatorFactory(page=training)
    ActionIndicatorFactory(
        page=training,
        name="nouvelles sessions programmées",
        target=None,
        projection=None,
        projection_note="",
        values=[("value", {"date": datetime.date(2017, 3, 23), "value": 57, "note": ""})],
    )
    ActionFundingFactory(
        page=training,
        funder=state,
        kind="credits_reportes",
        year=2016,
        amount=Decimal("12000"),
        note="Crédits 2016 reportés à 2017",
    )
    ActionProgressNoteFactory(
        page=training,
        date=datetime.date(2017, 2, 28),
        status=ActionStatus.IN_PREPARATION,
        text="Formation de formateur·rice·s.",
    )
    ActionProgressNoteFactory(
        page=training, date=datetime.date(2017, 3, 23), status=ActionStatus.IN_PROGRESS, text="730 personnes formées."
    )
    for day in (10, 17):
        ActionSessionFactory(page=training, starts_at=paris(2017, 3, day, 9), town=lille)
    ActionSessionFactory(page=training, starts_at=paris(2017, 3, 24, 9), town=lille, cancelled=True)
    ActionSessionFactory(page=training, starts_at=paris(2018, 1, 10, 9), town=lille)
    training.participants_count = 730
    training.save_revision().publish()

    masterclass = ActionPageFactory(
        parent=programme,
        title="La masterclass citoyenne",
        format=masterclass_format,
        axis=sub_a,
        cycle=cycle,
        status=ActionStatus.SCHEDULED,
        funding_note="Financement Préfecture du Nord 2016 reporté 2017",
    )
    masterclass.other_axes.add(sub_b)
    masterclass.territories.add(qpv)
    masterclass.save_revision().publish()
    ActionFundingFactory(page=masterclass, funder=caf, kind="subvention", year=2017, amount=None)
    ActionFundingFactory(page=masterclass, funder=state, kind="prestation", year=2017, amount=Decimal("3500.50"))
    ActionPersonFactory(page=masterclass, person=PersonFactory(first_name="Inès", last_name="Martin"), role="animation")
    session = ActionSessionFactory(page=masterclass, starts_at=paris(2017, 4, 5, 14), town=roubaix)
    RegistrationSettings.objects.create(action=masterclass)
    for name, role, territory, status in [
        ("Awa Diallo", SubscriberRole.CITIZEN_COUNCILLOR, roubaix, RegistrationStatus.CONFIRMED),
        ("Jean Morel", SubscriberRole.CITIZEN_COUNCILLOR, roubaix, RegistrationStatus.CONFIRMED),
        ("Léa Roux", SubscriberRole.ELECTED, lille, RegistrationStatus.CONFIRMED),
        ("Noé Petit", "", None, RegistrationStatus.CONFIRMED),
        ("Paul Blanc", SubscriberRole.ELECTED, lille, RegistrationStatus.CANCELLED),
        ("Zoé Noir", SubscriberRole.ELECTED, lille, RegistrationStatus.WAITING),
    ]:
        _register(masterclass, session, name=name, role=role, territory=territory, status=status)

    website = ActionPageFactory(
        parent=programme, title="Refonte du site internet", axis=second, tentative_period="septembre 2017"
    )
    draft = ActionPageFactory(parent=programme, title="Action en brouillon", axis=first)
    draft.unpublish()
    loose = ActionPageFactory(
        parent=programme, title="Conseil d'orientation", axis=None, tentative_period="second semestre"
    )

    PublicationPageFactory(title="Repères pour agir : la laïcité", publication_date=datetime.date(2017, 3, 1))
    PublicationPageFactory(title="Un cahier de 2016", publication_date=datetime.date(2016, 6, 1))
    return Built(
        programme=programme,
        axes=[first, second, sub_a, sub_b],
        training=training,
        masterclass=masterclass,
        website=website,
        loose=loose,
        caf=caf,
        state=state,
    )
