"""The audit log: every time staff look at or change a participant's data, every failed login
and every refused page. Rows are only ever added: the app never deletes one, and changes only
one thing, the count of a refused page asked for again (see `refused`)."""

from datetime import timedelta

from flask import g, has_request_context, request
from sqlalchemy import event, insert, update
from sqlmodel import Session, select

from .db import get_session, save_changes
from .models import AuditEvent, Participant, utcnow


def record(
    action: str,
    participant_id: int | None = None,
    *,
    outcome: str | None = None,
    detail: str | None = None,
    actor_id: int | None = None,
    account_id: int | None = None,
) -> None:
    """Write who (the logged-in staff member, or the supervisor whose device was handed over)
    did `action` to whose data, or to which staff account (`account_id`). Never the data, never
    a password or code. Saved with what the page changed (see `db.save_changes`); a failure
    (`outcome="failed"`: a wrong password or code) is saved though its page is refused."""
    get_session().add(_event(action, participant_id, outcome, detail, actor_id, account_id))
    save_changes(even_if_refused=outcome == "failed")


def record_many(action: str, participant_ids: list[int], detail: str | None = None) -> None:
    """The same action on many participants (an import of thousands), in one statement of
    the current transaction: one row each, as `record` writes it."""
    if not participant_ids:
        return
    rows = [
        {
            "at": utcnow(),
            "action": action,
            "participant_id": participant_id,
            "actor_id": acting_staff_id(),
            "detail": detail,
            "source": request.remote_addr if has_request_context() else None,
            "repeats": 1,
        }
        for participant_id in participant_ids
    ]
    get_session().execute(insert(AuditEvent), rows)


def _event(
    action, participant_id=None, outcome=None, detail=None, actor_id=None, account_id=None
) -> AuditEvent:
    return AuditEvent(
        action=action,
        participant_id=participant_id,
        actor_id=actor_id if actor_id is not None else acting_staff_id(),
        outcome=outcome,
        detail=detail,
        source=request.remote_addr if has_request_context() else None,
        account_id=account_id,
    )


def acting_staff_id() -> int | None:
    """The staff member behind this request: logged in, or helping on their own device."""
    staff = g.get("staff")
    if staff is not None:
        return staff.id
    login = g.get("login")
    return login.helper_id if login is not None else None


def shown(participant_ids, action: str = "list.view") -> None:
    """A page listed these participants (names, flags): one row for each, written together, so
    each participant's report shows who saw them in a list, and which list (the page's name)."""
    ids = sorted(set(participant_ids))
    if not ids:
        return
    get_session().add_all([_event(action, pid, detail=request.endpoint) for pid in ids])
    save_changes()


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
    may hold a card's secret. Added to the session: `web.refuse` commits it alone."""
    if request.url_rule is None or request.endpoint == "static":
        return
    db = get_session()
    participant_id = (request.view_args or {}).get("participant_id")
    if not isinstance(participant_id, int) or db.get(Participant, participant_id) is None:
        participant_id = None
    who = None
    if g.get("participant") is not None:
        who = "hand-over" if g.login.helper_id is not None else "participant"
    detail = " ".join(filter(None, [str(status), request.method, request.endpoint, who]))[:120]
    row = _event("access.refused", participant_id, "refused", detail)
    same = db.exec(
        select(AuditEvent.id)
        .where(
            AuditEvent.action == row.action,
            AuditEvent.at > row.at - REPEATS_WITHIN,
            _same(AuditEvent.actor_id, row.actor_id),
            _same(AuditEvent.participant_id, row.participant_id),
            _same(AuditEvent.source, row.source),
            _same(AuditEvent.detail, row.detail),
        )
        .order_by(AuditEvent.id.desc())
    ).first()
    if same is None:
        db.add(row)
    else:
        # The only change ever made to a log row: one more of the same refusal, counted.
        db.exec(
            update(AuditEvent).where(AuditEvent.id == same).values(repeats=AuditEvent.repeats + 1)
        )


# The same refused page, by the same person from the same address, within this time is one row
# with a count: a script that tries ten thousand addresses cannot fill the log.
REPEATS_WITHIN = timedelta(minutes=10)


def _same(column, value):
    return column.is_(None) if value is None else column == value


def _append_only(session, _context, _instances) -> None:
    for row in (*session.dirty, *session.deleted):
        if isinstance(row, AuditEvent):
            raise PermissionError("The audit log is append-only.")


event.listen(Session, "before_flush", _append_only)
