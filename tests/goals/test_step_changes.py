"""Supervisors own their plan: they change and remove steps; the plan's history shows both;
a supervisor at another unit, and the case officer, cannot."""

import pytest
from sqlmodel import select

from app.goals.models import GoalStep, StepChange
from app.models import AuditEvent
from tests.conftest import page
from tests.goals.helpers import goal_rows, make_goal


def edit(client, step_id, **data):
    form = {"what": "Ringa kaféet", "who": "me", "due": "2099-01-01", **data}
    return client.post(f"/personal/mal/steg/{step_id}/andra", data=form)


@pytest.fixture
def two_steps(db, people):
    first = make_goal(db, people["anna"].id, people["karin"].id)
    second = make_goal(db, people["anna"].id, people["karin"].id, easy_text="Jag vill åka buss.")
    return first, second


def test_supervisor_edits_one_step_and_removes_another_the_history_shows_both(
    client, db, people, two_steps, login_as, login_participant
):
    first, second = two_steps
    sara = people["sara"]
    login_as(client, sara)
    soup = page(client.get(f"/personal/mal/steg/{first['step']}/andra"))
    assert soup.select_one("#what")["value"] == "Besöka kaféet."
    assert soup.select_one("#goal option[selected]")["value"] == str(first["goal"])

    assert (
        edit(
            client, first["step"], goal=str(first["goal"]), what="Besöka kaféet med Sara."
        ).status_code
        == 303
    )
    assert client.post(f"/personal/mal/steg/{second['step']}/ta-bort").status_code == 303

    db.expire_all()
    changed = db.get(GoalStep, first["step"])
    assert changed.what == "Besöka kaféet med Sara." and changed.due.isoformat() == "2099-01-01"
    removed = db.get(GoalStep, second["step"])
    assert removed.removed_at is not None and removed.removed_by_id == sara.id
    history = db.exec(select(StepChange).order_by(StepChange.id)).all()
    assert [(h.step_id, h.action, h.what, h.changed_by_id) for h in history] == [
        (first["step"], "edit", "Besöka kaféet.", sara.id),
        (second["step"], "remove", "Besöka kaféet.", sara.id),
    ]
    actions = db.exec(select(AuditEvent.action).where(AuditEvent.action.like("goal.step_%"))).all()
    assert {"goal.step_edit", "goal.step_remove"} <= set(actions)

    soup = page(client.get(f"/personal/deltagare/{people['anna'].id}"))
    lines = [li.get_text(" ", strip=True) for li in soup.select("#step-history li")]
    assert lines[0].startswith("Borttaget: Besöka kaféet.")
    assert lines[1].startswith("Ändrat: Besöka kaféet.") and "→ Besöka kaféet med Sara." in lines[1]
    assert all(sara.display_name in line for line in lines)
    table_steps = [td.get_text(strip=True) for td in soup.select(".step-row td:first-child")]
    assert table_steps == ["Besöka kaféet med Sara."]

    # Anna no longer sees the removed step, nor can she mark it done.
    login_participant(client, people["anna"])
    assert client.get(f"/mina-mal/{second['goal']}").status_code == 200
    assert "Besöka kaféet." not in page(client.get(f"/mina-mal/{second['goal']}")).get_text()
    assert client.get(f"/mina-mal/steg/{second['step']}/klart").status_code == 404


def test_saving_the_same_step_again_keeps_no_history(client, db, people, two_steps, login_as):
    first, _second = two_steps
    login_as(client, people["sara"])
    step = db.get(GoalStep, first["step"])
    edit(client, first["step"], goal=str(first["goal"]), what=step.what, due=step.due.isoformat())
    assert db.exec(select(StepChange)).all() == []


def test_bad_input_keeps_what_was_typed(client, db, people, two_steps, login_as):
    first, _second = two_steps
    login_as(client, people["sara"])
    before = goal_rows(db)
    soup = page(edit(client, first["step"], goal=str(first["goal"]), what="x" * 201, due=""), 422)
    assert soup.select_one("#what")["value"] == "x" * 201
    assert soup.select_one("#due-error")
    assert goal_rows(db) == before


@pytest.mark.parametrize("who", ["other_supervisor", "karin"])
def test_another_units_supervisor_and_the_case_officer_cannot(
    client, db, people, two_steps, login_as, make_unit, make_staff, who
):
    first, second = two_steps
    staff = (
        people["karin"]
        if who == "karin"
        else make_staff("supervisor", units=[make_unit("Tvätteriet")])
    )
    login_as(client, staff)
    assert edit(client, first["step"], goal=str(first["goal"]), what="Något annat").status_code in (
        403,
        404,
    )
    assert client.post(f"/personal/mal/steg/{second['step']}/ta-bort").status_code in (403, 404)
    db.expire_all()
    assert db.get(GoalStep, first["step"]).what == "Besöka kaféet."
    assert db.get(GoalStep, second["step"]).removed_at is None
    assert db.exec(select(StepChange)).all() == []
