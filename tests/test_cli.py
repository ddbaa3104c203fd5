"""Commands: demo data, demo logins, creating staff."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from sqlmodel import func, select

from app.card_login import cards
from app.checkins.models import FollowUp
from app.db import make_engine
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
    assert first == [1, 5, 1, 3, 3, 1, 2, 2, 3]
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


def test_demo_logins_say_when_a_demo_card_was_replaced(app, db, in_request):
    runner = app.test_cli_runner()
    runner.invoke(args=["seed-demo"])
    anna = db.exec(select(Participant).where(Participant.first_name == "Anna")).one()
    with in_request() as session:
        cards.issue(session.get(Participant, anna.id))  # printed again: the demo card stops
    lines = runner.invoke(args=["demo-logins"]).output.strip().splitlines()
    assert lines[0].startswith("# Anna's demo card is revoked (a new card was printed")
    assert "print Anna a card" in lines[0]
    assert lines[1].startswith("participant Omar http://")


def test_demo_logins_outside_a_local_run_is_one_line_without_a_traceback(app):
    app.config["LOCAL_RUN"] = False
    result = app.test_cli_runner().invoke(args=["demo-logins"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "Error: Demo logins are for local runs only: run it with FLASK_LOCAL_RUN=1 "
        "(as `make run` does)."
    ]


def test_a_missing_secret_key_is_one_line_without_a_traceback(tmp_path):
    """As `flask --app app demo-logins` in a shell without FLASK_LOCAL_RUN: the real command."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("FLASK_") and key != "DATABASE_URL"
    }
    env["FLASK_DATABASE_URL"] = f"sqlite:///{tmp_path / 'empty.sqlite'}"
    flask = Path(sys.executable).with_name("flask")
    result = subprocess.run(  # noqa: S603 (this virtualenv's flask, our own app)
        [str(flask), "--app", "app", "demo-logins"],
        capture_output=True, text=True, env=env, cwd=Path(__file__).parent.parent, check=False,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "Error: Set FLASK_SECRET_KEY (or FLASK_LOCAL_RUN=1 for a run on your own computer, "
        "as `make run` does)."
    ]


@pytest.mark.parametrize(
    "command",
    [
        ["generate-data", "--participants", "5"],
        ["seed-demo"],
        ["demo-logins"],
        ["import", "{file}"],
        ["create-staff", "--username", "x", "--name", "X", "--role", "admin", "--password", "p"],
    ],
)
def test_commands_on_an_empty_database_say_to_upgrade_first(new_app, tmp_path, command):
    own_engine = new_app.extensions["db_engine"]
    new_app.config["DATABASE_URL"] = f"sqlite:///{tmp_path / 'empty.sqlite'}"
    new_app.extensions["db_engine"] = make_engine(new_app.config["DATABASE_URL"])
    (tmp_path / "file.csv").write_text("typ;id;namn\n", encoding="utf-8")
    args = [part.format(file=tmp_path / "file.csv") for part in command]
    result = new_app.test_cli_runner().invoke(args=args)
    new_app.extensions["db_engine"].dispose()
    new_app.extensions["db_engine"] = own_engine
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "Error: The database has no tables yet: run `flask --app app db upgrade` first."
    ]
