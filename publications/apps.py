from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicationsConfig(AppConfig):
    name = "publications"
    verbose_name = _("Contenus")

    def ready(self) -> None:
        from editorial.calendar import EntryKind, calendar_provider_register
        from publications import page_context  # noqa: F401  (registers the page types' context builders)
        from publications.editorial_calendar import action_sessions_in_range

        calendar_provider_register(EntryKind.ACTION_SESSION, action_sessions_in_range)
