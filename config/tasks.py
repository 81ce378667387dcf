"""Celery tasks of the project package itself."""

from celery import shared_task
from django.utils.module_loading import import_string


@shared_task(name="config.run_django_task")
def run_django_task(func_path: str, args: list, kwargs: dict) -> None:
    """Run a function decorated with Django's ``@task`` inside a Celery worker."""
    import_string(func_path).call(*args, **kwargs)
