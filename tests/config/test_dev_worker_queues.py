"""The quick start's worker, run as `dev.py start` runs it (Procfile.dev, dev settings, the
filesystem broker), takes the tasks of every queue: nothing waits for a worker that does not exist.

One task is published to each queue before the worker starts; the filesystem transport keeps each
message as a file named after its queue until a worker takes it.
"""

import os
import shlex
import signal
import subprocess
import sys
import time

import pytest
from django.conf import settings

from tests.config.helpers import ROOT

pytestmark = pytest.mark.slow

WAIT_SECONDS = 90
# What the runner may have set that would send the worker to another broker or database.
_RUNNER_ENV = ("DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL", "DJANGO_SETTINGS_MODULE", "CELERY_TASK_ALWAYS_EAGER")
QUEUES = [queue.name for queue in settings.CELERY_TASK_QUEUES]
# A task of Celery's own: it needs no database, so only the routing is under test.
PUBLISH = (
    "import django; django.setup()\n"
    "from config.celery import app\n"
    f"for queue in {QUEUES!r}:\n"
    "    app.send_task('celery.accumulate', args=[queue], queue=queue)\n"
)


def _procfile_worker() -> tuple[list[str], dict[str, str]]:
    """The Procfile's worker command line, and the variables it assigns before the command."""
    line = next(
        line for line in (ROOT / "Procfile.dev").read_text(encoding="utf-8").splitlines() if line.startswith("worker:")
    )
    words = shlex.split(line.split(":", 1)[1])
    assigned = {}
    while "=" in words[0]:
        name, value = words.pop(0).split("=", 1)
        assigned[name] = value
    assert words[0] == "celery"
    return [sys.executable, "-m", "celery", *words[1:]], assigned


def _waiting(folder, published: set[str] | None = None) -> dict[str, int]:
    """Messages left in the broker folder per queue, among ``published`` when given (the worker
    publishes a sweep of its own as it starts)."""
    names = [path.name for path in folder.glob("*.msg")] if folder.exists() else []
    if published is not None:
        names = [name for name in names if name in published]
    return {queue: sum(name.endswith(f".{queue}.msg") for name in names) for queue in QUEUES}


def test_dev_worker__takes_the_tasks_of_every_queue(tmp_path):
    command, assigned = _procfile_worker()
    env = {name: value for name, value in os.environ.items() if name not in _RUNNER_ENV}
    env.update(assigned, VAR_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="config.settings.dev")
    folder = tmp_path / "celery" / "queue"
    subprocess.run([sys.executable, "-c", PUBLISH], cwd=ROOT, env=env, check=True, timeout=60)  # noqa: S603
    assert _waiting(folder) == dict.fromkeys(QUEUES, 1)
    published = {path.name for path in folder.glob("*.msg")}

    log_path = tmp_path / "worker.log"
    with log_path.open("w") as log:
        worker = subprocess.Popen(  # noqa: S603 (the Procfile's own command)
            command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        deadline = time.monotonic() + WAIT_SECONDS
        while any(_waiting(folder, published).values()) and time.monotonic() < deadline and worker.poll() is None:
            time.sleep(0.5)
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(worker.pid, signal.SIGKILL)
            worker.wait()

    assert _waiting(folder, published) == dict.fromkeys(QUEUES, 0), log_path.read_text()[-3000:]
