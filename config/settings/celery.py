"""Celery, and Django's task framework (used by Wagtail) routed through it."""

from typing import Any

from celery.schedules import crontab
from kombu import Exchange, Queue

from config.env import VAR_DIR, env
from config.time_zone import PARIS_TIME_ZONE_NAME

from .cache import REDIS_CONNECT_TIMEOUT

_redis_url = env.str("REDIS_URL", default="")

# Without Redis the broker is kombu's filesystem transport: web, worker and beat
# share a folder, so the quick start needs no server.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=_redis_url or "filesystem://localhost//")
CELERY_BROKER_FOLDER = VAR_DIR / "celery"
CELERY_BROKER_TRANSPORT_OPTIONS: dict[str, Any]
if CELERY_BROKER_URL.startswith("filesystem://"):
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(CELERY_BROKER_FOLDER / "queue"),
        "data_folder_out": str(CELERY_BROKER_FOLDER / "queue"),
        "processed_folder": str(CELERY_BROKER_FOLDER / "processed"),
        # Without it kombu writes its exchange table to ./control in the working directory.
        "control_folder": str(CELERY_BROKER_FOLDER / "control"),
        "store_processed": False,
        "polling_interval": 0.2,
    }
else:
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        # A task not acknowledged within this time is delivered again: keep it
        # longer than any task may run.
        "visibility_timeout": 3600,
        # Publishing fails at once while the broker is down (the outbox keeps the task,
        # outbox/services.py) instead of retrying for seconds inside a request. The worker's
        # own connection retries under broker_connection_max_retries, not this.
        "socket_connect_timeout": REDIS_CONNECT_TIMEOUT,
        "max_retries": 0,
    }

# One queue per kind of work, each with workers of its own (README, « Déploiement »), so that a
# send of 200,000 messages never delays a confirmation email nor an index update. A worker started
# without --queues consumes all of them (the quick start's single worker).
# Everything not routed below: beat's periodic tasks, the outbox sweep.
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_DEFAULT_QUEUE", default="celery")
SENDING_QUEUE = env.str("SENDING_QUEUE", default="sending")
EMAILS_QUEUE = env.str("EMAILS_QUEUE", default="emails")
INDEXING_QUEUE = env.str("INDEXING_QUEUE", default="indexing")
# Declared as Celery declares its default queue (a direct exchange and routing key of its name):
# a bare Queue(name) would publish to the nameless exchange and lose every task.
CELERY_TASK_QUEUES = [
    Queue(name, Exchange(name), routing_key=name)
    for name in dict.fromkeys((CELERY_TASK_DEFAULT_QUEUE, SENDING_QUEUE, EMAILS_QUEUE, INDEXING_QUEUE))
]
CELERY_TASK_ROUTES = {
    # Newsletter sends: beat's tick, starting a send, the delivery loops.
    "sending.*": {"queue": SENDING_QUEUE},
    # Transactional emails: confirmations, registrations, workflow notifications, test sends.
    "*_email": {"queue": EMAILS_QUEUE},
    "newsletters.issue_test_send": {"queue": EMAILS_QUEUE},
    # Django's task framework, i.e. Wagtail's search and reference index updates and cache purges.
    "config.run_django_task": {"queue": INDEXING_QUEUE},
}
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = PARIS_TIME_ZONE_NAME
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
# Synced into django-celery-beat's tables when beat starts; editable in the admin afterwards.
CELERY_BEAT_SCHEDULE = {
    "publish-scheduled-pages": {"task": "editorial.publish_scheduled", "schedule": 60.0},
    # Starts due newsletter sends, recovers expired claims, revives stalled sends (sending/tasks.py).
    "sending-tick": {
        "task": "sending.tick",
        "schedule": env.float("SENDING_TICK_SECONDS", default=15.0),
        "options": {"queue": SENDING_QUEUE},
    },
    # Hands over the tasks that waited in the outbox through a broker outage (outbox/services.py).
    "outbox-sweep": {"task": "outbox.sweep", "schedule": env.float("OUTBOX_SWEEP_SECONDS", default=30.0)},
    # Reminders before sessions, each at its action's delay, once per person (registrations/reminders.py).
    "registrations-reminders": {
        "task": "registrations.reminders_send",
        "schedule": env.float("REGISTRATIONS_REMINDER_SECONDS", default=600.0),
    },
    # Anonymises registrations past the centre's retention period (registrations/privacy.py).
    "registrations-retention": {"task": "registrations.retention_apply", "schedule": crontab(hour=3, minute=30)},
}
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)

TASKS = {"default": {"BACKEND": "config.task_backends.CeleryBackend"}}
