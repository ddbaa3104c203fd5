"""Commands: demo data, demo logins, creating staff."""

import re

from sqlmodel import func, select

from app import demo
from app.checkins.models import FollowUp
from app.goals.models import Goal, GoalStep, GoalVersion
from app.models import LoginCard, Participant, StaffUnit, StaffUser, Unit
from app.staff.accounts import authenticate

LINE = re.compile(
    r"^(participant \S+ http://127\.0\.0\.1:\d+/k/[A-Za-z0-9_-]{22}"
    r"|staff (supervisor|case_officer|admin|auditor|manager) \S+ \S+)$"
)

GOAL_TABLES = (Goal, GoalVersion, GoalStep)


def counts(db):
    db.expire_all()
    return [
        db.exec(select(func.count()).select_from(model)).one()
        for model in (Unit, StaffUser, StaffUnit, Participant, LoginCard, FollowUp, *GOAL_TABLES)
    ]


def test_seeding_twice_changes_nothing(app, db):
    runner = app.test_cli_runner()
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    first = counts(db)
    # The named demo people and their cards, and the made-up municipality beside them.
    assert first[3] == 3 + demo.MUNICIPALITY
    assert first[4] == 3 and first[6:] == [2, 2, 3]
    assert first[0] > 10
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    assert counts(db) == first


def test_demo_logins_print_one_login_a_line_and_they_work(app, db):
    runner = app.test_cli_runner()
    runner.invoke(args=["seed-demo"])
    result = runner.invoke(args=["demo-logins"])
    lines = result.output.strip().splitlines()
    assert len(lines) == 8
    for line in lines:
        assert LINE.match(line), line
    client = app.test_client()
    for line in lines:
        kind, *rest = line.split()
        if kind == "participant":
            token = rest[1].rsplit("/", 1)[1]
            assert client.post("/k", data={"token": token}).status_code == 303
        else:
            _role, username, password = rest
            response = client.post(
                "/personal/logga-in", data={"username": username, "password": password}
            )
            assert response.status_code == 303, line


def test_demo_data_is_refused_outside_local_runs(app):
    app.config["LOCAL_RUN"] = False
    result = app.test_cli_runner().invoke(args=["seed-demo"])
    assert result.exit_code != 0
    assert "local runs only" in result.output


def test_create_staff(app, db, in_request):
    runner = app.test_cli_runner()
    result = runner.invoke(
        args=["create-staff", "--username", "chef", "--name", "Chef", "--role", "admin"],
        input="a long enough password\na long enough password\n",
    )
    assert result.exit_code == 0, result.output
    with in_request():
        assert authenticate("chef", "a long enough password").role == "admin"
    again = runner.invoke(
        args=[
            "create-staff",
            "--username",
            "chef",
            "--name",
            "C",
            "--role",
            "admin",
            "--password",
            "another long password",
        ],
    )
    assert again.exit_code != 0 and "taken" in again.output
    short = runner.invoke(
        args=[
            "create-staff",
            "--username",
            "x1",
            "--name",
            "X",
            "--role",
            "admin",
            "--password",
            "short",
        ],
    )
    assert short.exit_code != 0
    assert db.exec(select(func.count()).select_from(StaffUser)).one() == 1
