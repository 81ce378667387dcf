"""Celery tasks of the newsletters app: test sends of an issue's draft (newsletters/services.py)."""

from celery import shared_task

from newsletters import services


@shared_task(name="newsletters.issue_test_send", autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def issue_test_send(revision_id: int, addresses: list[str]) -> int:
    """Send the issue as it stands in that revision to each address; returns the number sent."""
    return services.issue_test_send(revision_id=revision_id, addresses=addresses)
