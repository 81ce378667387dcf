"""Celery tasks of the outbox: the sweep that hands over what waited through a broker outage."""

from typing import Any

from celery import shared_task

from outbox import services


@shared_task(name="outbox.sweep")
def sweep() -> int:
    return services.outbox_sweep()


def worker_ready_sweep(sender: Any = None, **kwargs: Any) -> None:
    """A worker that starts (often because the broker is back) sweeps at once, before beat's next run."""
    sweep.delay()
