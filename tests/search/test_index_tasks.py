"""Index updates after publish and unpublish are background tasks (Celery), never work of the request."""

from unittest import mock

import pytest
from django.test import override_settings
from django_tasks import default_task_backend
from django_tasks.utils import get_module_path

from config.tasks import run_django_task
from search.selectors import search_pages
from tests.factories import ActionPageFactory

pytestmark = pytest.mark.django_db

RECORDING = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
CELERY = {"default": {"BACKEND": "config.task_backends.CeleryBackend"}}
INDEX_TASK = "insert_or_update_object_task"


def _index_tasks(page_pk: int) -> list:
    return [
        result
        for result in default_task_backend.results
        if result.task.name == INDEX_TASK and result.args[-1] == str(page_pk)
    ]


def test_publish__index_update_is_enqueued_not_run_in_the_request(site_tree):
    page = ActionPageFactory(title="Les jardins familiaux")
    with override_settings(TASKS=RECORDING):
        page.title = "Les vergers solidaires"
        page.save_revision().publish()
        enqueued = _index_tasks(page.pk)
        assert enqueued, "publishing enqueues the index update"
        assert search_pages(query="vergers solidaires").total == 0, "the request did not update the index"

        # What the worker does: the task run through Celery's wrapper, which then purges the answers.
        run_django_task(get_module_path(enqueued[-1].task.func), list(enqueued[-1].args), enqueued[-1].kwargs)
    assert [hit.page.pk for hit in search_pages(query="vergers solidaires").hits] == [page.pk]


def test_unpublish__index_update_is_enqueued(site_tree):
    page = ActionPageFactory(title="Les jardins familiaux")
    with override_settings(TASKS=RECORDING):
        page.unpublish()
        assert _index_tasks(page.pk)
    # Public search only ever shows live pages, even before the worker runs.
    assert search_pages(query="jardins familiaux").total == 0


def test_publish__index_task_goes_to_celery_after_commit(site_tree, django_capture_on_commit_callbacks):
    page = ActionPageFactory(title="Les jardins familiaux")
    with override_settings(TASKS=CELERY), mock.patch("config.tasks.run_django_task.apply_async") as apply_async:
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
            apply_async.assert_not_called()  # nothing leaves before the transaction commits
        # After the commit: the index update is handed to Celery, by its dotted path.
        calls = [call.kwargs["args"] for call in apply_async.call_args_list]
    assert [f"modelsearch.tasks.{INDEX_TASK}", ["publications", "actionpage", str(page.pk)], {}] in calls
