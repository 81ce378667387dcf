"""A confirmation email leaves within seconds while a large send runs, with a worker per queue.

Two real workers, split as in production (README, « Workers per queue »): one on the sending queue
(two processes, both busy with the send's delivery tasks), one on the emails and default queues
with beat. While the send is under way, a visitor subscribes with the broker down, so that the
confirmation waits in the outbox and the worker's own sweep hands it over: its queue comes from the
worker's routes, not from the test. It must reach the SMTP server within seconds, the send still
running; routed to the sending queue, it would wait for a delivery task to end (a minute).
"""

import time

import pytest
from django.db import connection

from outbox.models import OutboxMessage
from sending.models import Send, SendStatus
from tests.outages import broker_down
from tests.outbox.helpers import subscribe
from tests.sending.worker import queue_name, send_due_now, wait_for, worker_start
from tests.smtp import SmtpServer
from tests.workers import database_url, queues_apart, skip_reason, worker_stop

SKIP_REASON = skip_reason()
pytestmark = [pytest.mark.slow, pytest.mark.skipif(SKIP_REASON is not None, reason=SKIP_REASON or "")]

RECIPIENTS = 4000
CONFIRMATION_SECONDS = 10
VISITOR = "ines.benali@example.org"


@pytest.mark.django_db(transaction=True, serialized_rollback=SKIP_REASON is None)
def test_large_send_running__a_confirmation_email_leaves_within_seconds(client, site_tree, tmp_path):
    send = send_due_now(site_tree, recipients=RECIPIENTS, rate_per_second=200)
    queues = queues_apart(queue_name())
    log_path = tmp_path / "workers.log"
    with SmtpServer(keep_data=False) as sink:
        common = {"db_url": database_url(connection.settings_dict), "smtp_port": sink.port, "log_path": log_path}
        # Leases as in production: the send must not be held up by recoveries.
        sending_env = {"SENDING_LEASE_SECONDS": "120"}
        started = [
            worker_start(
                **common,
                queue=queues["SENDING_QUEUE"],
                schedule_path=tmp_path / "no-beat",
                queues=queues,
                beat=False,
                extra_env=sending_env,
            ),
            worker_start(
                **common,
                queue=",".join((queues["CELERY_DEFAULT_QUEUE"], queues["EMAILS_QUEUE"], queues["INDEXING_QUEUE"])),
                schedule_path=tmp_path / "beat",
                concurrency=1,
                queues=queues,
                extra_env={**sending_env, "OUTBOX_SWEEP_SECONDS": "1"},
            ),
        ]
        try:
            wait_for(lambda: len(sink.received) >= 200, started, log_path)
            subscribed_at = time.monotonic()
            with broker_down():
                response = subscribe(client, None, send.newsletter_list)
            assert response.status_code == 200
            # Kept in the outbox, which the sweep (every second) may have emptied already.
            assert OutboxMessage.objects.filter(task_name="subscribers.confirmation_email").exists()

            wait_for(
                lambda: any(message.recipient == VISITOR for message in sink.received),
                started,
                log_path,
                CONFIRMATION_SECONDS,
            )
            confirmed_after = time.monotonic() - subscribed_at
            status = Send.objects.get(pk=send.pk).status
            sent_so_far = len(sink.received)
        finally:
            for process in started:
                worker_stop(process)

    assert confirmed_after < CONFIRMATION_SECONDS
    assert status == SendStatus.RUNNING, "the send was over: the confirmation did not have to overtake it"
    assert sent_so_far < RECIPIENTS
