"""Admin of plain operational models through wagtail-modeladmin: beat's periodic tasks, workflows by type.

Plain models with no need for revisions, choosers or previews: the case wagtail-modeladmin fits.
"""

from typing import Any

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django_celery_beat.models import PeriodicTask
from wagtail_modeladmin.options import ModelAdmin

from editorial.models import ContentTypeWorkflow


class PeriodicTaskAdmin(ModelAdmin):
    model = PeriodicTask
    menu_label = _("Tâches planifiées")
    menu_icon = "time"
    menu_order = 900
    add_to_settings_menu = True
    list_display = ("name", "celery_task", "enabled", "last_run_at", "total_run_count")
    list_filter = ("enabled",)
    search_fields = ("name", "task")

    def get_edit_handler(self) -> Any:
        """The edit form's « Task Name » (a verbose name outside django-celery-beat's catalogue) in French."""
        handler = super().get_edit_handler()
        for panel in handler.children:
            if getattr(panel, "field_name", None) == "task":
                panel.heading = _("Tâche Celery")
        return handler

    # django-celery-beat's French catalogue leaves its « Task Name » column in English.
    @admin.display(description=_("tâche Celery"), ordering="task")
    def celery_task(self, obj: PeriodicTask) -> str:
        return obj.task


class ContentTypeWorkflowAdmin(ModelAdmin):
    model = ContentTypeWorkflow
    menu_label = _("Circuits par type")
    menu_icon = "tasks"
    menu_order = 910
    add_to_settings_menu = True
    list_display = ("content_type", "workflow")
