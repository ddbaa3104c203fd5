"""Auditors read who opened a participant's data, and whose data a staff member opened,
filtered by date and downloadable as CSV."""

import csv
import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import select

from app.models import AuditEvent
from tests.conftest import page

ZONE = ZoneInfo("Europe/Stockholm")


def opened(db, staff, participant, days_ago=0, action="participant.view"):
    """A log row as if `staff` had opened the participant's page some days ago."""
    at = datetime.now(ZONE) - timedelta(days=days_ago, minutes=1)
    db.add(AuditEvent(action=action, participant_id=participant.id, actor_id=staff.id, at=at))
    db.commit()


READ_REPORT = "Läste åtkomstrapporten för deltagaren"


def table_rows(soup, own_reading=False):
    """The report's rows; without the auditor's own readings of it unless asked for."""
    # Without the last column, the address the request came from.
    rows = [
        [cell.get_text(" ", strip=True) for cell in row.select("td")][:-1]
        for row in soup.select("table.access-log tbody tr")
    ]
    return rows if own_reading else [row for row in rows if row[-1] != READ_REPORT]


def test_auditors_start_at_the_reports(client, people, login_as):
    response = login_as(client, people["greta"])
    assert client.get(response.headers["Location"]).headers["Location"] == "/granskning/"
    soup = page(client.get("/granskning/"))
    names = [o.get_text() for o in soup.select("#deltagare option")]
    assert names == [f"Anna (nr {people['anna'].id})", f"Bo (nr {people['bo'].id})"]
    assert "Sara (Handledare)" in [o.get_text() for o in soup.select("#personal option")]


def test_everyone_who_opened_a_participant(client, db, people, login_as):
    opened(db, people["karin"], people["anna"], days_ago=3)
    opened(db, people["sara"], people["anna"], days_ago=1, action="checkins.shared_view")
    opened(db, people["sara"], people["bo"])
    login_as(client, people["greta"])
    soup = page(client.get(f"/granskning/deltagare?id={people['anna'].id}"))
    rows = table_rows(soup, own_reading=True)
    assert [row[1:] for row in rows] == [
        ["Greta (Granskare)", READ_REPORT],
        ["Sara (Handledare)", "Såg svar inför mötet (med samtycke)"],
        ["Karin (Handläggare)", "Öppnade deltagarens sida"],
    ]


def test_every_participant_a_staff_member_opened(client, db, people, login_as):
    opened(db, people["sara"], people["anna"], days_ago=2)
    opened(db, people["sara"], people["bo"])
    opened(db, people["karin"], people["bo"])
    login_as(client, people["greta"])
    soup = page(client.get(f"/granskning/personal?id={people['sara'].id}"))
    assert soup.h1.get_text(strip=True) == "Vad Sara har öppnat"
    rows = table_rows(soup)
    assert [row[1:] for row in rows] == [
        [f"Bo (nr {people['bo'].id})", "Öppnade deltagarens sida"],
        [f"Anna (nr {people['anna'].id})", "Öppnade deltagarens sida"],
    ]
    assert soup.select_one("table.access-log a")["href"] == (
        f"/granskning/deltagare?id={people['bo'].id}"
    )


def test_the_dates_filter_whole_days(client, db, people, login_as):
    for days_ago in (10, 5, 0):
        opened(db, people["karin"], people["anna"], days_ago=days_ago)
    login_as(client, people["greta"])
    today = datetime.now(ZONE).date()
    start, end = today - timedelta(days=6), today - timedelta(days=5)
    url = f"/granskning/deltagare?id={people['anna'].id}&fran={start}&till={end}"
    soup = page(client.get(url))
    assert len(table_rows(soup)) == 1
    assert soup.select_one("#fran")["value"] == start.isoformat()
    soup = page(client.get(f"/granskning/deltagare?id={people['anna'].id}&fran={today}"))
    assert len(table_rows(soup)) == 1
    soup = page(client.get(f"/granskning/deltagare?id={people['anna'].id}&till={today}"))
    assert len(table_rows(soup)) == 3


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("fran=igår", "fran", "Skriv datumet så här: 2026-01-31."),
        ("fran=2026-01-10&till=31/1", "till", "Skriv datumet så här: 2026-01-31."),
        (
            "fran=2026-02-10&till=2026-01-10",
            "till",
            "Till och med kan inte vara före från och med.",
        ),
    ],
)
def test_a_bad_date_gets_a_kind_message_and_keeps_the_input(
    client, db, people, login_as, query, field, message
):
    opened(db, people["karin"], people["anna"])
    login_as(client, people["greta"])
    for base in ("/granskning/deltagare", "/granskning/deltagare/csv"):
        response = client.get(f"{base}?id={people['anna'].id}&{query}")
        soup = page(response, status=422)
        assert soup.title.string.startswith("Fel:")
        assert soup.select_one(f"#{field}-error").get_text(" ", strip=True) == f"Fel: {message}"
        assert soup.select_one(".error-summary a")["href"] == f"#{field}"
        typed = dict(pair.split("=") for pair in query.split("&"))
        for name, value in typed.items():
            assert soup.select_one(f"#{name}")["value"] == value
        assert not soup.select("table.access-log")


def test_csv_download(client, db, people, login_as):
    opened(db, people["karin"], people["anna"], days_ago=1)
    opened(db, people["sara"], people["anna"])
    login_as(client, people["greta"])
    today = datetime.now(ZONE).date()
    response = client.get(f"/granskning/deltagare/csv?id={people['anna'].id}&fran={today}")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"] == (
        f'attachment; filename="atkomst-deltagare-{people["anna"].id}-fran-{today}.csv"'
    )
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert rows[0][:3] == ["tid", "personal_id", "personal"]
    assert [row[6] for row in rows[1:]] == [READ_REPORT, "Öppnade deltagarens sida"]
    assert rows[2][1:7] == [
        str(people["sara"].id), "Sara", "Handledare", str(people["anna"].id), "Anna",
        "Öppnade deltagarens sida",
    ]  # fmt: skip


def test_csv_cells_never_run_as_formulas(client, db, people, make_staff, login_as):
    sly = make_staff("supervisor", units=[people["unit"]], username="=cmd")
    sly.display_name = "=HYPERLINK(1)"
    db.add(sly)
    db.commit()
    opened(db, sly, people["anna"])
    login_as(client, people["greta"])
    response = client.get(f"/granskning/personal/csv?id={sly.id}")
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert rows[1][2] == "'=HYPERLINK(1)"
    assert response.headers["Content-Disposition"] == (
        f'attachment; filename="atkomst-personal-{sly.id}.csv"'
    )


def test_reading_a_report_is_logged(client, db, people, login_as):
    login_as(client, people["greta"])
    client.get(f"/granskning/deltagare?id={people['anna'].id}")
    client.get(f"/granskning/personal?id={people['sara'].id}")
    db.expire_all()
    rows = db.exec(
        select(AuditEvent)
        .where(AuditEvent.actor_id == people["greta"].id, AuditEvent.action.startswith("audit."))
        .order_by(AuditEvent.id)
    ).all()
    assert [(r.action, r.participant_id) for r in rows] == [
        ("audit.participant_report", people["anna"].id),
        ("audit.staff_report", None),
    ]


def test_admins_may_read_the_reports_others_may_not(client, people, make_staff, login_as):
    login_as(client, make_staff("admin"))
    assert client.get(f"/granskning/deltagare?id={people['anna'].id}").status_code == 200
    for staff in (people["karin"], people["sara"], make_staff("manager")):
        other = client.application.test_client()
        login_as(other, staff)
        assert other.get(f"/granskning/deltagare?id={people['anna'].id}").status_code == 403


def test_an_unknown_person_is_not_found_and_no_choice_goes_back(client, people, login_as):
    login_as(client, people["greta"])
    assert client.get("/granskning/deltagare?id=999999").status_code == 404
    assert client.get("/granskning/personal?id=999999").status_code == 404
    assert client.get("/granskning/deltagare").headers["Location"] == "/granskning/"
