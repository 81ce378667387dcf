"""A whole newsletter send through a real Celery worker, as a ratio to a bare SMTP loop.

Run from the repository root: `.venv/bin/python bench/newsletter.py [--quick]`. Needs PostgreSQL
(--server-url) and Redis (REDIS_URL, default redis://127.0.0.1:6379/0); there is no fallback: the
figure is about the engine as it runs in production, and it stops with a message if either is
missing. It creates a throw-away database `bench_newsletter_<pid>` (tables from the models), an
issue and N confirmed subscribers (50,000, or 10,000 with --quick), starts an SMTP sink and one
Celery worker (prefork, --connections processes, each delivery task on one SMTP connection; beat
embedded, a queue of its own) with no rate limit to speak of, and times the send from its start
(recording the deliveries) to its completion. The sink is Postfix's C `smtp-sink`
(`/usr/sbin/smtp-sink`, Debian package `postfix`: `apt-get install postfix`), or aiosmtpd's
discarding handler in a process of its own where it is missing (a slower ceiling: the ratio then
says less). In the same run, the baseline: smtplib on one connection sending one message, built
and serialised once beforehand, N times to the same sink, i.e. what the sink accepts at best.
Printed: messages per second of both, the worker's peak memory (VmHWM, summed over its processes,
and the largest one; the summed proportional set size, at its peak and as the send started), and
`ratio: bare rate / engine rate`.
"""

from _support import DEFAULT_SERVER, HOST, database_create, free_port  # first: bench/http.py shadows http

# isort: split
import argparse
import contextlib
import os
import smtplib
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_REDIS = "redis://127.0.0.1:6379/0"
SMTP_SINK = "/usr/sbin/smtp-sink"
WAIT_SECONDS = 1800


def _generate(count: int):
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone
    from wagtail.models import Collection, Locale, Page

    from sending.models import Send
    from tests import factories
    from tests.sending.conftest import subscribers_create

    # What Wagtail's data migrations would have created.
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    root = Page.add_root(instance=Page(title="Root", slug="root", content_type=ContentType.objects.get_for_model(Page)))
    Collection.add_root(name="Root")
    home = factories.HomePageFactory(parent=root)
    index = factories.NewsletterIndexPageFactory(parent=home)
    newsletter_list = factories.NewsletterListFactory(name="Résonances", slug="resonances")
    issue = factories.NewsletterIssuePageFactory(
        parent=index, newsletter_list=newsletter_list, title="Séminaire des élu·e·s", live=True
    )
    for start in range(0, count, 10_000):
        subscribers_create(newsletter_list, min(10_000, count - start), prefix=f"lectrice{start}")
    return Send(
        issue=issue,
        newsletter_list=newsletter_list,
        scheduled_at=timezone.now(),
        rate_per_second=100_000,
        batch_size=500,
    )


def _sink_start(port: int, choice: str) -> tuple[subprocess.Popen, str]:
    """The SMTP sink on ``port`` and its name: smtp-sink (C, accepts and discards) or aiosmtpd's."""
    if choice == "smtp-sink" and not Path(SMTP_SINK).exists():
        raise SystemExit(f"{SMTP_SINK} is missing: apt-get install postfix (Debian)")
    if choice != "aiosmtpd" and Path(SMTP_SINK).exists():
        name = "Postfix smtp-sink"
        # -u: the user it drops to once listening, which only root may do; 1000: connection backlog.
        user = ["-u", "nobody"] if os.geteuid() == 0 else []
        command = [SMTP_SINK, *user, "-c", f"{HOST}:{port}", "1000"]
    else:
        name = "aiosmtpd Sink"
        command = [sys.executable, "-m", "aiosmtpd", "-n", "-l", f"{HOST}:{port}", "-c", "aiosmtpd.handlers.Sink"]
    process = subprocess.Popen(  # noqa: S603 (a fixed binary or our interpreter, fixed arguments)
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            smtplib.SMTP(HOST, port, timeout=1).quit()
            return process, name
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit(f"the SMTP sink ({name}) did not start")


def _memory_kib(pid: int) -> tuple[int, int, int]:
    """Memory of the process and its children (Linux /proc), in KiB: peak RSS (VmHWM) summed and
    largest, and the current proportional set size summed (pages the forked processes share
    counted once, not once per process as in the summed VmHWM)."""
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    peaks, pss = [], 0
    for each in pids:
        with contextlib.suppress(OSError):
            lines = Path(f"/proc/{each}/status").read_text().splitlines()
            peaks += [int(line.split()[1]) for line in lines if line.startswith("VmHWM:")]
            rollup = Path(f"/proc/{each}/smaps_rollup").read_text().splitlines()
            pss += sum(int(line.split()[1]) for line in rollup if line.startswith("Pss:"))
    return sum(peaks), max(peaks, default=0), pss


def _max_peak(a: tuple[int, ...], b: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(max(x, y) for x, y in zip(a, b, strict=True))


def _engine(send, port: int, workdir: str, connections: int) -> tuple[float, tuple[int, ...], int]:
    """Messages per second of the whole send, the worker's peak memory in KiB (`_memory_kib`), and
    its summed PSS at the first sample once the send runs (the peak's distance to it: how flat)."""
    from django.db import connection

    from sending.models import Send, SendStatus
    from tests.sending.worker import queue_name, worker_start
    from tests.workers import database_url, worker_stop

    log_path = Path(workdir) / "worker.log"
    worker = worker_start(
        db_url=database_url(connection.settings_dict),
        queue=queue_name(),
        smtp_port=port,
        log_path=log_path,
        schedule_path=Path(workdir) / "beat",
        concurrency=connections,
        extra_env={"SENDING_PARALLEL_BATCHES": str(connections), "SENDING_LEASE_SECONDS": "120"},
    )
    try:
        send.save()
        deadline = time.monotonic() + WAIT_SECONDS
        peak: tuple[int, ...] = (0, 0, 0)
        first_pss = 0
        while time.monotonic() < deadline:
            if worker.poll() is not None:
                raise SystemExit(f"the worker stopped:\n{log_path.read_text()[-3000:]}")
            sample = _memory_kib(worker.pid)
            peak = _max_peak(peak, sample)
            if not first_pss and Send.objects.filter(pk=send.pk, status=SendStatus.RUNNING).exists():
                first_pss = sample[2]
            if Send.objects.filter(pk=send.pk, status=SendStatus.COMPLETED).exists():
                break
            time.sleep(0.5)
        else:
            raise SystemExit(f"the send did not complete in {WAIT_SECONDS} s")
        peak = _max_peak(peak, _memory_kib(worker.pid))
    finally:
        worker_stop(worker)
    send.refresh_from_db()
    return send.total / (send.finished_at - send.started_at).total_seconds(), peak, first_pss


def _bare(send, count: int, port: int) -> float:
    """Messages per second of smtplib sending one message, serialised once, ``count`` times on one connection."""
    from newsletters.messages import build_message
    from newsletters.rendering import render_issue
    from subscribers.links import recipient_links
    from subscribers.models import Subscriber

    subscriber = Subscriber.objects.order_by("pk").first()
    links = recipient_links(subscriber.pk, send.newsletter_list_id)
    message = build_message(
        render_issue(send.issue),
        newsletter_list=send.newsletter_list,
        to_email=subscriber.email,
        to_name=subscriber.name,
        preferences_url=links["preferences_url"],
        unsubscribe_url=links["unsubscribe_url"],
    )
    # As Django's SMTP backend serialises it, once.
    data = message.message().as_bytes(linesep="\r\n")
    recipients = message.recipients()
    client = smtplib.SMTP(HOST, port, timeout=30)
    try:
        client.ehlo()
        started = time.perf_counter()
        for _n in range(count):
            client.sendmail(message.from_email, recipients, data)
        elapsed = time.perf_counter() - started
    finally:
        client.quit()
    return count / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="10,000 subscribers, under two minutes")
    parser.add_argument("--subscribers", type=int, help="how many (default 50,000, --quick 10,000)")
    parser.add_argument("--connections", type=int, default=2, help="parallel SMTP connections (worker processes)")
    parser.add_argument(
        "--sink", choices=["auto", "smtp-sink", "aiosmtpd"], default="auto", help="auto: smtp-sink where installed"
    )
    parser.add_argument("--server-url", default=DEFAULT_SERVER, help="a PostgreSQL server the bench may create on")
    args = parser.parse_args()
    count = args.subscribers or (10_000 if args.quick else 50_000)
    os.environ.setdefault("REDIS_URL", DEFAULT_REDIS)

    from tests.workers import redis_reachable

    if not redis_reachable(os.environ["REDIS_URL"]):
        raise SystemExit(f"Redis at {os.environ['REDIS_URL']} does not answer: the bench needs a real broker")

    with tempfile.TemporaryDirectory() as workdir:
        original_name = database_create(args.server_url, workdir, name=f"bench_newsletter_{os.getpid()}")
        from django.db import connection

        port = free_port()
        sink, sink_name = _sink_start(port, args.sink)
        try:
            started = time.perf_counter()
            send = _generate(count)
            print(f"{count} subscribers generated in {time.perf_counter() - started:.1f} s")
            bare_rate = _bare(send, count, port)
            engine_rate, memory, first_pss_kib = _engine(send, port, workdir, args.connections)
            peak_kib, largest_kib, pss_kib = memory
        finally:
            sink.kill()
            connection.close()
            connection.creation.destroy_test_db(original_name, verbosity=0)

    print(f"{'load average (1 min)':<34} {os.getloadavg()[0]:>10.2f}")
    print(f"{'SMTP sink':<34} {sink_name}")
    print(f"{'bare smtplib loop, one connection':<34} {bare_rate:>10.0f} messages/s")
    print(f"{f'engine ({args.connections} connections, PG, Redis)':<34} {engine_rate:>10.0f} messages/s")
    print(f"{'worker peak memory, all processes':<34} {peak_kib / 1024:>10.1f} MiB")
    print(f"{'worker peak memory, largest':<34} {largest_kib / 1024:>10.1f} MiB")
    print(f"{'worker peak PSS, all processes':<34} {pss_kib / 1024:>10.1f} MiB")
    print(f"{'worker PSS as the send started':<34} {first_pss_kib / 1024:>10.1f} MiB")
    print(f"ratio: {bare_rate / engine_rate:.2f}")


if __name__ == "__main__":
    main()
