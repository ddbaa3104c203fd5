"""The service's directory: units, staff and participants, as admins keep it."""

from sqlmodel import select

from .. import audit
from ..db import get_session, save_changes
from ..models import Participant, Role, StaffUser, Unit


def units() -> list[Unit]:
    return list(get_session().exec(select(Unit).order_by(Unit.name)).all())


def staff() -> list[StaffUser]:
    return list(get_session().exec(select(StaffUser).order_by(StaffUser.display_name)).all())


def case_officers() -> list[StaffUser]:
    return [s for s in staff() if s.role == Role.case_officer and s.active]


def participants() -> list[Participant]:
    return list(
        get_session()
        .exec(
            select(Participant)
            .where(Participant.anonymised_at.is_(None))
            .order_by(Participant.first_name, Participant.id)
        )
        .all()
    )


def unit_name_taken(name: str) -> bool:
    return get_session().exec(select(Unit).where(Unit.name == name.strip())).first() is not None


def create_unit(name: str, created_by: StaffUser) -> Unit:
    db = get_session()
    unit = Unit(name=name.strip(), created_by_id=created_by.id)
    db.add(unit)
    save_changes()
    return unit


def create_participant(
    first_name: str,
    language: str,
    unit_id: int,
    case_officer_id: int | None,
    pictogram: str | None,
    created_by: StaffUser | None,
) -> Participant:
    db = get_session()
    person = Participant(
        first_name=first_name.strip(),
        language=language,
        unit_id=unit_id,
        case_officer_id=case_officer_id,
        pictogram=pictogram,
        created_by_id=created_by.id if created_by else None,
    )
    db.add(person)
    db.flush()
    audit.record("participant.create", person.id)
    return person
