"""The centre's formats of action and their definitions (« formats et principes », seed 002), as a public page."""

from django.utils.translation import gettext_lazy as _

from publications.models.base import IndexPage


class FormatIndexPage(IndexPage):
    """Lists every format of action with the centre's definition; the formats are a managed list."""

    parent_page_types = ["publications.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("formats d'action")
        verbose_name_plural = _("formats d'action")
