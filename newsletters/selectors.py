"""Reads of the newsletter lists that the public sites offer."""

from django.db.models import QuerySet
from wagtail.models import Site

from centres.selectors import centre_for_site
from newsletters.models import NewsletterList


def lists_offered(*, site: Site | None) -> QuerySet[NewsletterList]:
    """The active lists a site offers: its centre's; the network site (no centre), and no site, every centre's."""
    lists = NewsletterList.objects.filter(is_active=True).order_by("name")
    centre = centre_for_site(site)
    return lists.filter(centre=centre) if centre is not None else lists
