"""Factories of the centres; the default centre owns the default site, as an instance of one centre has."""

import factory
from django.utils.text import slugify
from wagtail.models import Site

from centres.models import Centre


class CentreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Centre
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Centre de ressources {n}")
    acronym = factory.Sequence(lambda n: f"CR{n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


def default_centre() -> Centre:
    """The default site's centre, made (with its site) when the test has none."""
    site = Site.objects.filter(is_default_site=True).first()
    centre = Centre.objects.filter(site=site).first() if site else None
    return centre or CentreFactory(name="Pôle ressources Ville et développement social", acronym="PRVDS", site=site)
