from django.apps import AppConfig
from django.core import checks
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PublicationsConfig(AppConfig):
    name = "publications"
    verbose_name = _("Contenus")

    def ready(self) -> None:
        from editorial.calendar import EntryKind, calendar_provider_register
        from publications import page_context  # noqa: F401  (registers the page types' context builders)
        from publications.editorial_calendar import action_sessions_in_range

        calendar_provider_register(EntryKind.ACTION_SESSION, action_sessions_in_range)
        from publications.site_address import base_url_check, site_address_sync_after_migrate

        checks.register(base_url_check, checks.Tags.security)
        # Once per migrate run (sender=self), after every app's migrations, Wagtail's default site included.
        post_migrate.connect(site_address_sync_after_migrate, sender=self)
