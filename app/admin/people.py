"""Changing staff accounts and participants: roles, units, caseloads, and ending.

A deactivated account and an ended participant lose every open login at once, not at the
next timeout: their rows in login_session are ended in the same transaction.
"""

from dataclasses import dataclass

from sqlmodel import delete, or_, select

from .. import audit, logins
from ..card_login import cards
from ..db import get_session
from ..models import EndReason, LoginSession, Participant, Role, StaffUnit, StaffUser, utcnow


@dataclass(frozen=True)
class StaffChange:
    display_name: str
    role: Role
    active: bool
    unit_ids: list[int]
    sso_subject: str | None = None


@dataclass(frozen=True)
class ParticipantChange:
    first_name: str
    language: str
    unit_id: int
    case_officer_id: int | None
    gender: str | None


def unit_ids_of(staff: StaffUser) -> list[int]:
    return list(
        get_session().exec(select(StaffUnit.unit_id).where(StaffUnit.staff_id == staff.id)).all()
    )


def update_staff(staff: StaffUser, change: StaffChange, by: StaffUser) -> None:
    """Save a staff account's name, role, units and whether it may log in."""
    db = get_session()
    was_active = staff.active
    if staff.role != change.role:
        audit.record("staff.role_change", account_id=staff.id, detail=f"role {change.role}")
    staff.display_name = change.display_name.strip()
    staff.role = change.role
    staff.active = change.active
    staff.sso_subject = change.sso_subject
    db.add(staff)
    wanted = set(change.unit_ids) if change.role == Role.supervisor else set()
    current = set(unit_ids_of(staff))
    if current - wanted:
        db.exec(
            delete(StaffUnit).where(
                StaffUnit.staff_id == staff.id, StaffUnit.unit_id.in_(current - wanted)
            )
        )
    for unit_id in sorted(wanted - current):
        db.add(StaffUnit(staff_id=staff.id, unit_id=unit_id, created_by_id=by.id))
    if was_active and not staff.active:
        end_logins_of_staff(staff)
        audit.record("staff.deactivate", account_id=staff.id)
    audit.record("staff.edit", account_id=staff.id)


def end_logins_of_staff(staff: StaffUser) -> int:
    """End the account's own logins and any participant login handed over on its devices."""
    db = get_session()
    open_logins = db.exec(
        select(LoginSession).where(
            or_(LoginSession.staff_id == staff.id, LoginSession.helper_id == staff.id),
            LoginSession.ended_at.is_(None),
        )
    ).all()
    for login in open_logins:
        login.ended_at = utcnow()
        db.add(login)
    return len(open_logins)


def update_participant(person: Participant, change: ParticipantChange) -> None:
    """Save a participant's details; a move to another unit or case officer is logged as such."""
    db = get_session()
    if person.unit_id != change.unit_id:
        audit.record("participant.move_unit", person.id)
    if person.case_officer_id != change.case_officer_id:
        audit.record("participant.move_case_officer", person.id)
    person.first_name = change.first_name.strip()
    person.language = change.language
    person.unit_id = change.unit_id
    person.case_officer_id = change.case_officer_id
    person.gender = change.gender
    db.add(person)
    audit.record("participant.edit", person.id)


def end_participant(person: Participant, reason: EndReason, by: StaffUser) -> None:
    """The person leaves the service: cards stop, logins end, the record stays until deletion."""
    db = get_session()
    person.ended_at = utcnow()
    person.end_reason = reason
    person.ended_by_id = by.id
    db.add(person)
    for card in cards.active_cards(person.id):
        cards.revoke(card)
    logins.end_for_participant(person.id)
    audit.record("participant.end", person.id)
