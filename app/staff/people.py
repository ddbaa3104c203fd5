"""The participants a staff member works with."""

from sqlmodel import select

from ..access import unit_ids
from ..db import get_session
from ..models import Participant, Role, StaffUser, Unit


def units_of(staff: StaffUser) -> list[Unit]:
    ids = unit_ids(staff)
    if not ids:
        return []
    return list(get_session().exec(select(Unit).where(Unit.id.in_(ids)).order_by(Unit.name)).all())


def participants_at(unit_id: int) -> list[Participant]:
    return list(
        get_session()
        .exec(
            select(Participant)
            .where(Participant.unit_id == unit_id, Participant.ended_at.is_(None))
            .order_by(Participant.first_name, Participant.id)
        )
        .all()
    )


def unit_for_supervisor(staff: StaffUser, unit_id: int) -> Unit | None:
    if staff.role != Role.supervisor or unit_id not in unit_ids(staff):
        return None
    return get_session().get(Unit, unit_id)
