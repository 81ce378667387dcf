"""Read-mostly admin for Celery beat's periodic tasks, through wagtail-modeladmin.

A plain third-party model with no need for revisions, choosers or previews:
the case wagtail-modeladmin fits.
"""

from django.utils.translation import gettext_lazy as _
from django_celery_beat.models import PeriodicTask
from wagtail_modeladmin.options import ModelAdmin


class PeriodicTaskAdmin(ModelAdmin):
    model = PeriodicTask
    menu_label = _("Tâches planifiées")
    menu_icon = "time"
    menu_order = 900
    add_to_settings_menu = True
    list_display = ("name", "task", "enabled", "last_run_at", "total_run_count")
    list_filter = ("enabled",)
    search_fields = ("name", "task")
