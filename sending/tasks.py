"""Celery tasks of newsletter sends: beat's tick, and the workers' delivery loop.

No task waits in the broker for a date (no ETA, no countdown): with Redis a task held past the
visibility timeout is delivered again. Beat's tick, every SENDING_TICK_SECONDS, starts what is due.
Every task may run twice (acks_late, redelivery) without sending anything twice: starting locks
the send and checks its status, and delivering claims rows no one else holds.
"""

from celery import shared_task

from sending import services
from sending.delivery import send_work

# A delivery task hands over to a fresh one after this long, so that no task runs for hours.
TASK_BUDGET_SECONDS = 60.0


@shared_task(name="sending.tick")
def tick() -> dict[str, int]:
    """Start due sends, recover expired claims, complete finished sends and revive stalled ones."""
    started = services.sends_start_due()
    released, uncertain = services.deliveries_recover_expired()
    revived = services.sends_revive_stalled()
    return {"started": started, "released": released, "uncertain": uncertain, "revived": revived}


@shared_task(name="sending.start_send")
def start_send(send_id: int) -> bool:
    """Start a send at once (« envoyer maintenant ») rather than at the next tick."""
    return services.send_start(send_id=send_id)


@shared_task(name="sending.deliver_batches")
def deliver_batches(send_id: int) -> bool:
    """Deliver batches of the send for a while, then pass the rest to a new task."""
    work_left = send_work(send_id=send_id, budget_seconds=TASK_BUDGET_SECONDS)
    if work_left:
        services.send_dispatch(send_id=send_id)
    else:
        services.send_complete_if_done(send_id=send_id)
    return work_left
