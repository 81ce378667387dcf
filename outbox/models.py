"""Follow-up work of a write (an email, an index update), kept until the broker has accepted it."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutboxMessage(models.Model):
    """One Celery task to hand to the broker: written in the transaction of the write that calls for it."""

    task_name = models.CharField(_("tâche"), max_length=200)
    args = models.JSONField(_("arguments"), default=list)
    kwargs = models.JSONField(_("arguments nommés"), default=dict)
    # apply_async options: queue, task_id, eta (ISO 8601).
    options = models.JSONField(_("options"), default=dict)
    created_at = models.DateTimeField(_("créée le"), default=timezone.now)
    attempts = models.PositiveIntegerField(_("tentatives"), default=0)
    last_error = models.TextField(_("dernière erreur"), blank=True)
    sent_at = models.DateTimeField(_("remise au broker le"), null=True, blank=True)

    class Meta:
        verbose_name = _("tâche en attente")
        verbose_name_plural = _("tâches en attente")
        indexes = [
            models.Index(fields=["created_at"], condition=models.Q(sent_at__isnull=True), name="outbox_pending"),
        ]

    def __str__(self) -> str:
        return f"{self.task_name} #{self.pk}"
