from django.urls import register_converter

from .celery import app as celery_app
from .parsing import IdConverter

# Registered here, before any URL pattern is built: Wagtail's routable pages build theirs when
# their model module is imported, before any app is ready.
register_converter(IdConverter, "id")

__all__ = ("celery_app",)
