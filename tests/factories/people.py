"""Factories of people and organisations."""

import factory

from publications.models import Organisation, OrganisationKind, Person
from tests.factories.taxonomy import cycle


class OrganisationFactory(factory.django.DjangoModelFactory):
    """A town council by default; trait `centre` for a centre de ressources."""

    class Meta:
        model = Organisation

    class Params:
        centre = factory.Trait(
            kind=OrganisationKind.CENTRE_RESSOURCES,
            name=cycle(
                [
                    "Profession Banlieue",
                    "Pôle ressources Ville et développement social",
                    "Pôle de ressources Val d'Oise",
                    "Institut régional de la ville",
                ]
            ),
            acronym="CRPV",
            website="https://www.example.org/centre",
        )

    name = cycle(["Ville de Saint-Denis", "Ville d'Aubervilliers", "Ville de Sarcelles", "Ville de Roubaix"])
    acronym = ""
    kind = OrganisationKind.COLLECTIVITE
    website = "https://www.example.org/"
    territory = None
    logo = None


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    first_name = factory.Faker("first_name", locale="fr_FR")
    last_name = factory.Faker("last_name", locale="fr_FR")
    position = factory.Iterator(
        [
            "Chargée de mission politique de la ville",
            "Délégué du préfet",
            "Cheffe de projet renouvellement urbain",
            "Conseiller citoyen",
            "Maîtresse de conférences en sociologie urbaine",
        ]
    )
    organisation = factory.SubFactory(OrganisationFactory)
    biography = "Accompagne depuis dix ans les élu·e·s et les équipes projet des quartiers prioritaires."
    photo = None
