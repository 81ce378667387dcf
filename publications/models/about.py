"""« Qui sommes-nous »: the centre of the site, as an institution, on one page of its site."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page

from editorial.page_mixin import EditorialPageMixin
from publications.blocks import RICH_TEXT_FEATURES
from publications.context_builders import PageContextMixin


# Wagtail's Page is untyped: django-stubs cannot build this page's managers.
class AboutPage(PageContextMixin, EditorialPageMixin, Page):  # type: ignore[django-manager-missing]
    """The editors write the introduction; the rest is the centre's record (« Centres » in the admin).

    Its reads are in ``publications.page_context`` (``about_context``).
    """

    introduction = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    api_fields = [APIField("introduction")]
    parent_page_types = ["publications.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("page « Qui sommes-nous »")
        verbose_name_plural = _("pages « Qui sommes-nous »")
