"""Interest in an alternative: "Jag vill veta mer", taking it back, and the case officer's
follow-up. Every change is kept: taking back sets `withdrawn_at`, follow-ups are new rows."""

from dataclasses import dataclass, field
from datetime import date

from flask import g
from sqlmodel import select

from ..db import get_session, one_change_at_a_time, save_changes
from ..i18n import lazy_gettext as _l
from ..models import Participant, StaffUser, utcnow
from .models import FOLLOW_UP_TEXT_MAX_LENGTH, Alternative, AlternativeInterest, InterestFollowUp

# What the case officer did. "referred" needs a few words: to whom.
FOLLOW_UP_KINDS = {
    "talked": _l("Vi har pratat"),
    "referred": _l("Skickat vidare till …"),
    "waiting": _l("Vi väntar med det"),
}


def _helper_id() -> int | None:
    login = g.get("login")
    return login.helper_id if login is not None else None


def open_interest(participant_id: int, alternative_id: int) -> AlternativeInterest | None:
    return (
        get_session()
        .exec(
            select(AlternativeInterest).where(
                AlternativeInterest.participant_id == participant_id,
                AlternativeInterest.alternative_id == alternative_id,
                AlternativeInterest.withdrawn_at.is_(None),
            )
        )
        .first()
    )


def want_to_know_more(participant: Participant, alternative: Alternative) -> AlternativeInterest:
    """Record "Jag vill veta mer". Asking again while the first is open stores nothing."""
    if alternative.hidden:
        raise ValueError(f"alternative {alternative.key!r} is hidden")
    db = get_session()
    one_change_at_a_time(Participant, participant.id)
    interest = open_interest(participant.id, alternative.id)
    if interest is None:
        interest = AlternativeInterest(
            participant_id=participant.id, alternative_id=alternative.id, helper_id=_helper_id()
        )
        db.add(interest)
    save_changes()
    return interest


def take_back(participant: Participant, alternative: Alternative) -> AlternativeInterest | None:
    """Take "Jag vill veta mer" back; the row stays, marked withdrawn. None when none was open."""
    db = get_session()
    one_change_at_a_time(Participant, participant.id)
    interest = open_interest(participant.id, alternative.id)
    if interest is not None:
        interest.withdrawn_at = utcnow()
        db.add(interest)
    save_changes()
    return interest


def follow_up(
    interest: AlternativeInterest, kind: str, text: str, day: date, staff: StaffUser
) -> InterestFollowUp:
    """The case officer marks an open interest followed up ("Vi har pratat", …) on a day."""
    if kind not in FOLLOW_UP_KINDS:
        raise ValueError(f"unknown follow-up {kind!r}")
    if interest.withdrawn_at is not None:
        raise ValueError("interest was taken back")
    text = (text or "").strip()
    if len(text) > FOLLOW_UP_TEXT_MAX_LENGTH:
        raise ValueError("text too long")
    row = InterestFollowUp(
        interest_id=interest.id, kind=kind, text=text, day=day, staff_id=staff.id
    )
    db = get_session()
    db.add(row)
    save_changes()
    return row


@dataclass
class InterestEntry:
    """An interest with its alternative and the follow-ups so far (oldest first)."""

    interest: AlternativeInterest
    alternative: Alternative
    follow_ups: list[InterestFollowUp] = field(default_factory=list)

    @property
    def followed_up(self) -> bool:
        return bool(self.follow_ups)

    @property
    def latest(self) -> InterestFollowUp | None:
        return self.follow_ups[-1] if self.follow_ups else None


def entries(participant_id: int, include_withdrawn: bool = False) -> list[InterestEntry]:
    """The participant's interests, newest first (for the brief: the open ones only)."""
    db = get_session()
    query = select(AlternativeInterest).where(AlternativeInterest.participant_id == participant_id)
    if not include_withdrawn:
        query = query.where(AlternativeInterest.withdrawn_at.is_(None))
    interests = db.exec(
        query.order_by(AlternativeInterest.created_at.desc(), AlternativeInterest.id.desc())
    ).all()
    result = []
    for interest in interests:
        follow_ups = db.exec(
            select(InterestFollowUp)
            .where(InterestFollowUp.interest_id == interest.id)
            .order_by(InterestFollowUp.day, InterestFollowUp.id)
        ).all()
        result.append(
            InterestEntry(interest, db.get(Alternative, interest.alternative_id), list(follow_ups))
        )
    return result


def waiting_count(participant_id: int) -> int:
    """Open interests nobody has followed up yet: the caseload's "Vill veta mer" flag."""
    return sum(1 for entry in entries(participant_id) if not entry.followed_up)


def case_officer_name(participant: Participant) -> str | None:
    """The first name of the participant's case officer, for "Karin hör av sig"."""
    if participant.case_officer_id is None:
        return None
    staff = get_session().get(StaffUser, participant.case_officer_id)
    if staff is None or not staff.active or not staff.display_name.strip():
        return None
    return staff.display_name.split()[0]
