"""Celery tasks of the project package itself."""

from celery import shared_task
from django.dispatch import Signal
from django.utils.module_loading import import_string

# Sent in the worker once a Django task has run, with the path of its function: what a run changes
# is for the apps above to say (api.invalidation purges the public answers after an index update).
django_task_done = Signal()


@shared_task(name="config.run_django_task")
def run_django_task(func_path: str, args: list, kwargs: dict) -> None:
    """Run a function decorated with Django's ``@task`` inside a Celery worker."""
    import_string(func_path).call(*args, **kwargs)
    django_task_done.send(sender=run_django_task, func_path=func_path)
