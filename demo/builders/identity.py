"""Each demo site's identity: logo, colours, address, contact, social links, partners and funders."""

from typing import Any

from wagtail.models import Collection, Site

from demo.builders.common import Lookup, collection_ensure, image_ensure
from publications.models import Organisation, OrganisationKind, SiteIdentity

# The organisations' logos serve every site (an organisation is a partner of several centres).
NETWORK_COLLECTION = "Identité du réseau"
LOGO_COLOUR = (29, 63, 143)
PARTNER_COLOUR = (66, 74, 92)
# Fictional coordinates (demo/data/centres.yaml): the demo must not send anyone to a real
# centre's door or account.
_SOCIAL_NETWORKS = [
    ("mastodon", "https://social.example.org/@{handle}"),
    ("linkedin", "https://www.example.org/linkedin/{handle}"),
    ("youtube", "https://video.example.org/c/{handle}"),
]
_IDENTITY_FIELDS = (
    "tagline",
    "accent_colour",
    "accent_dark_colour",
    "street_address",
    "postal_code",
    "town",
    "email",
    "phone",
)


def _logos_ensure(organisations: list[Organisation], *, colour: tuple[int, int, int]) -> None:
    for organisation in organisations:
        if organisation.logo_id is None:
            organisation.logo = image_ensure(
                title=f"Logo — {organisation.acronym or organisation.name}",
                size=420,
                height=150,
                font_size=30,
                colour=colour,
                collection=collection_ensure(NETWORK_COLLECTION),
                label=organisation.acronym or organisation.name,
            )
            organisation.save(update_fields=["logo"])


def centre_logos_load() -> None:
    """A logo for each resource centre of the demo: its programmes' documents carry it on their cover."""
    _logos_ensure(
        list(Organisation.objects.filter(kind=OrganisationKind.CENTRE_RESSOURCES, logo__isnull=True)),
        colour=LOGO_COLOUR,
    )


def _colour(hex_colour: str) -> tuple[int, int, int]:
    return int(hex_colour[1:3], 16), int(hex_colour[3:5], 16), int(hex_colour[5:7], 16)


def identity_load(site: Site, spec: dict[str, Any], *, handle: str, collection: Collection) -> SiteIdentity:
    """Fill the site's identity once; an identity an administrator saved is left alone."""
    existing = SiteIdentity.objects.filter(site=site).first()
    if existing is not None:
        return existing
    organisations = Lookup(Organisation, key=lambda o: o.name)
    partners, funders = organisations.many(spec.get("partners")), organisations.many(spec.get("funders"))
    _logos_ensure([*partners, *funders], colour=PARTNER_COLOUR)
    identity = SiteIdentity(
        site=site,
        logo=image_ensure(
            title=f"Logo du site — {site.site_name}",
            size=256,
            colour=_colour(spec["accent_colour"]),
            collection=collection,
            label=spec["logo_label"],
            font_size=92 if len(spec["logo_label"]) <= 3 else 64,
        ),
        social_links=[
            ("link", {"network": network, "url": url.format(handle=handle), "label": ""})
            for network, url in _SOCIAL_NETWORKS
        ],
        partners=[("organisation", organisation) for organisation in partners],
        funders=[("organisation", organisation) for organisation in funders],
        **{field: spec[field] for field in _IDENTITY_FIELDS},
    )
    identity.full_clean()
    identity.save()
    return identity
