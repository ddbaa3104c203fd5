"""Final deletion after the retention period: refused for anyone still in the service or
inside the period; otherwise every row of the person goes, and the run is recorded."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlmodel import SQLModel

from app.config import Defaults
from app.models import Participant, utcnow
from app.retention import RetentionRun


@pytest.fixture
def run_cli(app):
    def run(*args, **kwargs):
        return app.test_cli_runner().invoke(args=["retention-delete", *args], **kwargs)

    return run


def end(db, person, days_ago):
    person.ended_at = utcnow() - timedelta(days=days_ago)
    person.end_reason = "moved"
    db.add(person)
    db.commit()


def rows_of(db, participant_id) -> dict[str, int]:
    """How many rows each table holds that point straight at the person."""
    counts = {}
    for table in SQLModel.metadata.sorted_tables:
        for key in table.foreign_keys:
            if key.column.table.name == "participant":
                found = db.exec(
                    select(func.count()).select_from(table).where(key.parent == participant_id)
                ).one()[0]
                counts[table.name] = counts.get(table.name, 0) + found
    return counts


def test_people_in_the_service_or_inside_the_period_are_refused(
    db, make_staff, make_participant, full_record, run_cli
):
    karin = make_staff("case_officer")
    anna, bea = make_participant("Anna"), make_participant("Bea")
    full_record(anna, karin)
    end(db, bea, days_ago=Defaults.RETENTION_DAYS - 1)

    result = run_cli("--participant", str(anna.id), "--yes")
    assert result.exit_code != 0 and "still in the service" in result.output
    result = run_cli("--participant", str(bea.id), "--yes")
    assert result.exit_code != 0 and "less than" in result.output
    result = run_cli("--participant", "999999", "--yes")
    assert result.exit_code != 0
    day = (utcnow() - timedelta(days=10)).date().isoformat()
    result = run_cli("--ended-before", day, "--yes")
    assert result.exit_code != 0 and "days ago" in result.output
    assert run_cli("--yes").exit_code != 0  # neither a person nor a day
    db.expire_all()
    assert db.get(Participant, anna.id) and db.get(Participant, bea.id)
    assert rows_of(db, anna.id)["check_in"] == 1
    assert db.exec(select(RetentionRun)).all() == []


def test_a_person_past_the_period_is_removed_from_every_table(
    db, make_staff, make_participant, full_record, run_cli
):
    karin = make_staff("case_officer")
    anna, bea = make_participant("Anna"), make_participant("Bea")
    full_record(anna, karin)
    full_record(bea, karin)
    end(db, anna, days_ago=Defaults.RETENTION_DAYS + 1)
    anna_id = anna.id
    before = rows_of(db, anna_id)
    assert all(before.values()), before  # the test covers every table that points at her
    beas = rows_of(db, bea.id)

    audit_rows = before.pop("audit_event")
    result = run_cli("--participant", str(anna_id), "--yes")
    assert result.exit_code == 0, result.output

    db.expire_all()
    left = rows_of(db, anna_id)
    # The append-only audit log is left as it was; it now points at an anonymous row.
    assert left.pop("audit_event") == audit_rows
    assert not any(left.values()), left
    gone = db.get(Participant, anna_id)
    assert (gone.first_name, gone.pictogram, gone.case_officer_id) == ("", None, None)
    assert gone.anonymised_at is not None and gone.end_reason == "moved"
    assert rows_of(db, bea.id) == beas
    run = db.exec(select(RetentionRun)).scalars().one()
    assert (run.mode, run.people, run.retention_days) == ("participant", 1, Defaults.RETENTION_DAYS)
    assert run.rows > len(before)
    assert "Anna" not in result.output
    # Once is enough; the anonymous row is no longer listed for administrators.
    assert run_cli("--participant", str(anna_id), "--yes").exit_code != 0
    assert "already removed" in run_cli("--participant", str(anna_id), "--yes").output


def test_everyone_who_left_before_a_day_and_a_shorter_period(
    app, db, make_staff, make_participant, full_record, run_cli
):
    app.config["RETENTION_DAYS"] = 30
    karin = make_staff("case_officer")
    old, recent, active = (make_participant(n) for n in ("Anna", "Bea", "Cem"))
    for person in (old, recent, active):
        full_record(person, karin)
    end(db, old, days_ago=40)
    end(db, recent, days_ago=5)
    old_id = old.id

    day = (utcnow() - timedelta(days=31)).date().isoformat()
    result = run_cli("--ended-before", day, "--yes")
    assert result.exit_code == 0, result.output
    db.expire_all()
    assert db.get(Participant, old_id).anonymised_at is not None
    assert db.get(Participant, recent.id).anonymised_at is None
    assert db.get(Participant, active.id).first_name == "Cem"
    # A second run finds nobody new.
    assert "Removed 0 people" in run_cli("--ended-before", day, "--yes").output
    run = db.exec(select(RetentionRun).order_by(RetentionRun.id)).scalars().first()
    assert (run.mode, run.people, run.retention_days) == ("ended_before", 1, 30)


def test_it_asks_before_removing(db, make_participant, run_cli):
    anna = make_participant("Anna")
    end(db, anna, days_ago=Defaults.RETENTION_DAYS + 1)
    result = run_cli("--participant", str(anna.id), input="n\n")
    assert result.exit_code != 0
    db.expire_all()
    assert db.get(Participant, anna.id) is not None


def test_the_anonymous_row_is_not_listed(
    client, db, make_staff, make_participant, run_cli, login_as
):
    anna, bea = make_participant("Anna"), make_participant("Bea")
    end(db, anna, days_ago=Defaults.RETENTION_DAYS + 1)
    anna_id, bea_id = anna.id, bea.id
    assert run_cli("--participant", str(anna_id), "--yes").exit_code == 0
    login_as(client, make_staff("admin"))
    html = client.get("/admin/").get_data(as_text=True)
    assert f'/personal/deltagare/{bea_id}"' in html
    assert f'/personal/deltagare/{anna_id}"' not in html
