from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutboxConfig(AppConfig):
    name = "outbox"
    verbose_name = _("Tâches en attente")

    def ready(self) -> None:
        from celery.signals import worker_ready

        from outbox.tasks import worker_ready_sweep

        worker_ready.connect(worker_ready_sweep, dispatch_uid="outbox.worker_ready_sweep")
