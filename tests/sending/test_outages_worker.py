"""A send resumes within seconds of an outage of the SMTP server or of the database, with real workers.

A real Celery worker (as in test_crash_worker.py) sends to aiosmtpd. The SMTP server is stopped for
a few seconds then started again on the same port; the database connections of the worker are
terminated (pg_terminate_backend). Leases are left at two minutes, so that recovery by lease
(beat's revival) cannot be what brings the send back: the messages must flow again within seconds.
"""

import time

import pytest
from aiosmtpd.controller import Controller
from django.db import connection

from tests.sending.worker import queue_name, send_due_now, wait_for, worker_start
from tests.smtp import HOST, SmtpServer
from tests.workers import database_url, skip_reason, worker_stop

SKIP_REASON = skip_reason()
pytestmark = [pytest.mark.slow, pytest.mark.skipif(SKIP_REASON is not None, reason=SKIP_REASON or "")]

RECIPIENTS = 3000
RESUME_SECONDS = 15


def _server_on(port: int) -> SmtpServer:
    """A new server on the port the worker already sends to."""
    server = SmtpServer(keep_data=False)
    server.port = port
    server._controller = Controller(server, hostname=HOST, port=port)
    return server


def _worker(tmp_path, port: int):
    return worker_start(
        db_url=database_url(connection.settings_dict),
        queue=queue_name(),
        smtp_port=port,
        log_path=tmp_path / "worker.log",
        schedule_path=tmp_path / "beat",
        extra_env={"SENDING_LEASE_SECONDS": "120", "SENDING_RECONNECT_SECONDS": "0.5"},
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=SKIP_REASON is None)
def test_smtp_server_down_a_few_seconds__the_send_resumes_within_seconds(site_tree, tmp_path):
    send_due_now(site_tree, recipients=RECIPIENTS, rate_per_second=150)
    first = SmtpServer(keep_data=False).__enter__()
    worker = _worker(tmp_path, first.port)
    log_path = tmp_path / "worker.log"
    try:
        wait_for(lambda: len(first.received) >= 200, [worker], log_path)
        first.__exit__(None, None, None)
        time.sleep(3)
        second = _server_on(first.port).__enter__()
        try:
            resumed_after = wait_for(lambda: len(second.received) >= 50, [worker], log_path, RESUME_SECONDS)
        finally:
            second.__exit__(None, None, None)
    finally:
        worker_stop(worker)

    assert resumed_after < RESUME_SECONDS


@pytest.mark.django_db(transaction=True, serialized_rollback=SKIP_REASON is None)
def test_database_connections_terminated__the_send_resumes_within_seconds(site_tree, tmp_path):
    send_due_now(site_tree, recipients=RECIPIENTS, rate_per_second=150)
    log_path = tmp_path / "worker.log"
    with SmtpServer(keep_data=False) as sink:
        worker = _worker(tmp_path, sink.port)
        try:
            wait_for(lambda: len(sink.received) >= 200, [worker], log_path)
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                    " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
                (terminated,) = cursor.fetchone()
            before = len(sink.received)
            resumed_after = wait_for(lambda: len(sink.received) >= before + 100, [worker], log_path, RESUME_SECONDS)
        finally:
            worker_stop(worker)
        by_delivery = {}
        for received in sink.received:
            by_delivery[received.delivery_id] = by_delivery.get(received.delivery_id, 0) + 1

    assert terminated >= 1
    assert resumed_after < RESUME_SECONDS
    assert max(by_delivery.values()) == 1, "a lost database connection sent a message twice"
