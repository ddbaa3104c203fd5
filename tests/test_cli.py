"""Commands: demo data, demo logins, creating staff."""

import os
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlmodel import func, select

from app import demo
from app.card_login import cards
from app.db import make_engine
from app.goals.models import Goal, GoalStep, GoalVersion
from app.meetings.models import FollowUp
from app.models import LoginCard, Participant, StaffUnit, StaffUser, Unit
from app.new_step.models import NewStep, StepCheckIn
from app.staff.accounts import authenticate
from tests.conftest import page

LINE = re.compile(
    r"^(participant \S+ http://127\.0\.0\.1:\d+/k/[A-Za-z0-9_-]{22}"
    r"|staff (supervisor|case_officer|admin|auditor|manager|support_person) \S+ \S+)$"
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
    assert first[3] == 4 + demo.MUNICIPALITY
    assert first[4] == 4 and first[6:] == [2, 2, 3]
    assert first[0] > 10
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    assert counts(db) == first


def test_demo_logins_print_one_login_a_line_and_they_work(app, db):
    runner = app.test_cli_runner()
    runner.invoke(args=["seed-demo"])
    result = runner.invoke(args=["demo-logins"])
    lines = result.output.strip().splitlines()
    assert len(lines) == 10
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


def test_generated_data_has_new_steps_and_returns_the_managers_page_shows(
    app, db, login_as, make_staff
):
    """At the size of Stockholm (2,868 people in daily activity): the steps to work or studies
    of each year show on the statistics page by gender, and some came back."""
    result = app.test_cli_runner().invoke(args=["generate-data", "--participants", "3000"])
    assert result.exit_code == 0, result.output
    assert "new_step:" in result.output and "step_answer:" in result.output
    steps = db.exec(select(NewStep)).all()
    returned = [s for s in steps if s.returned_at is not None]
    assert 0.1 < len(returned) / len(steps) < 0.4
    for step in returned[:20]:
        back = db.get(Participant, step.participant_id)
        assert back.ended_at is None and step.wants_back_at < step.returned_at
    assert db.exec(select(func.count()).select_from(StepCheckIn)).one() > len(steps)

    manager = app.test_client()
    login_as(manager, make_staff("manager"))
    last_year = datetime.now(UTC).year - 1
    table = page(manager.get("/personal/statistik")).select_one(f"#table-steps-{last_year}")
    rows = {tr.th.get_text(strip=True): tr for tr in table.select("tbody tr")}
    started = [td.get_text(strip=True) for td in rows["Började ett nytt steg"].select("td")]
    # Women, men and the total are numbers; the few who said "other" are hidden.
    assert all(cell.isdigit() and int(cell) >= 5 for cell in (started[0], started[1], started[-1]))
    assert int(started[-1]) >= 30
    came_back = rows["Kom tillbaka till daglig verksamhet"].select("td")[-1].get_text(strip=True)
    assert came_back.isdigit() or came_back in ("färre än 5", "visas inte")


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
