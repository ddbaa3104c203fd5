"""Server-side login sessions for staff and participants.

The browser's signed cookie carries only a random secret; the row here says who it belongs to,
so any login can be ended from the server (logout, a revoked card, a deactivated account).
"""

import hashlib
import secrets
from datetime import datetime, timedelta
from typing import NamedTuple

from flask import current_app, g, request, session
from sqlalchemy import bindparam, update
from sqlmodel import select

from .db import get_session, row_type, save_changes
from .models import LoginSession, Participant, StaffUser, utcnow

# Writing last_seen on every request would make each page a write; once a minute is enough.
_TOUCH_EVERY = timedelta(minutes=1)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start(*, staff=None, participant=None, card=None, helper=None) -> LoginSession:
    """Log this browser in, replacing whatever login it had (a fresh secret every time)."""
    end_current()
    token = secrets.token_urlsafe(32)
    login = LoginSession(
        token_hash=token_hash(token),
        staff_id=staff.id if staff else None,
        participant_id=participant.id if participant else None,
        card_id=card.id if card else None,
        helper_id=helper.id if helper else None,
    )
    get_session().add(login)
    save_changes()
    _forget_all_but_language()
    session["login"] = token
    session.permanent = False
    # Whatever the phone kept for an earlier login goes (see web.security_headers).
    g.login_ended = True
    return login


def end_current() -> None:
    """Log this browser out and forget its cookie."""
    login = g.get("login")
    if login is not None:
        _change(login, ended_at=utcnow())
        g.login_ended = True
    g.login = g.staff = g.participant = None
    _forget_all_but_language()


def _forget_all_but_language() -> None:
    """A new or ended login starts a clean session; the language this browser speaks stays."""
    language = session.get("lang")
    session.clear()
    if language:
        session["lang"] = language


def end_for_participant(participant_id: int) -> int:
    """End every open login of a participant, e.g. when their card is revoked."""
    return _end_where(LoginSession.participant_id == participant_id)


def _end_where(condition) -> int:
    db = get_session()
    open_logins = db.exec(
        select(LoginSession).where(condition, LoginSession.ended_at.is_(None))
    ).all()
    for login in open_logins:
        login.ended_at = utcnow()
        db.add(login)
    return len(open_logins)


class Login(NamedTuple):
    """This browser's login as read at the start of the request (see `load`)."""

    id: int
    staff_id: int | None
    participant_id: int | None
    card_id: int | None
    helper_id: int | None  # the supervisor who handed their device over, if any
    created_at: datetime
    last_seen_at: datetime


# The logged-in participant as read at the start of the request: every participant page reads
# it, few change it (`participant_to_change`).
ParticipantRow = row_type(Participant)

# Built once, as every request asks it: the login's columns, then its participant's (None for
# staff). Read as plain rows, as every request reads them: see `db.row_type`.
_WHO_IS_LOGGED_IN = (
    select(
        *(LoginSession.__table__.c[name] for name in Login._fields),
        *Participant.__table__.columns,
    )
    .outerjoin(Participant, Participant.id == LoginSession.participant_id)
    .where(LoginSession.token_hash == bindparam("token_hash"), LoginSession.ended_at.is_(None))
)
_PARTICIPANT_FROM = len(Login._fields)  # where the participant's columns start in that row


def load() -> None:
    """Before each request: find who is logged in, ending logins that have run out."""
    g.login = g.staff = g.participant = None
    token = session.get("login")
    # Styles, scripts and pictures are nobody's: they need no login, and no database while it
    # is away.
    if not token or request.endpoint == "static":
        return
    found = (
        get_session()
        .connection()
        .execute(_WHO_IS_LOGGED_IN, {"token_hash": token_hash(token)})
        .first()
    )
    if found is None:
        session.clear()
        g.login_ended = True
        return
    login = Login._make(found[:_PARTICIPANT_FROM])
    person = _active_staff(login.staff_id) if login.staff_id else _participant(found)
    now = utcnow()
    if person is None or _expired(login, now):
        _change(login, ended_at=now)
        session.clear()
        g.login_ended = True
        return
    if now - login.last_seen_at > _TOUCH_EVERY:
        _change(login, last_seen_at=now)
    g.login = login
    if login.staff_id:
        g.staff = person
    else:
        g.participant = person


def _participant(found) -> ParticipantRow | None:
    columns = found[_PARTICIPANT_FROM:]
    return ParticipantRow._make(columns) if columns[0] is not None else None


def participant_to_change() -> Participant:
    """The logged-in participant as a record to change and save. From here on the rest of the
    request reads this record, so it shows the change."""
    g.participant = get_session().get(Participant, g.participant.id)
    return g.participant


def _active_staff(staff_id: int) -> StaffUser | None:
    staff = get_session().get(StaffUser, staff_id)
    return staff if staff is not None and staff.active else None


def _change(login: Login, **values) -> None:
    """Saved with the page's changes; in `load`, before the page runs, at once (`db.save_changes`),
    so that a refused page still ends a login that ran out."""
    get_session().exec(update(LoginSession).where(LoginSession.id == login.id).values(**values))
    save_changes()


def _expired(login: Login, now) -> bool:
    """Every login ends when idle too long, and in any case after its longest time."""
    config = current_app.config
    if login.staff_id:
        longest = timedelta(hours=config["STAFF_MAX_HOURS"])
        idle = timedelta(minutes=config["STAFF_IDLE_MINUTES"])
    elif login.helper_id:
        # A supervisor's device lent for the check-in: a short time, whatever happens.
        longest = timedelta(minutes=config["HAND_OVER_MAX_MINUTES"])
        idle = longest
    else:
        longest = timedelta(days=config["PARTICIPANT_MAX_DAYS"])
        idle = timedelta(minutes=config["PARTICIPANT_IDLE_MINUTES"])
    return now - login.created_at > longest or now - login.last_seen_at > idle
