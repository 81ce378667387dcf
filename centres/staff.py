"""The centre's salaried team."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable


class StaffMember(Orderable):
    """« Anne Fontaine, directrice »: in the order the centre presents its team."""

    centre = ParentalKey("centres.Centre", on_delete=models.CASCADE, related_name="staff")
    name = models.CharField(_("nom"), max_length=150)
    job_title = models.CharField(
        _("fonction"), max_length=255, help_text=_("Par exemple « chargée d'information et de gestion documentaire ».")
    )
    email = models.EmailField(_("adresse électronique"), blank=True, help_text=_("Publiée sur le site si remplie."))

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("job_title")]), FieldPanel("email")]

    class Meta(Orderable.Meta):
        verbose_name = _("membre de l'équipe")
        verbose_name_plural = _("équipe salariée")

    def __str__(self) -> str:
        return f"{self.name}, {self.job_title}"
