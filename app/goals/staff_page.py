"""What the staff participant page and the goal form show of the goals: the order, the plan,
their history and who saved each change, for staff who may see them."""

from collections.abc import Iterable

from sqlmodel import select

from .. import access
from ..db import get_session
from ..models import Participant, StaffUser
from . import order, plan


def staff_goals(staff: StaffUser, person: Participant) -> dict | None:
    """The goals section of the staff participant page, or None for staff who may not see it."""
    if not access.may_see_goals(staff, person):
        return None
    current_plan = plan.plan_of(person.id)
    step_history = plan.history(person.id)
    versions = {p.goal.id: order.versions(p.goal) for p in current_plan.paths}
    return {
        "plan": current_plan,
        "step_history": step_history,
        "versions": versions,
        "names": staff_names(
            [change.changed_by_id for change, _step in step_history]
            + [v.created_by_id for wordings in versions.values() for v in wordings]
        ),
        "writes_goals": access.may_write_goals(staff, person),
        "writes_steps": access.may_write_steps(staff, person),
        "shows_feelings": access.sees_area(staff, person, "goal_comments"),
        "feelings_hidden": access.hidden_from(staff, person, "goal_comments"),
    }


def staff_names(staff_ids: Iterable[int | None]) -> dict[int, str]:
    """The name of each staff member who saved a change, by id (a removed account has none:
    the page shows a dash)."""
    wanted = {staff_id for staff_id in staff_ids if staff_id}
    if not wanted:
        return {}
    rows = get_session().exec(
        select(StaffUser.id, StaffUser.display_name).where(StaffUser.id.in_(wanted))
    )
    return dict(rows.all())
