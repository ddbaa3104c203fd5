"""The supervisor's steps, the participant's "Jag har gjort det!", confirm and reopen, the
mismatch flags, the check-in question and the case officer's brief."""

from datetime import timedelta

import pytest
from sqlmodel import select

from app.checkins import answers
from app.checkins.models import CheckIn, QuestionSet
from app.goals.models import Goal, GoalStep
from app.meetings.models import FollowUp
from app.models import utcnow
from tests.conftest import page
from tests.goals.helpers import goal_rows, make_goal


def new_step(client, person, **data):
    form = {"what": "Ringa kaféet", "who": "me", "due": "2099-01-01", **data}
    return client.post(f"/personal/deltagare/{person.id}/mal/steg/nytt", data=form)


def test_supervisor_adds_a_step_to_a_goal(client, db, people, goal, login_as):
    login_as(client, people["sara"])
    soup = page(
        client.get(f"/personal/deltagare/{people['anna'].id}/mal/steg/nytt?mal={goal['goal']}")
    )
    assert soup.select_one("#goal option[selected]")["value"] == str(goal["goal"])
    assert [i["value"] for i in soup.select("input[name=who]")] == [
        "me", "supervisor", "case_officer", "someone_else",
    ]  # fmt: skip
    response = new_step(client, people["anna"], goal=str(goal["goal"]), who="someone_else",
                        who_name="Per på kaféet")  # fmt: skip
    assert response.status_code == 303
    step = db.exec(select(GoalStep).order_by(GoalStep.id.desc())).first()
    assert (step.goal_id, step.who, step.who_name, step.created_by_id) == (
        goal["goal"], "someone_else", "Per på kaféet", people["sara"].id,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"what": " "}, "what"),
        ({"what": "x" * 201}, "what"),
        ({"who": "boss"}, "who"),
        ({"who": "someone_else", "who_name": ""}, "who_name"),
        ({"due": ""}, "due"),
        ({"due": "2020-01-01"}, "due"),
        ({"goal": "999999"}, "goal"),
    ],
)
def test_bad_step_input_is_refused(client, db, people, goal, login_as, change, field):
    login_as(client, people["sara"])
    before = goal_rows(db)
    data = {"goal": str(goal["goal"]), **change}
    soup = page(new_step(client, people["anna"], **data), 422)
    assert soup.select_one(f"#{field}-error")
    assert goal_rows(db) == before


def test_a_step_for_another_participants_goal_is_refused(
    client, db, people, goal, login_as, make_participant
):
    bea = make_participant("Bea", unit=people["unit"], case_officer=people["karin"])
    login_as(client, people["sara"])
    before = goal_rows(db)
    page(new_step(client, bea, goal=str(goal["goal"])), 422)
    assert goal_rows(db) == before


def test_mismatch_flags_on_the_staff_pages(client, db, people, goal, login_as):
    lonely = make_goal(db, people["anna"].id, people["karin"].id, easy_text="Jag vill åka buss.")
    # make_goal gives every goal one step; take the lonely one's away.
    db.delete(db.get(GoalStep, lonely["step"]))
    db.commit()
    login_as(client, people["sara"])
    assert new_step(client, people["anna"], goal="0", what="Städa förrådet").status_code == 303
    for who in ("sara", "karin"):
        login_as(client, people[who])
        soup = page(client.get(f"/personal/deltagare/{people['anna'].id}"))
        goal_flags = soup.select(".plan-mismatch .flag-goal-without-steps")
        step_flags = soup.select(".plan-mismatch .flag-step-without-goal")
        assert [f.get_text(strip=True) for f in goal_flags] == ["Mål utan steg: Jag vill åka buss."]
        assert [f.get_text(strip=True) for f in step_flags] == ["Steg utan mål: Städa förrådet"]
    # Actions follow the role: steps for the supervisor, goals for the case officer.
    login_as(client, people["sara"])
    soup = page(client.get(f"/personal/deltagare/{people['anna'].id}"))
    goal_edit = "#goals a[href$='/andra']:not([href*='/steg/'])"
    step_edit = "#goals a[href*='/steg/'][href$='/andra']"
    assert soup.select("#goals form[action$='/bekrafta']") and soup.select(step_edit)
    assert not soup.select(goal_edit)
    login_as(client, people["karin"])
    soup = page(client.get(f"/personal/deltagare/{people['anna'].id}"))
    assert soup.select(goal_edit) and not soup.select("#goals form[action$='/bekrafta']")
    assert not soup.select(step_edit)


def test_participant_sees_goals_marks_a_step_done_and_supervisor_confirms(
    app, client, db, people, goal, login_as, login_participant
):
    login_participant(client, people["anna"])
    soup = page(client.get("/"))
    assert soup.select_one("a.tile[href='/mina-mal']").get_text(strip=True) == "Mina mål"
    soup = page(client.get("/mina-mal"))
    card = soup.select_one(f"a.goal-card[href='/mina-mal/{goal['goal']}']")
    assert "Jag vill jobba i ett kafé." in card.get_text()
    assert "0 av 1 steg är klart" in card.get_text()
    soup = page(client.get(f"/mina-mal/{goal['goal']}"))
    assert soup.h1.get_text(strip=True) == "Jag vill jobba i ett kafé."
    next_step = soup.select_one(".next-step")
    assert "Besöka kaféet." in next_step.get_text() and "Du" in next_step.get_text()
    done_link = next_step.select_one("a.button")
    assert done_link["href"] == f"/mina-mal/steg/{goal['step']}/klart"
    soup = page(client.get(done_link["href"]))
    assert soup.h1.get_text(strip=True) == "Hur gick det?"
    assert [b["value"] for b in soup.select("button[name=feeling]")] == [
        "good",
        "so_so",
        "not_good",
    ]
    assert all(b.img and b.img["alt"] == "" for b in soup.select("button[name=feeling]"))
    page(client.post(done_link["href"], data={"feeling": "happy"}), 422)
    assert db.get(GoalStep, goal["step"]).done_at is None
    response = client.post(done_link["href"], data={"feeling": "so_so"})
    assert response.headers["Location"] == f"/mina-mal/{goal['goal']}?klart=1"
    db.expire_all()
    step = db.get(GoalStep, goal["step"])
    assert step.feeling == "so_so" and step.done_at and step.confirmed_at is None
    done_at = step.done_at
    client.post(done_link["href"], data={"feeling": "good"})  # a second tap changes nothing
    db.expire_all()
    assert (db.get(GoalStep, goal["step"]).feeling, db.get(GoalStep, goal["step"]).done_at) == (
        "so_so",
        done_at,
    )
    soup = page(client.get(response.headers["Location"]))
    assert soup.select_one(".step-waiting")

    staff = app.test_client()
    login_as(staff, people["sara"])
    soup = page(staff.get(f"/personal/deltagare/{people['anna'].id}"))
    assert "Deltagaren har gjort det" in soup.select_one(f"#step-{goal['step']}").get_text()
    assert staff.post(f"/personal/mal/steg/{goal['step']}/bekrafta").status_code == 303
    db.expire_all()
    assert db.get(GoalStep, goal["step"]).confirmed_by_id == people["sara"].id
    soup = page(client.get(f"/mina-mal/{goal['goal']}"))
    assert soup.select_one(".step-done") and not soup.select_one(".next-step")
    assert staff.post(f"/personal/mal/steg/{goal['step']}/oppna").status_code == 303
    db.expire_all()
    step = db.get(GoalStep, goal["step"])
    assert step.done_at is None and step.confirmed_at is None and step.reopened_at
    soup = page(client.get(f"/mina-mal/{goal['goal']}"))
    assert soup.select_one(".next-step")


def test_participant_pages_as_fragment_and_boosted(client, people, goal, login_participant):
    login_participant(client, people["anna"])
    boosted = client.get("/mina-mal", headers={"HX-Request": "true", "HX-Boosted": "true"})
    page(boosted)
    assert "HX-Request" in boosted.headers["Vary"]


def test_a_participant_cannot_reach_someone_elses_goal_or_step(
    client, db, people, goal, make_participant, login_participant
):
    bea = make_participant("Bea", unit=people["unit"], case_officer=people["karin"])
    login_participant(client, bea)
    before = goal_rows(db)
    assert client.get(f"/mina-mal/{goal['goal']}").status_code == 404
    assert client.get(f"/mina-mal/steg/{goal['step']}/klart").status_code == 404
    assert (
        client.post(f"/mina-mal/steg/{goal['step']}/klart", data={"feeling": "good"}).status_code
        == 404
    )
    assert client.post("/mina-mal/steg/999999/klart", data={"feeling": "good"}).status_code == 404
    soup = page(client.get("/mina-mal"))
    assert soup.select(".goal-card") == []
    assert goal_rows(db) == before


def test_ended_goals_leave_the_participants_list(client, db, people, goal, login_participant):
    db.get(Goal, goal["goal"]).ended_at = utcnow()
    db.commit()
    login_participant(client, people["anna"])
    assert client.get(f"/mina-mal/{goal['goal']}").status_code == 404
    assert (
        client.post(f"/mina-mal/steg/{goal['step']}/klart", data={"feeling": "good"}).status_code
        == 404
    )


def test_the_check_in_asks_about_goals_only_when_there_are_some(app, db, people, in_request):
    with in_request():
        assert answers.has_goals(people["anna"].id) is False
    make_goal(db, people["anna"].id, people["karin"].id)
    meeting = FollowUp(participant_id=people["anna"].id, starts_at=utcnow() + timedelta(days=3))
    db.add(meeting)
    db.commit()
    check_in = CheckIn(follow_up_id=meeting.id, participant_id=people["anna"].id,
                       question_set_id=db.exec(select(QuestionSet)).first().id)  # fmt: skip
    db.add(check_in)
    db.commit()
    with in_request():
        assert answers.has_goals(people["anna"].id) is True
        keys = [q["key"] for q in answers.applicable(check_in, {})]
    assert "goals" in keys


def test_the_brief_shows_each_goal_with_progress_since_the_last_meeting(
    client, db, people, goal, login_as
):
    anna = people["anna"]
    earlier = FollowUp(participant_id=anna.id, starts_at=utcnow() - timedelta(days=30),
                       held_at=utcnow() - timedelta(days=30))  # fmt: skip
    meeting = FollowUp(participant_id=anna.id, starts_at=utcnow() + timedelta(days=3))
    db.add_all([earlier, meeting])
    # One step done before the last meeting, one since.
    old = db.get(GoalStep, goal["step"])
    old.done_at = utcnow() - timedelta(days=40)
    old.created_at = utcnow() - timedelta(days=50)
    db.add(GoalStep(participant_id=anna.id, goal_id=goal["goal"], what="Prova en dag.", who="me",
                    done_at=utcnow() - timedelta(days=2), feeling="good"))  # fmt: skip
    db.get(Goal, goal["goal"]).created_at = utcnow() - timedelta(days=60)
    db.commit()
    login_as(client, people["karin"])
    soup = page(client.get(f"/personal/moten/{meeting.id}"))
    heading = next(h for h in soup.select("h2") if h.get_text(strip=True) == "Mål")
    assert heading
    item = soup.select_one(f"#brief-goal-{goal['goal']}")
    text = item.get_text(" ", strip=True)
    assert "2 av 2 steg klara; 1 klara sedan dess." in text
    assert "1 nya steg." in text
    assert "Prova en dag." in text


def test_supervisor_of_another_unit_cannot_touch_steps(
    client, db, people, goal, login_as, make_staff, make_unit
):
    other = make_staff("supervisor", units=[make_unit("Tvätteriet")])
    login_as(client, other)
    before = goal_rows(db)
    assert client.post(f"/personal/mal/steg/{goal['step']}/bekrafta").status_code == 404
    assert client.post(f"/personal/mal/steg/{goal['step']}/oppna").status_code == 404
    assert new_step(client, people["anna"], goal=str(goal["goal"])).status_code == 404
    assert goal_rows(db) == before
