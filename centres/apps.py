from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CentresConfig(AppConfig):
    name = "centres"
    verbose_name = _("Centres")

    def ready(self) -> None:
        from django.db.models.signals import post_save
        from wagtail.models import Site

        from centres import signal_handlers
        from centres.models import Centre

        post_save.connect(signal_handlers.on_centre_saved, sender=Centre, dispatch_uid="centres_roles_ensure")
        post_save.connect(signal_handlers.on_site_saved, sender=Site, dispatch_uid="centres_site_roles_ensure")
