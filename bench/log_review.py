"""How long an auditor's check of the log takes (auditing.log_review) over a month of a large
municipality's log.

    .venv/bin/python -m bench.log_review [--staff 300] [--days 30]

Every staff member, every working day: 40 rows of lists (a caseload, a unit's list), 15
participants opened, one of them after 19; a refused page and a failed login now and then. On
SQLite in a temporary file and on PostgreSQL at BENCH_DATABASE_URL (default: the local database
mina_steg_bench, emptied first). Prints the log's rows and the page's seconds: the first time,
and the best of three after it.
"""

import argparse
import random
import secrets
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import insert
from sqlmodel import Session, select

from app import create_app
from app.models import AuditEvent, Participant, Role, StaffUser, Unit
from app.staff import accounts

from . import world

PASSWORD = secrets.token_urlsafe(16)
PARTICIPANTS = 2800
ZONE = ZoneInfo("Europe/Stockholm")


def event(at, staff_id, action, participant_id=None) -> dict:
    return {
        "at": at,
        "actor_id": staff_id,
        "participant_id": participant_id,
        "action": action,
        "repeats": 1,
    }


def month_of_log(staff_ids: list[int], participant_ids: list[int], days: int):
    """The log's rows, a working day at a time."""
    pick = random.Random(1)  # noqa: S311 -- made-up log, repeatable
    today = datetime.now(ZONE).replace(hour=8, minute=0, second=0, microsecond=0)
    for back in range(days, 0, -1):
        morning = today - timedelta(days=back)
        if morning.weekday() >= 5:
            continue
        rows = []
        for staff_id in staff_ids:
            for n in range(55):
                at = morning + timedelta(minutes=8 * n + pick.randrange(8))
                action = "list.view" if n < 40 else "participant.view"
                if n == 54:
                    at = morning.replace(hour=20)
                rows.append(event(at, staff_id, action, pick.choice(participant_ids)))
            if pick.random() < 0.1:
                rows.append(event(morning, staff_id, "access.refused"))
            if pick.random() < 0.1:
                rows.append(event(morning, staff_id, "staff.login_failed"))
        yield rows


def measure(url: str, staff: int, days: int) -> dict:
    app = create_app(
        {
            "TESTING": True,
            "LOCAL_RUN": True,
            "SECRET_KEY": "bench",
            "DATABASE_URL": url,
            "WTF_CSRF_ENABLED": False,
        }
    )
    engine = app.extensions["db_engine"]
    with app.test_request_context():
        accounts.create("bench-auditor", "Bench", Role.auditor, PASSWORD)
    with Session(engine) as session:
        unit = Unit(name="Enheten")
        session.add(unit)
        session.flush()
        people = [
            StaffUser(username=f"s{n}", display_name=f"Person {n}", role=Role.case_officer)
            for n in range(staff)
        ]
        session.add_all(people)
        session.add_all(
            Participant(first_name=f"P{n}", unit_id=unit.id) for n in range(PARTICIPANTS)
        )
        session.commit()
        staff_ids = [person.id for person in people]
        participant_ids = list(session.exec(select(Participant.id)))
    rows = 0
    with engine.begin() as connection:
        for day in month_of_log(staff_ids, participant_ids, days):
            connection.execute(insert(AuditEvent), day)
            rows += len(day)
    client = app.test_client()
    login = {"username": "bench-auditor", "password": PASSWORD}
    assert client.post("/personal/logga-in", data=login).status_code == 303
    seconds = []
    for _ in range(4):
        started = time.perf_counter()
        response = client.get("/granskning/kontroll")
        seconds.append(time.perf_counter() - started)
        assert response.status_code == 200, response.status_code
    engine.dispose()
    return {"rows": rows, "first": seconds[0], "best": min(seconds[1:])}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--staff", type=int, default=300)
    parser.add_argument("--days", type=int, default=30)
    args = parser.parse_args()
    results = world.on_each_database(lambda url: measure(url, args.staff, args.days))
    print(f"\n## Checking the log: {args.staff} staff, {args.days} days\n")
    print("| database | rows in the period | first (s) | best of three (s) |")
    print("| --- | ---: | ---: | ---: |")
    for name, r in results:
        print(f"| {name} | {r['rows']:,} | {r['first']:.2f} | {r['best']:.2f} |")


if __name__ == "__main__":
    main()
