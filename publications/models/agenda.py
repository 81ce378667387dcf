"""The agenda: every dated session of the site's actions, with filters."""

from django.utils.translation import gettext_lazy as _

from publications.models.base import IndexPage


class AgendaPage(IndexPage):
    """Lists sessions, not pages: an action with three sessions appears on three dates."""

    parent_page_types = ["publications.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("agenda")
        verbose_name_plural = _("agendas")
