"""Admin glue: the newsletter lists, the issues' listing, and an issue's test send and proposals buttons and views."""

from collections.abc import Iterator
from typing import Any

from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from centres.admin_scope import CentreFieldMixin, CentreScopedIndexMixin, CentreScopedObjectMixin
from newsletters.admin_views import proposals_view, test_send_view
from newsletters.listings import NewsletterIssueListing
from newsletters.models import NewsletterIssuePage, NewsletterList


class ListIndexView(CentreScopedIndexMixin, snippet_views.IndexView):
    pass


class ListCreateView(CentreFieldMixin, snippet_views.CreateView):
    pass


class ListEditView(CentreFieldMixin, CentreScopedObjectMixin, snippet_views.EditView):
    pass


class ListDeleteView(CentreScopedObjectMixin, snippet_views.DeleteView):
    pass


class ListHistoryView(CentreScopedObjectMixin, snippet_views.HistoryView):
    pass


class ListUsageView(CentreScopedObjectMixin, snippet_views.UsageView):
    pass


class NewsletterListViewSet(SnippetViewSet):
    """A centre's lists for its roles (centres.admin_scope), every centre's for the instance's administrators."""

    model = NewsletterList
    index_view_class = ListIndexView
    add_view_class = ListCreateView
    edit_view_class = ListEditView
    delete_view_class = ListDeleteView
    history_view_class = ListHistoryView
    usage_view_class = ListUsageView
    copy_view_enabled = False
    icon = "mail"
    menu_label = _("Listes de diffusion")
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["name", "centre", "frequency", "sender_email", "is_active"]
    list_filter = ["centre", "frequency", "is_active"]
    search_fields = ["name"]


register_snippet(NewsletterListViewSet)


@hooks.register("register_admin_viewset")
def register_issue_listing() -> NewsletterIssueListing:
    return NewsletterIssueListing("newsletter_issues")


@hooks.register("register_admin_urls")
def register_issue_urls() -> list[URLPattern]:
    return [
        path("lettres/numeros/<id:page_id>/envoi-de-test/", test_send_view, name="newsletters_test_send"),
        path("lettres/numeros/<id:page_id>/propositions/", proposals_view, name="newsletters_proposals"),
    ]


@hooks.register("register_page_header_buttons")
def issue_header_buttons(page: Page, user: Any, view_name: str, next_url: str | None = None) -> Iterator[Button]:
    if page.specific_class is not NewsletterIssuePage or not page.permissions_for_user(user).can_edit():
        return
    yield Button(
        _("Proposer des contenus"), reverse("newsletters_proposals", args=[page.pk]), icon_name="list-ul", priority=5
    )
    yield Button(_("Envoyer un test"), reverse("newsletters_test_send", args=[page.pk]), icon_name="mail", priority=6)
