"""What a participant shares with the supervisors of their unit, and who may see what.

The case officer (the municipality) always sees the participant's own answers: it is their
job to follow up the support. The supervisor works for the provider, another organisation,
and sees check-in answers, wishes and how steps went only while the participant says yes.
"""

from dataclasses import dataclass

from flask import g
from sqlmodel import select

from ..access import unit_ids
from ..db import get_session
from ..i18n import lazy_gettext as _l
from ..models import Participant, Role, StaffUser
from .models import ConsentEvent


@dataclass(frozen=True)
class Area:
    key: str
    # What the participant reads.
    label: str
    # What staff read.
    staff_label: str
    pictogram: str


AREAS = [
    Area(
        "checkins",
        _l("Min handledare får se mina svar inför mötet"),
        _l("Svar inför mötet"),
        "checkin",
    ),
    Area("wishes", _l("Min handledare får se mina önskemål"), _l("Önskemål"), "wishes"),
    Area(
        "goal_comments",
        _l("Min handledare får se hur det gick med mina steg"),
        _l("Hur stegen gick"),
        "goals",
    ),
]
AREA_BY_KEY = {area.key: area for area in AREAS}


def current(participant_id: int) -> dict[str, bool]:
    """The participant's answer per area now: the newest yes or no; no answer means no."""
    rows = get_session().exec(
        select(ConsentEvent)
        .where(ConsentEvent.participant_id == participant_id)
        .order_by(ConsentEvent.at, ConsentEvent.id)
    )
    answers = {area.key: False for area in AREAS}
    for row in rows:
        answers[row.area] = row.given
    return answers


def history(participant_id: int) -> list[ConsentEvent]:
    """Every yes and no the participant has given, newest first."""
    return list(
        get_session()
        .exec(
            select(ConsentEvent)
            .where(ConsentEvent.participant_id == participant_id)
            .order_by(ConsentEvent.at.desc(), ConsentEvent.id.desc())
        )
        .all()
    )


def choose(participant: Participant, area: str, given: bool) -> bool:
    """Record the participant's yes or no for one area at once. Saying the same again adds
    nothing. Returns whether the answer changed."""
    if area not in AREA_BY_KEY:
        raise ValueError(f"unknown area {area!r}")
    if current(participant.id)[area] == given:
        return False
    login = g.get("login")
    db = get_session()
    db.add(
        ConsentEvent(
            participant_id=participant.id,
            area=area,
            given=given,
            helper_id=login.helper_id if login is not None else None,
        )
    )
    db.commit()
    return True


def is_supervisor_of(staff: StaffUser, participant: Participant) -> bool:
    return staff.role == Role.supervisor and participant.unit_id in unit_ids(staff)


def staff_sees(staff: StaffUser, participant: Participant, area: str) -> bool:
    """The participant's own case officer always; a supervisor of their unit with consent."""
    if staff.role == Role.case_officer:
        return participant.case_officer_id == staff.id
    if is_supervisor_of(staff, participant):
        return current(participant.id)[area]
    return False


def hidden_from(staff: StaffUser, participant: Participant, area: str) -> bool:
    """A supervisor of the participant's unit who would see this area with consent, but not now."""
    return is_supervisor_of(staff, participant) and not current(participant.id)[area]
