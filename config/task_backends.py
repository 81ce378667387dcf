"""A backend for Django's task framework that hands tasks to Celery.

Wagtail 8 enqueues its own background work (search index and reference index
updates, frontend cache purges, file deletion) through Django's task framework;
this routes it to the project's Celery workers instead of the request.
"""

from typing import Any, TypeVar

from django.utils import timezone
from django_tasks.backends.base import BaseTaskBackend
from django_tasks.base import Task, TaskResult, TaskResultStatus
from django_tasks.exceptions import InvalidTaskError
from django_tasks.utils import get_module_path, get_random_id
from typing_extensions import ParamSpec

from config.tasks import run_django_task
from outbox.services import task_enqueue

T = TypeVar("T")
P = ParamSpec("P")


class CeleryBackend(BaseTaskBackend):
    supports_defer = True

    def enqueue(self, task: Task[P, T], args: P.args, kwargs: P.kwargs) -> TaskResult[T]:  # type: ignore[valid-type]
        self.validate_task(task)
        result_id = get_random_id()
        if task.takes_context:
            raise InvalidTaskError("The Celery backend does not pass a task context.")
        options: dict[str, Any] = {"task_id": result_id}
        if task.run_after is not None:
            options["eta"] = task.run_after
        # Through the outbox: sent after commit (the worker must see the rows the task refers
        # to), and kept through a broker outage rather than lost with the request's answer.
        task_enqueue(task=run_django_task, args=[get_module_path(task.func), list(args), dict(kwargs)], options=options)
        return TaskResult(
            task=task,
            id=result_id,
            status=TaskResultStatus.READY,
            enqueued_at=timezone.now(),
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            args=args,
            kwargs=kwargs,
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )
