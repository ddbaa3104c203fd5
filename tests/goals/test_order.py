"""The case officer writes goals: SMART prompts, bad input, versions and optimistic locking."""

import pytest
from sqlmodel import select

from app.goals.models import Goal, GoalVersion
from tests.conftest import page
from tests.goals.helpers import GOAL_FORM, goal_rows


def test_case_officer_writes_a_goal(client, db, people, login_as):
    login_as(client, people["karin"])
    soup = page(client.get(f"/personal/deltagare/{people['anna'].id}/mal/nytt"))
    assert soup.h1.get_text(strip=True) == "Nytt mål för Anna"
    labels = [label.get_text(strip=True) for label in soup.select("label")]
    assert "Hur vet vi att målet är nått?" in labels
    assert "När ska målet vara nått?" in labels
    response = client.post(f"/personal/deltagare/{people['anna'].id}/mal/nytt", data=GOAL_FORM)
    assert response.status_code == 303
    assert response.headers["Location"] == f"/personal/deltagare/{people['anna'].id}#goals"
    goal = db.exec(select(Goal)).one()
    version = db.exec(select(GoalVersion)).one()
    assert (goal.participant_id, goal.version, goal.created_by_id) == (
        people["anna"].id, 1, people["karin"].id,
    )  # fmt: skip
    assert version.easy_text == GOAL_FORM["easy_text"]
    assert version.sub_goals == ["Lära sig kassan", "Åka buss själv"]
    assert version.due.isoformat() == "2099-06-01"
    soup = page(client.get(f"/personal/deltagare/{people['anna'].id}"))
    section = soup.select_one("#goals")
    assert GOAL_FORM["easy_text"] in section.get_text()
    assert section.select_one(".flag-goal-without-steps"), "a goal without steps is flagged"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"easy_text": ""}, "easy_text"),
        ({"easy_text": "x" * 201}, "easy_text"),
        ({"formal_text": "  "}, "formal_text"),
        ({"measure": ""}, "measure"),
        ({"due": "2020-01-01"}, "due"),
        ({"due": "not a date"}, "due"),
        ({"pictogram": "no_such_picture"}, "pictogram"),
        ({"sub_goals": "\n".join(f"delmål {n}" for n in range(11))}, "sub_goals"),
    ],
)
def test_bad_goal_input_is_refused_with_the_input_kept(client, db, people, login_as, change, field):
    login_as(client, people["karin"])
    data = {**GOAL_FORM, **change}
    soup = page(client.post(f"/personal/deltagare/{people['anna'].id}/mal/nytt", data=data), 422)
    assert soup.title.string.startswith("Fel:")
    assert soup.select_one(f"#{field}-error")
    assert soup.select_one(".error-summary a")
    assert soup.select_one("#measure")["value"] == data["measure"]
    assert db.exec(select(Goal)).all() == []


def edit(client, goal_id, version, **change):
    return client.post(
        f"/personal/mal/{goal_id}/andra", data={**GOAL_FORM, "version": str(version), **change}
    )


def test_an_edit_keeps_the_earlier_wording_with_who_and_when(client, db, people, goal, login_as):
    login_as(client, people["karin"])
    soup = page(client.get(f"/personal/mal/{goal['goal']}/andra"))
    assert soup.select_one("input[name=version]")["value"] == "1"
    assert edit(client, goal["goal"], 1, easy_text="Jag vill jobba tre dagar.").status_code == 303
    versions = db.exec(select(GoalVersion).order_by(GoalVersion.version)).all()
    assert [v.easy_text for v in versions] == [
        "Jag vill jobba i ett kafé.",
        "Jag vill jobba tre dagar.",
    ]
    assert versions[1].created_by_id == people["karin"].id
    db.expire_all()
    assert db.get(Goal, goal["goal"]).version == 2
    soup = page(client.get(f"/personal/deltagare/{people['anna'].id}"))
    history = soup.select_one(".goal-history")
    assert "Jag vill jobba i ett kafé." in history.get_text()
    assert "Karin" in history.get_text()


def test_saving_the_same_wording_stores_nothing(client, db, people, goal, login_as):
    login_as(client, people["karin"])
    assert edit(client, goal["goal"], 1).status_code == 303
    before = goal_rows(db)
    assert edit(client, goal["goal"], 2).status_code == 303
    assert goal_rows(db) == before


def test_a_save_based_on_an_old_version_is_refused_and_both_stay_readable(
    app, db, people, goal, login_as
):
    """Two case officers' tabs open the same goal; the second save must not overwrite."""
    first, second = app.test_client(), app.test_client()
    login_as(first, people["karin"])
    login_as(second, people["karin"])
    for client in (first, second):
        form = page(client.get(f"/personal/mal/{goal['goal']}/andra"))
        assert form.select_one("input[name=version]")["value"] == "1"
    assert edit(first, goal["goal"], 1, easy_text="Första versionen.").status_code == 303
    before = goal_rows(db)
    soup = page(edit(second, goal["goal"], 1, easy_text="Andra versionen."), 409)
    assert goal_rows(db) == before, "nothing was saved"
    assert "ändrat målet medan du skrev" in soup.select_one(".goal-conflict").get_text()
    assert "Första versionen." in soup.select_one(".goal-saved").get_text()
    assert soup.select_one("#easy_text")["value"] == "Andra versionen.", "what was typed is kept"
    assert soup.select_one("input[name=version]")["value"] == "2"
    # Saving again on purpose, now based on the newer version, works.
    assert edit(second, goal["goal"], 2, easy_text="Andra versionen.").status_code == 303
    texts = db.exec(select(GoalVersion.easy_text).order_by(GoalVersion.version)).all()
    assert texts == ["Jag vill jobba i ett kafé.", "Första versionen.", "Andra versionen."]


def test_a_missing_or_broken_version_is_refused(client, db, people, goal, login_as):
    login_as(client, people["karin"])
    before = goal_rows(db)
    page(edit(client, goal["goal"], "", easy_text="Ny"), 409)
    page(edit(client, goal["goal"], "abc", easy_text="Ny"), 409)
    assert goal_rows(db) == before


def test_racing_saves_past_the_check_let_only_one_in(app, db, people, goal, in_request):
    """Without row locks (SQLite) the unique (goal, version) still refuses the second one."""
    from app.goals import order
    from app.goals.order import StaleGoal, Wording

    wording = Wording("Ny", "Formell", "Mätbart", None, "cafe", ())
    db.add(GoalVersion(goal_id=goal["goal"], version=2, easy_text="Smög in", formal_text="x",
                       pictogram="cafe", sub_goals=[]))  # fmt: skip
    db.commit()
    with in_request(people["karin"]) as session, pytest.raises(StaleGoal):
        order.revise(session.get(Goal, goal["goal"]), wording, 1, by=people["karin"])
    assert db.exec(select(GoalVersion.easy_text).where(GoalVersion.version == 2)).one() == "Smög in"


def test_ending_a_goal_removes_it_from_the_list_and_keeps_its_history(
    client, db, people, goal, login_as
):
    login_as(client, people["karin"])
    assert client.post(f"/personal/mal/{goal['goal']}/avsluta").status_code == 303
    db.expire_all()
    assert db.get(Goal, goal["goal"]).ended_by_id == people["karin"].id
    page(client.post(f"/personal/mal/{goal['goal']}/avsluta"), 409)
    page(edit(client, goal["goal"], 1, easy_text="Ny"), 409)
    page(client.get(f"/personal/mal/{goal['goal']}/andra"), 409)
    assert len(db.exec(select(GoalVersion)).all()) == 1


@pytest.mark.parametrize("who", ["kalle", "sara", "admin"])
def test_only_the_own_case_officer_writes_goals(client, db, people, goal, login_as, who):
    login_as(client, people[who])
    before = goal_rows(db)
    assert client.post(
        f"/personal/deltagare/{people['anna'].id}/mal/nytt", data=GOAL_FORM
    ).status_code in (403, 404)
    assert edit(client, goal["goal"], 1, easy_text="Ny").status_code in (403, 404)
    assert client.post(f"/personal/mal/{goal['goal']}/avsluta").status_code in (403, 404)
    assert client.post("/personal/mal/999999/andra", data=GOAL_FORM).status_code in (403, 404)
    assert goal_rows(db) == before


def test_admins_and_other_case_officers_do_not_see_goals(client, people, goal, login_as):
    login_as(client, people["admin"])
    soup = page(client.get(f"/personal/deltagare/{people['anna'].id}"))
    assert soup.select_one("#goals") is None
