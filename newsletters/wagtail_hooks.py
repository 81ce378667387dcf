"""Admin glue: the newsletter lists."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from newsletters.models import NewsletterList


class NewsletterListViewSet(SnippetViewSet):
    model = NewsletterList
    icon = "mail"
    menu_label = _("Listes de diffusion")
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["name", "frequency", "sender_email", "is_active"]
    list_filter = ["frequency", "is_active"]
    search_fields = ["name"]


register_snippet(NewsletterListViewSet)
