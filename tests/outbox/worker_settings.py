"""Settings of the worker the outbox test starts: mail over real SMTP, every task on the test's queue."""

from config.env import env
from tests.sending.worker_settings import *  # noqa: F403

# The sweep a starting worker sends itself, and the tasks it hands over, go to this run's queue.
CELERY_TASK_DEFAULT_QUEUE = env.str("OUTBOX_TEST_QUEUE")
