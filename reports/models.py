"""A report asked for in the admin: what, for which programme or period, and how far its generation is."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportKind(models.TextChoices):
    PROGRAMME = "programme", _("Programme de l'année")
    PROGRESS = "progress", _("Point d'avancement à une date")
    ACTIVITY = "activity", _("Rapport d'activité d'une période")


class ReportFormat(models.TextChoices):
    PDF = "pdf", _("PDF (à envoyer)")
    DOCX = "docx", _("DOCX (à retravailler dans un traitement de texte)")
    XLSX = "xlsx", _("XLSX (les chiffres, pour un tableur)")


class ReportState(models.TextChoices):
    QUEUED = "queued", _("En attente")
    RUNNING = "running", _("En cours")
    DONE = "done", _("Prêt")
    FAILED = "failed", _("Échec")


class ReportRequest(models.Model):
    """One document to produce. The file lives under MEDIA_ROOT/reports/, which the media view never
    serves (``assets.serving``): only ``reports.views.report_download`` hands it out, to permitted users."""

    kind = models.CharField(_("document"), max_length=16, choices=ReportKind.choices)
    file_format = models.CharField(_("format"), max_length=8, choices=ReportFormat.choices)
    programme = models.ForeignKey(
        "publications.ProgrammePage",
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    at = models.DateField(_("à la date du"), null=True, blank=True)
    period_start = models.DateField(_("du"), null=True, blank=True)
    period_end = models.DateField(_("au"), null=True, blank=True)
    state = models.CharField(_("état"), max_length=12, choices=ReportState.choices, default=ReportState.QUEUED)
    progress = models.PositiveSmallIntegerField(_("avancement (%)"), default=0)
    error = models.TextField(_("erreur"), blank=True)
    file = models.FileField(_("fichier"), upload_to="reports/%Y/%m/", blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("demandé par"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("demandé le"), auto_now_add=True)
    finished_at = models.DateTimeField(_("terminé le"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("livret ou bilan")
        verbose_name_plural = _("livrets et bilans")
        permissions = [("produce_report", _("Peut produire et télécharger les livrets et bilans"))]
        constraints = [
            models.CheckConstraint(condition=models.Q(progress__lte=100), name="report_progress_at_most_100"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.get_file_format_display()}"

    @property
    def download_name(self) -> str:
        if self.kind == ReportKind.ACTIVITY and self.period_start and self.period_end:
            stem = f"rapport-activite-{self.period_start:%Y%m%d}-{self.period_end:%Y%m%d}"
        elif self.kind == ReportKind.PROGRESS and self.at:
            stem = f"point-avancement-{self.programme.slug if self.programme else ''}-{self.at:%Y%m%d}"
        else:
            stem = f"programme-{self.programme.slug if self.programme else ''}"
        return f"{stem}.{self.file_format}"
