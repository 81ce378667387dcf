"""What registered people were last told of a session, to tell them when it changes, and only then."""

import hashlib

from publications.models import ActionSession, ActionStatus
from registrations.models import SessionNotice


def attendee_fingerprint(session: ActionSession) -> str:
    """A digest of what a registered person needs: when, where, how to join, and whether it takes place.

    Narrower than the calendar's own fingerprint: a new title or summary is no reason to write to people.
    """
    facts = [
        str(session.starts_at.timestamp()),
        str(session.ends_at.timestamp()),
        session.attendance_mode,
        session.venue,
        session.address,
        str(session.town_id or ""),
        session.online_url,
        str(session_is_cancelled(session)),
    ]
    return hashlib.sha256("\x1f".join(facts).encode()).hexdigest()


def session_is_cancelled(session: ActionSession) -> bool:
    return session.cancelled or session.page.status == ActionStatus.CANCELLED


def notice_record(session: ActionSession) -> bool:
    """Record the session's current state as told; True when it differs from what was told before.

    The first record of a session tells nothing (nobody was told anything else). Under a row lock,
    so that two saves of one change write to people once.
    """
    fingerprint = attendee_fingerprint(session)
    notice, created = SessionNotice.objects.select_for_update().get_or_create(
        session=session, defaults={"fingerprint": fingerprint}
    )
    if created or notice.fingerprint == fingerprint:
        return False
    notice.fingerprint = fingerprint
    notice.save(update_fields=["fingerprint"])
    return True
