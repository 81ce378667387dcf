"""The demo centre's identity: logo, colours, address, contact, social links, partners and funders."""

from wagtail.models import Collection, Site

from demo.builders.common import Lookup, collection_ensure, image_ensure
from publications.models import Organisation, OrganisationKind, SiteIdentity

# Fictional coordinates: the demo must not send anyone to a real centre's door or account.
_IDENTITY = {
    "tagline": "Rencontres, formations et publications pour les acteurs des quartiers prioritaires",
    "accent_colour": "#1d3f8f",
    "accent_dark_colour": "#142c66",
    "street_address": "12 rue de l'Exemple",
    "postal_code": "93200",
    "town": "Saint-Denis",
    "email": "contact@example.org",
    "phone": "01 00 00 00 00",
}
_SOCIAL_LINKS = [
    ("mastodon", "https://social.example.org/@centre"),
    ("linkedin", "https://www.example.org/linkedin/centre"),
    ("youtube", "https://video.example.org/c/centre"),
]
_PARTNERS = ["Réseau national des centres de ressources politique de la ville", "Question de Ville", "Réseau RECI"]
_FUNDERS = [
    "Agence nationale de la cohésion des territoires",
    "Préfecture de la Seine-Saint-Denis",
    "Banque des Territoires",
]
LOGO_COLOUR = (29, 63, 143)
PARTNER_COLOUR = (66, 74, 92)


def _logos_ensure(organisations: list[Organisation], *, colour: tuple[int, int, int], collection: Collection) -> None:
    for organisation in organisations:
        if organisation.logo_id is None:
            organisation.logo = image_ensure(
                title=f"Logo — {organisation.acronym or organisation.name}",
                size=420,
                height=150,
                font_size=30,
                colour=colour,
                collection=collection,
                label=organisation.acronym or organisation.name,
            )
            organisation.save(update_fields=["logo"])


def centre_logos_load() -> None:
    """A logo for each resource centre of the demo: its programmes' documents carry it on their cover."""
    centres = list(Organisation.objects.filter(kind=OrganisationKind.CENTRE_RESSOURCES, logo__isnull=True))
    if centres:
        _logos_ensure(centres, colour=LOGO_COLOUR, collection=collection_ensure("Identité du site"))


def identity_load() -> SiteIdentity:
    """Fill the default site's identity once; an identity an administrator saved is left alone."""
    site = Site.objects.get(is_default_site=True)
    existing = SiteIdentity.objects.filter(site=site).first()
    if existing is not None:
        return existing
    collection = collection_ensure("Identité du site")
    organisations = Lookup(Organisation, key=lambda o: o.name)
    _logos_ensure(organisations.many([*_PARTNERS, *_FUNDERS]), colour=PARTNER_COLOUR, collection=collection)
    identity = SiteIdentity(
        site=site,
        logo=image_ensure(
            title="Logo du centre", size=256, colour=LOGO_COLOUR, collection=collection, label="CR PV", font_size=92
        ),
        social_links=[("link", {"network": network, "url": url, "label": ""}) for network, url in _SOCIAL_LINKS],
        partners=[("organisation", organisation) for organisation in organisations.many(_PARTNERS)],
        funders=[("organisation", organisation) for organisation in organisations.many(_FUNDERS)],
        **_IDENTITY,
    )
    identity.full_clean()
    identity.save()
    return identity
