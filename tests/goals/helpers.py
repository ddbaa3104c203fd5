"""Small helpers for goal tests, shared with the access matrix in tests/test_access.py."""

from datetime import date, timedelta

from sqlmodel import select

from app.goals.models import Goal, GoalStep, GoalVersion

# A complete goal as the case officer's form posts it.
GOAL_FORM = {
    "easy_text": "Jag vill jobba i ett kafé två dagar i veckan.",
    "formal_text": "Deltagaren ska arbeta i kaféverksamhet två dagar i veckan.",
    "measure": "Jobbar två dagar i veckan i en månad.",
    "due": "2099-06-01",
    "sub_goals": "Lära sig kassan\nÅka buss själv",
    "pictogram": "cafe",
}


def make_goal(db, participant_id, case_officer_id, easy_text="Jag vill jobba i ett kafé."):
    """A goal with its first wording and one step; returns {"goal": id, "step": id}."""
    goal = Goal(participant_id=participant_id, version=1, created_by_id=case_officer_id)
    db.add(goal)
    db.commit()
    db.add(
        GoalVersion(
            goal_id=goal.id,
            version=1,
            easy_text=easy_text,
            formal_text="Formell lydelse.",
            measure="Mätbart.",
            pictogram="cafe",
            sub_goals=[],
            created_by_id=case_officer_id,
        )
    )
    step = GoalStep(
        participant_id=participant_id,
        goal_id=goal.id,
        what="Besöka kaféet.",
        who="me",
        due=date.today() + timedelta(days=7),
    )
    db.add(step)
    db.commit()
    return {"goal": goal.id, "step": step.id}


def goal_rows(db):
    """Everything in the goal tables, for "nothing changed" checks."""
    db.expire_all()
    return (
        [(g.id, g.version, g.ended_at) for g in db.exec(select(Goal).order_by(Goal.id))],
        [
            (v.goal_id, v.version, v.easy_text)
            for v in db.exec(select(GoalVersion).order_by(GoalVersion.id))
        ],
        [
            (s.id, s.goal_id, s.what, s.done_at, s.feeling, s.confirmed_at)
            for s in db.exec(select(GoalStep).order_by(GoalStep.id))
        ],
    )
