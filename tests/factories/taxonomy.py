"""Factories of the managed lists: themes, audiences, collections, action formats, territories."""

import factory
from django.utils.text import slugify

from publications.models import ActionFormat, Audience, PublicationCollection, Territory, TerritoryKind, Theme


def cycle(names: list[str]) -> factory.Sequence:
    """Names taken in turn from a realistic list, numbered once the list is used up (names are unique)."""

    def pick(n: int) -> str:
        name = names[n % len(names)]
        return name if n < len(names) else f"{name} ({n // len(names) + 1})"

    return factory.Sequence(pick)


class NamedSnippetFactory(factory.django.DjangoModelFactory):
    slug = factory.LazyAttribute(lambda o: slugify(o.name)[:150])
    description = ""


class ThemeFactory(NamedSnippetFactory):
    class Meta:
        model = Theme

    name = cycle(
        [
            "Gouvernance et ingénierie",
            "Participation et conseils citoyens",
            "Habitat et renouvellement urbain",
            "Développement économique et emploi",
            "Éducation et jeunesse",
            "Santé",
            "Égalité et lutte contre les discriminations",
            "Transitions écologiques",
            "Numérique",
        ]
    )


class AudienceFactory(NamedSnippetFactory):
    class Meta:
        model = Audience

    name = cycle(
        [
            "Élu·e·s",
            "Agent·e·s de l'État",
            "Professionnel·le·s de la politique de la ville",
            "Conseiller·e·s citoyen·ne·s",
            "Partenaires associatifs",
        ]
    )


class PublicationCollectionFactory(NamedSnippetFactory):
    class Meta:
        model = PublicationCollection

    name = cycle(
        [
            "Actes",
            "Cahiers",
            "Rapports des groupes de travail",
            "Les 5 à 7",
            "Les Après-midi",
            "Repères pour agir",
            "Note rapide",
        ]
    )


class ActionFormatFactory(NamedSnippetFactory):
    class Meta:
        model = ActionFormat

    name = cycle(
        [
            "Groupe de travail",
            "Formation-action",
            "Cycle de qualification",
            "Journée d'étude",
            "5 à 7",
            "Séminaire des élu·e·s",
            "Visite sur site",
            "Webinaire",
        ]
    )
    description = "Un temps d'échange entre professionnel·le·s autour d'une question posée par le terrain."
    sort_order = factory.Sequence(lambda n: n)


class TerritoryFactory(factory.django.DjangoModelFactory):
    """A commune by default; traits `region`, `departement`, `epci`, `quartier` for the other levels."""

    class Meta:
        model = Territory

    class Params:
        region = factory.Trait(
            kind=TerritoryKind.REGION,
            name=cycle(["Île-de-France", "Hauts-de-France", "Auvergne-Rhône-Alpes"]),
            code=factory.Sequence(lambda n: f"R{n:02d}"),
        )
        departement = factory.Trait(
            kind=TerritoryKind.DEPARTEMENT,
            name=cycle(["Seine-Saint-Denis", "Val-d'Oise", "Nord", "Yvelines"]),
            code=factory.Sequence(lambda n: f"D{n:02d}"),
        )
        epci = factory.Trait(
            kind=TerritoryKind.EPCI,
            name=cycle(["Plaine Commune", "Est Ensemble", "Paris Terres d'Envol", "Métropole Européenne de Lille"]),
            code=factory.Sequence(lambda n: f"2000{n:05d}"),
        )
        quartier = factory.Trait(
            kind=TerritoryKind.QUARTIER,
            name=cycle(["Franc-Moisin", "Cité des 4000", "Grand Ensemble", "Les Courtillières"]),
            code=factory.Sequence(lambda n: f"QN093{n:03d}"),
        )

    name = cycle(["Saint-Denis", "Aubervilliers", "Bobigny", "Sarcelles", "Roubaix", "Garges-lès-Gonesse"])
    kind = TerritoryKind.COMMUNE
    code = factory.Sequence(lambda n: f"93{n:03d}")
    parent = None
