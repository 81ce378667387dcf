"""Each kind of work has a queue of its own, and the deployment files run a worker on every queue."""

import shlex

import pytest
import yaml
from django.conf import settings

from config.celery import app
from tests.config.helpers import ROOT

QUEUES = {queue.name for queue in settings.CELERY_TASK_QUEUES}


@pytest.mark.parametrize(
    ("task_name", "queue"),
    [
        ("sending.deliver_batches", settings.SENDING_QUEUE),
        ("sending.tick", settings.SENDING_QUEUE),
        ("sending.start_send", settings.SENDING_QUEUE),
        ("subscribers.confirmation_email", settings.EMAILS_QUEUE),
        ("subscribers.already_subscribed_email", settings.EMAILS_QUEUE),
        ("registrations.registration_email", settings.EMAILS_QUEUE),
        ("editorial.task_submitted_email", settings.EMAILS_QUEUE),
        ("newsletters.issue_test_send", settings.EMAILS_QUEUE),
        ("config.run_django_task", settings.INDEXING_QUEUE),
        ("outbox.sweep", "celery"),
        ("editorial.publish_scheduled", "celery"),
    ],
)
def test_task_routes__each_kind_of_work_on_its_queue(task_name, queue):
    route = app.amqp.router.route({}, task_name)

    assert route["queue"].name == queue


def test_queues__sending_emails_and_indexing_apart():
    assert len({settings.SENDING_QUEUE, settings.EMAILS_QUEUE, settings.INDEXING_QUEUE, "celery"}) == 4
    assert {settings.SENDING_QUEUE, settings.EMAILS_QUEUE, settings.INDEXING_QUEUE, "celery"} <= QUEUES


def _consumed(command: list[str]) -> set[str]:
    """The queues a `celery worker` command line consumes (all of them without --queues)."""
    for index, word in enumerate(command):
        if word.startswith(("--queues=", "-Q=")):
            return set(word.split("=", 1)[1].split(","))
        if word in ("--queues", "-Q"):
            return set(command[index + 1].split(","))
    return set(QUEUES)


def test_docker_compose__a_worker_for_every_queue_and_sending_apart():
    services = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))["services"]
    workers = {
        name: _consumed(service["command"])
        for name, service in services.items()
        if " ".join(service.get("command") or []).startswith("celery -A config worker")
    }

    assert set().union(*workers.values()) >= QUEUES
    senders = [name for name, queues in workers.items() if settings.SENDING_QUEUE in queues]
    assert senders
    for name in senders:
        assert settings.EMAILS_QUEUE not in workers[name], f"{name}: a large send would delay the emails"


def test_procfile__the_quick_start_worker_consumes_every_queue():
    # dev.py start runs Procfile.dev: one worker for everything keeps the quick start light.
    lines = (ROOT / "Procfile.dev").read_text(encoding="utf-8").splitlines()
    workers = [shlex.split(line.split(":", 1)[1]) for line in lines if " worker " in line]

    assert len(workers) == 1
    assert _consumed(workers[0]) >= QUEUES
