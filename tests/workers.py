"""Real Celery workers (beat embedded) on the test database, for the worker tests and the benchmark.

Only meaningful on PostgreSQL and Redis, as in production: the worker is another process and must
see the test database's committed rows and the broker. Each run uses a queue of its own, which
every queue variable names, so that the worker gets every task it sends itself (a sweep, a
confirmation, an index update) and no other worker on the same Redis takes them.
"""

import contextlib
import os
import signal
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
# config/settings/celery.py: one per kind of work, and the default one.
QUEUE_VARIABLES = ("CELERY_DEFAULT_QUEUE", "SENDING_QUEUE", "EMAILS_QUEUE", "INDEXING_QUEUE")


def redis_reachable(url: str) -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1).ping())
    except (redis.RedisError, OSError):
        return False


def skip_reason() -> str | None:
    """Why a worker test cannot run here, or None."""
    database_url = os.environ.get("DATABASE_URL", "")
    redis_url = os.environ.get("REDIS_URL", "")
    if not database_url.startswith(("postgres://", "postgresql://", "pgsql://")):
        return "needs DATABASE_URL on PostgreSQL: the worker process must reach the test database"
    if not redis_url:
        return "needs REDIS_URL: the worker takes its tasks from Redis"
    if not redis_reachable(redis_url):
        return f"Redis at REDIS_URL ({redis_url}) does not answer"
    return None


def database_url(settings_dict: dict) -> str:
    """DATABASE_URL of a connection's database (the test database, not the configured one)."""
    credentials = quote(settings_dict["USER"] or "", safe="")
    if settings_dict["PASSWORD"]:
        credentials += ":" + quote(settings_dict["PASSWORD"], safe="")
    host = f"{settings_dict['HOST'] or '127.0.0.1'}:{settings_dict['PORT'] or 5432}"
    return f"postgres://{credentials}@{host}/{settings_dict['NAME']}"


def queue_name(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def queues_apart(run: str) -> dict[str, str]:
    """A queue of its own per kind of work in this run, as production splits them (README)."""
    return {variable: f"{run}-{variable.removesuffix('_QUEUE').lower()}" for variable in QUEUE_VARIABLES}


def worker_start(
    *,
    db_url: str,
    queue: str,
    log_path: Path,
    schedule_path: Path,
    settings_module: str = "config.settings.test",
    concurrency: int = 1,
    extra_env: dict[str, str] | None = None,
    queues: dict[str, str] | None = None,
    beat: bool = True,
) -> subprocess.Popen:
    """`celery worker --beat` on ``queue`` (comma-separated names) in a session of its own (so that
    killpg reaches its children); ``queues``: what each queue variable names (by default, ``queue``).
    """
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings_module,
        "DATABASE_URL": db_url,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "PYTHONUNBUFFERED": "1",
        **(queues or dict.fromkeys(QUEUE_VARIABLES, queue)),
        **(extra_env or {}),
    }
    log = log_path.open("a")
    process = subprocess.Popen(  # noqa: S603 (our own interpreter, fixed arguments)
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            *(["--beat", "--schedule", str(schedule_path)] if beat else []),
            "--queues",
            queue,
            "--hostname",
            f"{queue.split(',')[0]}-{uuid.uuid4().hex[:6]}@%h",
            "--pool",
            "prefork" if concurrency > 1 else "solo",
            "--concurrency",
            str(concurrency),
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "--loglevel",
            "INFO",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    log.close()
    return process


def worker_kill(process: subprocess.Popen) -> None:
    """SIGKILL the worker and every process of its session, at once."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=10)


def worker_stop(process: subprocess.Popen) -> None:
    """Warm shutdown (SIGTERM to the session), killed if it lasts more than 20 s."""
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        worker_kill(process)
