"""A real Celery worker, started once the broker is back, sends the confirmation that waited.

The web side (this process) subscribes while the broker is on a closed port: the request answers
and the confirmation stays in the outbox. A worker then starts on the real Redis and the test
database; its startup sweep hands the message over and the worker sends it through real SMTP.
Only meaningful on PostgreSQL and Redis, as in production.
"""

import time

import pytest
from django.db import connection

from outbox.models import OutboxMessage
from tests import workers
from tests.outages import broker_down
from tests.outbox.helpers import subscribe
from tests.smtp import SmtpServer

WAIT_SECONDS = 90
SKIP_REASON = workers.skip_reason()
pytestmark = [pytest.mark.slow, pytest.mark.skipif(SKIP_REASON is not None, reason=SKIP_REASON or "")]


@pytest.fixture
def smtp():
    with SmtpServer() as server:
        yield server


@pytest.mark.django_db(transaction=True, serialized_rollback=SKIP_REASON is None)
def test_worker_start__sends_the_confirmation_that_waited_through_the_outage(client, resonances, smtp, tmp_path):
    with broker_down():
        response = subscribe(client, None, resonances)
    assert response.status_code == 200
    [waiting] = OutboxMessage.objects.filter(sent_at__isnull=True)
    assert waiting.task_name == "subscribers.confirmation_email"

    queue = workers.queue_name("crpv-outbox")
    process = workers.worker_start(
        db_url=workers.database_url(connection.settings_dict),
        queue=queue,
        log_path=tmp_path / "worker.log",
        schedule_path=tmp_path / "beat-schedule",
        settings_module="tests.sending.worker_settings",  # mail over real SMTP
        extra_env={"EMAIL_URL": f"smtp://127.0.0.1:{smtp.port}"},
    )
    try:
        deadline = time.monotonic() + WAIT_SECONDS
        while not smtp.received and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.5)
    finally:
        workers.worker_stop(process)

    log = (tmp_path / "worker.log").read_text()
    assert [message.recipient for message in smtp.received] == ["ines.benali@example.org"], log[-3000:]
    waiting.refresh_from_db()
    assert waiting.sent_at is not None
