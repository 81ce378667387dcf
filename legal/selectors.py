"""Reads of the legal pages: each site's legal facts, with the identity's fallbacks, and its plan.

One place decides who the publisher, the controller and the contact addresses are, so that the legal
pages, the footer and the consent texts of subscriptions and registrations never disagree.
"""

from dataclasses import dataclass

from wagtail.models import Page, Site

from legal.models import LegalInformation
from publications.models import SiteIdentity
from publications.selectors import site_identity_for, site_name_for
from publications.visibility import pages_visible

# Levels below the site's root page that « Plan du site » shows: sections and what they hold.
PLAN_DEPTH = 2


@dataclass(frozen=True)
class LegalFacts:
    information: LegalInformation
    identity: SiteIdentity
    site_name: str

    @property
    def publisher(self) -> str:
        return self.information.publisher_name or self.site_name

    @property
    def controller(self) -> str:
        return self.information.controller_name or self.publisher

    @property
    def privacy_email(self) -> str:
        return self.information.privacy_email or self.identity.email

    @property
    def accessibility_email(self) -> str:
        return self.information.accessibility_contact or self.identity.email

    @property
    def contact_recipient(self) -> str:
        """Where the contact form's messages go; empty: the form is closed."""
        return self.information.contact_email or self.identity.email


def legal_information_for(*, site: Site | None) -> LegalInformation:
    """The site's setting, or its defaults (unsaved) until an administrator fills it in: a GET writes nothing."""
    if site is None:
        return LegalInformation()
    return LegalInformation.objects.filter(site=site).first() or LegalInformation(site=site)


def legal_facts_for(*, site: Site | None, request: object = None) -> LegalFacts:
    return LegalFacts(
        information=legal_information_for(site=site),
        identity=site_identity_for(site=site, request=request),
        site_name=site_name_for(site=site),
    )


@dataclass(frozen=True)
class PlanEntry:
    page: Page
    children: list["PlanEntry"]


def site_plan(*, site: Site | None) -> list[PlanEntry]:
    """The site's visible pages to PLAN_DEPTH levels under its root page, in the menu's order, in one query."""
    if site is None:
        return []
    root = site.root_page
    pages = (
        pages_visible(Page.objects.descendant_of(root), site=site)
        .filter(depth__lte=root.depth + PLAN_DEPTH)
        .order_by("path")
    )
    by_parent: dict[str, list[PlanEntry]] = {}
    top: list[PlanEntry] = []
    for page in pages:
        entry = PlanEntry(page=page, children=by_parent.setdefault(page.path, []))
        if page.depth == root.depth + 1:
            top.append(entry)
        else:
            by_parent.setdefault(page.path[: -Page.steplen], []).append(entry)
    return top
