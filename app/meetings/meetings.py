"""Follow-up meetings: scheduling, when the check-in opens, and marking a meeting held."""

from datetime import datetime, timedelta
from typing import NamedTuple

from flask import current_app, g
from flask_babel import format_date, format_time
from sqlalchemy import bindparam
from sqlmodel import select

from .. import audit
from ..checkins.models import CheckIn
from ..db import get_session, row_type
from ..goals.order import an_active_goal
from ..models import Participant, utcnow
from .models import FollowUp


def schedule(participant: Participant, starts_at: datetime, place: str, remote: bool) -> FollowUp:
    """Book a follow-up meeting; its check-in opens some days before."""
    db = get_session()
    meeting = FollowUp(
        participant_id=participant.id,
        starts_at=starts_at,
        place=place.strip(),
        remote=remote,
        created_by_id=g.staff.id,
    )
    db.add(meeting)
    audit.record("meeting.schedule", participant.id)
    return meeting


def opens_at(meeting: FollowUp) -> datetime:
    return meeting.starts_at - timedelta(days=current_app.config["CHECKIN_OPENS_DAYS_BEFORE"])


def is_open(meeting: FollowUp, now: datetime | None = None) -> bool:
    """A check-in is open from some days before the meeting until the meeting is marked held."""
    return meeting.held_at is None and (now or utcnow()) >= opens_at(meeting)


# Meetings and check-ins as every check-in page reads them (see `db.row_type`).
MeetingRow = row_type(FollowUp)
CheckInRow = row_type(CheckIn)


class OpenCheckIn(NamedTuple):
    """A meeting not yet held, with what every check-in page needs beside it."""

    meeting: MeetingRow
    check_in: CheckInRow | CheckIn | None  # None until the check-in is first opened
    has_goals: bool  # the order has an active goal: "How are your goals going?" is asked


def not_held(participant_id: int) -> list[MeetingRow]:
    return [found.meeting for found in _not_held(participant_id)]


# Built once: every check-in page asks it. The meeting's columns, its check-in's, then whether
# the order has an active goal.
_NOT_HELD = (
    select(
        *FollowUp.__table__.columns,
        *CheckIn.__table__.columns,
        an_active_goal(FollowUp.participant_id),
    )
    .outerjoin(CheckIn, CheckIn.follow_up_id == FollowUp.id)
    .where(FollowUp.participant_id == bindparam("participant_id"), FollowUp.held_at.is_(None))
    .order_by(FollowUp.starts_at, FollowUp.id)
)
_CHECK_IN_FROM = len(MeetingRow._fields)
_GOALS_AT = _CHECK_IN_FROM + len(CheckInRow._fields)


def _not_held(participant_id: int) -> list[OpenCheckIn]:
    rows = get_session().connection().execute(_NOT_HELD, {"participant_id": participant_id})
    return [
        OpenCheckIn(
            MeetingRow._make(row[:_CHECK_IN_FROM]),
            CheckInRow._make(row[_CHECK_IN_FROM:_GOALS_AT])
            if row[_CHECK_IN_FROM] is not None
            else None,
            bool(row[_GOALS_AT]),
        )
        for row in rows
    ]


def open_with_check_in(participant_id: int) -> OpenCheckIn | None:
    """The meeting whose check-in the participant can answer now (the earliest), read in one
    query with its check-in and whether the order has an active goal."""
    now = utcnow()
    return next((found for found in _not_held(participant_id) if is_open(found.meeting, now)), None)


def open_meeting(participant_id: int) -> MeetingRow | None:
    """The meeting whose check-in the participant can answer now, if any (the earliest)."""
    found = open_with_check_in(participant_id)
    return found.meeting if found else None


def of_participant(participant_id: int) -> list[FollowUp]:
    """All meetings, latest first: earlier check-ins stay readable."""
    return list(
        get_session()
        .exec(
            select(FollowUp)
            .where(FollowUp.participant_id == participant_id)
            .order_by(FollowUp.starts_at.desc(), FollowUp.id.desc())
        )
        .all()
    )


def mark_held(meeting: FollowUp, agreed: str) -> None:
    """The meeting took place: close its check-in and note in one line what was agreed."""
    meeting.held_at = utcnow()
    meeting.held_by_id = g.staff.id
    meeting.agreed = agreed.strip()
    db = get_session()
    db.add(meeting)
    audit.record("meeting.held", meeting.participant_id)


def last_held(participant_id: int, before: datetime | None = None) -> FollowUp | None:
    """The latest meeting that took place (before a given time): "since the last follow-up"."""
    query = select(FollowUp).where(
        FollowUp.participant_id == participant_id, FollowUp.held_at.is_not(None)
    )
    if before is not None:
        query = query.where(FollowUp.starts_at < before)
    return get_session().exec(query.order_by(FollowUp.held_at.desc())).first()


def meeting_when(meeting) -> dict:
    """When the meeting is, as a person says it aloud: "måndag 30 november", "klockan 10.00"."""
    return {
        "day": format_date(meeting.starts_at, "EEEE d MMMM"),
        "day_number": format_date(meeting.starts_at, "d"),
        "month": format_date(meeting.starts_at, "MMMM"),
        "time": format_time(meeting.starts_at, "HH:mm"),
    }
