"""The audit log: every time staff look at or change a participant's data, every failed login
and every refused page. Rows are only ever added: the app never changes or deletes one."""

from flask import g, has_request_context, request
from sqlalchemy import event
from sqlmodel import Session

from .db import get_session
from .models import AuditEvent, Participant


def record(
    action: str,
    participant_id: int | None = None,
    *,
    commit: bool = True,
    outcome: str | None = None,
    detail: str | None = None,
    actor_id: int | None = None,
    account_id: int | None = None,
) -> None:
    """Write who (the logged-in staff member) did `action` to whose data, or to which staff
    account (`account_id`). Never the data, never a password or code."""
    staff = g.get("staff")
    db = get_session()
    db.add(
        AuditEvent(
            action=action,
            participant_id=participant_id,
            actor_id=actor_id if actor_id is not None else staff.id if staff else None,
            outcome=outcome,
            detail=detail,
            source=request.remote_addr if has_request_context() else None,
            account_id=account_id,
        )
    )
    if commit:
        db.commit()


def login_failed(account_id: int | None, detail: str | None = None) -> None:
    """A wrong username, password or code, or a refused single sign-on. The account tried is
    named when it exists; nothing typed is kept."""
    record(
        "staff.login_failed",
        outcome="failed",
        actor_id=account_id,
        detail=detail or (None if account_id else "unknown username"),
    )


def refused(status: int) -> None:
    """A page of the app was refused (403) or not found for this person (404): who, which page
    and whose record when the address names a participant. Never the address itself, which
    may hold a card's secret."""
    if request.url_rule is None or request.endpoint == "static":
        return
    db = get_session()
    # Whatever the refused request had started must not be saved with the log row.
    db.rollback()
    participant_id = (request.view_args or {}).get("participant_id")
    if not isinstance(participant_id, int) or db.get(Participant, participant_id) is None:
        participant_id = None
    who = "participant" if g.get("participant") is not None else None
    detail = " ".join(filter(None, [str(status), request.method, request.endpoint, who]))
    record("access.refused", participant_id, outcome="refused", detail=detail[:120])


def _append_only(session, _context, _instances) -> None:
    for row in (*session.dirty, *session.deleted):
        if isinstance(row, AuditEvent):
            raise PermissionError("The audit log is append-only.")


event.listen(Session, "before_flush", _append_only)
