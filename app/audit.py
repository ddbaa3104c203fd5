"""The audit log: every time staff look at or change a participant's data."""

from flask import g

from .db import get_session
from .models import AuditEvent


def record(action: str, participant_id: int | None = None, *, commit: bool = True) -> None:
    """Write who (the logged-in staff member) did `action` to whose data. Never the data."""
    staff = g.get("staff")
    db = get_session()
    db.add(
        AuditEvent(
            action=action,
            participant_id=participant_id,
            actor_id=staff.id if staff else None,
        )
    )
    if commit:
        db.commit()
