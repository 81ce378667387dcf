"""Template context of the newsletter archive and issue pages, and the lists the home page offers.

Registered for their page types (``publications.context_builders``) by ``NewslettersConfig.ready()``.
"""

from typing import Any

from django.http import HttpRequest
from wagtail.models import Site

from newsletters.email_content import issue_sections
from newsletters.models import NewsletterIndexPage, NewsletterIssuePage
from newsletters.selectors import lists_offered
from publications import selectors
from publications.context_builders import Context, page_context_register
from publications.models import HomePage
from publications.page_context import query_without_page


@page_context_register(HomePage)
def home_newsletter_lists_context(page: Any, request: HttpRequest, context: Context) -> Context:
    context["newsletter_lists"] = list(lists_offered(site=Site.find_for_request(request)))
    return context


@page_context_register(NewsletterIndexPage)
def newsletter_index_context(page: Any, request: HttpRequest, context: Context) -> Context:
    issues = (
        selectors.public_pages(NewsletterIssuePage, root=page)
        .select_related("newsletter_list")
        .order_by("-issue_date", "-number")
    )
    context.update(
        results=selectors.paginate(issues, page_number=request.GET.get("page"), per_page=24),
        newsletter_lists=list(lists_offered(site=Site.find_for_request(request))),
        query_without_page=query_without_page(request),
    )
    return context


@page_context_register(NewsletterIssuePage)
def newsletter_issue_context(page: Any, request: HttpRequest, context: Context) -> Context:
    # The email's own sections: one visibility rule for both versions, linked pages read per type, not per item.
    context["issue_sections"] = issue_sections(page.sections)
    context["newsletter_list"] = page.newsletter_list
    return context
