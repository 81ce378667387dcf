"""Reads of the newsletter lists: those the public sites offer, those a user manages in the admin."""

from typing import Any

from django.db.models import QuerySet
from wagtail.models import Site

from centres.selectors import centre_for_site, user_centres
from newsletters.models import NewsletterList


def lists_offered(*, site: Site | None) -> QuerySet[NewsletterList]:
    """The active lists a site offers: its centre's; the network site (no centre), and no site, every centre's."""
    lists = NewsletterList.objects.filter(is_active=True).order_by("name")
    centre = centre_for_site(site)
    return lists.filter(centre=centre) if centre is not None else lists


def lists_for_user(user: Any) -> QuerySet[NewsletterList]:
    """The lists of the centres ``user`` acts for: the only ones the admin shows them."""
    return NewsletterList.objects.filter(centre__in=user_centres(user)).order_by("name")
