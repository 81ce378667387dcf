"""The demo's centres: each owns its site, its lists and its media collection."""

from django.conf import settings
from wagtail.models import Site

from centres.models import Centre


def default_centre_ensure() -> Centre:
    """The centre of the default site, made once; a centre an administrator edited is left alone."""
    site = Site.objects.get(is_default_site=True)
    centre = Centre.objects.filter(site=site).first()
    if centre is None:
        centre = Centre.objects.create(name=settings.WAGTAIL_SITE_NAME, slug="centre", site=site)
    return centre
