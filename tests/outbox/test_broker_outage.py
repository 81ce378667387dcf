"""Redis down, as broker: writes answer normally and their follow-up work waits in the outbox.

The broker is configured as in production, on a local port where nothing listens: tasks are really
published (not run in-process) and refused. « The broker is back » is Celery's eager mode: the
sweep then runs each waiting task here, as a worker would (a real worker: test_outbox_worker.py).
"""

import pytest
from celery.signals import worker_ready
from django.core import mail
from django.test import override_settings
from wagtail.models import Page

from outbox.models import OutboxMessage
from outbox.tasks import sweep
from search.selectors import search_pages
from tests.editorial.helpers import post_edit
from tests.factories import ActionPageFactory
from tests.outages import broker_down
from tests.outbox.helpers import subscribe

pytestmark = pytest.mark.django_db

CELERY_TASKS = {"default": {"BACKEND": "config.task_backends.CeleryBackend"}}


def _waiting(task_name: str) -> list[OutboxMessage]:
    return list(OutboxMessage.objects.filter(task_name=task_name, sent_at__isnull=True))


def test_subscribe__broker_down__answers_and_the_confirmation_goes_out_once_it_is_back(
    client, django_capture_on_commit_callbacks, resonances
):
    with broker_down():
        response = subscribe(client, django_capture_on_commit_callbacks, resonances)

        assert response.status_code == 200
        assert "Vérifiez votre messagerie" in response.content.decode()
        [waiting] = _waiting("subscribers.confirmation_email")
        assert waiting.attempts == 1
        assert "6391" in waiting.last_error or "refused" in waiting.last_error.lower()
        assert mail.outbox == []

    sweep.delay()  # beat's sweep, the broker back

    assert [message.to for message in mail.outbox] == [["ines.benali@example.org"]]
    assert _waiting("subscribers.confirmation_email") == []


def test_sweep__broker_still_down__keeps_the_message_and_counts_the_attempt(
    client, django_capture_on_commit_callbacks, resonances
):
    with broker_down():
        subscribe(client, django_capture_on_commit_callbacks, resonances)
        assert sweep() == 0

        [waiting] = _waiting("subscribers.confirmation_email")
        assert waiting.attempts == 2
    assert mail.outbox == []


def test_worker_start__sweeps_and_a_second_sweep_repeats_nothing(
    client, django_capture_on_commit_callbacks, resonances
):
    with broker_down():
        subscribe(client, django_capture_on_commit_callbacks, resonances)

    worker_ready.send(sender=None)  # what a worker that starts does
    sweep.delay()

    assert len(mail.outbox) == 1
    assert OutboxMessage.objects.get().sent_at is not None


def test_publish__broker_down__the_page_goes_live_and_is_indexed_once_the_broker_is_back(
    admin_client, site_tree, django_capture_on_commit_callbacks
):
    action = ActionPageFactory(title="Séminaire des élu·e·s", live=False)

    with override_settings(TASKS=CELERY_TASKS), broker_down():
        with django_capture_on_commit_callbacks(execute=True):
            response = post_edit(admin_client, action, "action-publish", title="Les vergers solidaires")

        assert response.status_code == 302
        assert Page.objects.get(pk=action.pk).live
        assert _waiting("config.run_django_task"), "Wagtail's index update waits for the broker"
        assert search_pages(query="vergers solidaires").total == 0

    with override_settings(TASKS=CELERY_TASKS):
        sweep.delay()

    assert [hit.page.pk for hit in search_pages(query="vergers solidaires").hits] == [action.pk]
