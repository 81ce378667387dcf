"""Template context of the newsletter archive and issue pages, and the lists the home page offers.

Registered for their page types (``publications.context_builders``) by ``NewslettersConfig.ready()``.
"""

from typing import Any

from django.http import HttpRequest
from wagtail.models import Page

from newsletters.models import NewsletterIndexPage, NewsletterIssuePage, NewsletterList
from publications import selectors
from publications.context_builders import Context, page_context_register
from publications.models import HomePage
from publications.page_context import query_without_page


@page_context_register(HomePage)
def home_newsletter_lists_context(page: Any, request: HttpRequest, context: Context) -> Context:
    context["newsletter_lists"] = list(NewsletterList.objects.filter(is_active=True))
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
        newsletter_lists=list(NewsletterList.objects.filter(is_active=True)),
        query_without_page=query_without_page(request),
    )
    return context


@page_context_register(NewsletterIssuePage)
def newsletter_issue_context(page: Any, request: HttpRequest, context: Context) -> Context:
    _linked_pages_specific_load(page)
    context["newsletter_list"] = page.newsletter_list
    return context


def _linked_pages_specific_load(issue: Any) -> None:
    """Load the specific pages the issue's items point to in one query per type.

    Each item asks its page for `.specific` (title, summary, URL); left alone, that is one
    query per item. Wagtail's `specific` is a cached property, so filling its cache from a
    bulk query makes every later access free.
    """
    chosen: list[Page] = []
    for section in issue.sections:
        value = section.value
        if section.block_type == "experience" and value.get("experience") is not None:
            chosen.append(value["experience"])
        for item in value.get("items", []) if hasattr(value, "get") else []:
            linked = item.get("page") if hasattr(item, "get") else None
            if linked is not None:
                chosen.append(linked)
    if not chosen:
        return
    specific = {item.pk: item for item in Page.objects.filter(pk__in={p.pk for p in chosen}).specific()}
    for linked in chosen:
        if linked.pk in specific:
            linked.__dict__["specific"] = specific[linked.pk]
