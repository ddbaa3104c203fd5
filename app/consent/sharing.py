"""What a participant shares with the supervisors of their unit (who may see it: app.access).

The case officer (the municipality) always sees the participant's own answers: it is their
job to follow up the support. The supervisor works for the provider, another organisation,
and sees check-in answers, wishes and how steps went only while the participant says yes.
"""

from flask import g
from sqlmodel import select

from ..db import get_session, save_changes
from ..i18n import lazy_gettext as _l
from ..models import Participant
from ..options import StaffWordedOption, by_key
from .models import ConsentEvent

# What may be shared: the participant reads `label`, staff read `staff_label`.
AREAS = [
    StaffWordedOption(
        "checkins",
        _l("Min handledare får se mina svar inför mötet"),
        "checkin",
        staff_label=_l("Svar inför mötet"),
    ),
    StaffWordedOption(
        "wishes", _l("Min handledare får se mina önskemål"), "wishes", staff_label=_l("Önskemål")
    ),
    StaffWordedOption(
        "goal_comments",
        _l("Min handledare får se hur det gick med mina steg"),
        "goals",
        staff_label=_l("Hur stegen gick"),
    ),
]
AREA_BY_KEY = by_key(AREAS)


def current(person: Participant) -> dict[str, bool]:
    """The participant's answer per area for their unit now: the newest yes or no given to
    that unit. Consent is given to a provider unit: after a move nothing is shared with the new
    unit until the participant says yes there; no answer means no."""
    rows = get_session().exec(
        select(ConsentEvent.area, ConsentEvent.given)
        .where(
            ConsentEvent.participant_id == person.id,
            ConsentEvent.unit_id == person.unit_id,
            ConsentEvent.shared_with == "supervisor",
        )
        .order_by(ConsentEvent.at, ConsentEvent.id)
    )
    answers = {area.key: False for area in AREAS}
    for area, given in rows:
        answers[area] = given
    return answers


def asked_again(person: Participant) -> bool:
    """The participant said yes to an earlier unit and has not answered at this one: after a
    move, "Vem får se?" asks again (and until then the answer is no)."""
    db = get_session()
    here = db.exec(
        select(ConsentEvent.id).where(
            ConsentEvent.participant_id == person.id,
            ConsentEvent.unit_id == person.unit_id,
            ConsentEvent.shared_with == "supervisor",
        )
    ).first()
    if here is not None:
        return False
    before = db.exec(
        select(ConsentEvent.id).where(
            ConsentEvent.participant_id == person.id,
            ConsentEvent.unit_id != person.unit_id,
            ConsentEvent.given.is_(True),
            ConsentEvent.shared_with == "supervisor",
        )
    ).first()
    return before is not None


# What a support person may be shown: the step's check-ins and the wishes.
SUPPORT_AREAS = [
    StaffWordedOption(
        "checkins",
        _l("Min stödperson får se mina svar om jobbet"),
        "checkin",
        staff_label=_l("Svar om nya steget"),
    ),
    StaffWordedOption(
        "wishes", _l("Min stödperson får se mina önskemål"), "wishes", staff_label=_l("Önskemål")
    ),
]


def _support_rows(person: Participant, support_person_id: int):
    return (
        get_session()
        .exec(
            select(ConsentEvent.area, ConsentEvent.given)
            .where(
                ConsentEvent.participant_id == person.id,
                ConsentEvent.shared_with == "support_person",
                ConsentEvent.support_person_id == support_person_id,
            )
            .order_by(ConsentEvent.at, ConsentEvent.id)
        )
        .all()
    )


def current_for_support(person: Participant, support_person) -> dict[str, bool]:
    """The participant's answer per area for this support person: asked again for each new
    person, and no until the participant says yes."""
    answers = {area.key: False for area in SUPPORT_AREAS}
    for area, given in _support_rows(person, support_person.id):
        answers[area] = given
    return answers


def asked_for_support(person: Participant, support_person) -> bool:
    """The participant has answered "Vem får se?" for this support person."""
    return bool(_support_rows(person, support_person.id))


def choose_for_support(participant: Participant, support_person, area: str, given: bool) -> bool:
    """Record the participant's yes or no for one area, to this support person, at once."""
    if area not in {a.key for a in SUPPORT_AREAS}:
        raise ValueError(f"unknown area {area!r}")
    if asked_for_support(participant, support_person) and (
        current_for_support(participant, support_person)[area] == given
    ):
        return False
    db = get_session()
    db.add(
        ConsentEvent(
            participant_id=participant.id,
            unit_id=participant.unit_id,
            area=area,
            given=given,
            shared_with="support_person",
            support_person_id=support_person.id,
        )
    )
    save_changes()
    return True


def history(participant_id: int) -> list[ConsentEvent]:
    """Every yes and no the participant has given, to every unit, newest first."""
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
    """Record the participant's yes or no for one area, to their unit now, at once. Saying the
    same again adds nothing. Returns whether the answer changed."""
    if area not in AREA_BY_KEY:
        raise ValueError(f"unknown area {area!r}")
    if current(participant)[area] == given:
        return False
    login = g.get("login")
    db = get_session()
    db.add(
        ConsentEvent(
            participant_id=participant.id,
            unit_id=participant.unit_id,
            area=area,
            given=given,
            helper_id=login.helper_id if login is not None else None,
        )
    )
    save_changes()
    return True
