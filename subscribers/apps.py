from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubscribersConfig(AppConfig):
    name = "subscribers"
    verbose_name = _("Abonnés")

    def ready(self) -> None:
        from anymail.signals import tracking

        from subscribers.webhooks import tracking_received

        tracking.connect(tracking_received, dispatch_uid="subscribers.tracking_received")
