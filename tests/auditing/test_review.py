"""The regular check of the log: what stands out since the last check (refused pages, failed
logins, data opened outside working hours, who opened the most participants, what was taken out,
accounts and roles given), and the checks saved with their period and note."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import select

from app.auditing import review
from app.models import AuditEvent, LogReview, utcnow
from tests.conftest import page

ZONE = ZoneInfo("Europe/Stockholm")


def logged(db, action, staff=None, participant=None, at=None, repeats=1):
    at = at or datetime.now(ZONE) - timedelta(minutes=5)
    db.add(
        AuditEvent(
            action=action,
            actor_id=staff.id if staff else None,
            participant_id=participant.id if participant else None,
            at=at,
            repeats=repeats,
        )
    )
    db.commit()


def last(weekday: int, hour: int, minute: int = 0) -> datetime:
    """The latest moment before now (at least a day back) on that weekday at that time."""
    day = datetime.now(ZONE).date() - timedelta(days=1)
    while day.weekday() != weekday:
        day -= timedelta(days=1)
    return datetime.combine(day, time(hour, minute), tzinfo=ZONE)


SATURDAY, WEDNESDAY = 5, 2


def sections(soup) -> dict[str, list[list[str]]]:
    """Each part of the check: its rows (name and role, count), or [] for "Inget att visa."."""
    found = {}
    for section in soup.select("section[aria-labelledby^=finding-]"):
        rows = [
            [cell.get_text(" ", strip=True) for cell in row.select("td")]
            for row in section.select("tbody tr")
        ]
        if not rows:
            assert section.find("p", string="Inget att visa.")
        found[section.h2.get_text(strip=True)] = rows
    return found


@pytest.fixture
def greta_checks(client, people, login_as):
    login_as(client, people["greta"])
    return client


def test_the_check_shows_what_stands_out_in_the_period(db, people, greta_checks):
    karin, sara, greta = people["karin"], people["sara"], people["greta"]
    anna, bo = people["anna"], people["bo"]
    logged(db, "access.refused", sara, repeats=3)
    logged(db, "access.refused")  # somebody not logged in: not a staff member's doing
    logged(db, "staff.login_failed", sara)
    logged(db, "staff.second_factor_failed", sara)
    logged(db, "staff.login_failed")  # a username no account has
    logged(db, "participant.view", karin, anna, at=last(SATURDAY, 12))
    logged(db, "brief.view", karin, bo, at=last(WEDNESDAY, 21, 30))
    logged(db, "brief.view", karin, bo, at=last(WEDNESDAY, 6, 59))
    logged(db, "brief.view", karin, bo, at=last(WEDNESDAY, 7, 0))
    logged(db, "brief.pdf", karin, bo, at=last(WEDNESDAY, 18, 59))
    logged(db, "checkins.shared_view", sara, anna, at=last(WEDNESDAY, 10))
    logged(db, "list.view", sara, bo, at=last(WEDNESDAY, 10))  # a list, not opening Bo
    logged(db, "caseload.view", karin, bo, at=last(SATURDAY, 23))  # a list: not counted
    logged(db, "mydata.export", karin, anna, at=last(WEDNESDAY, 11))
    logged(db, "participant.view", sara, bo, at=datetime.now(ZONE) - timedelta(days=31))
    logged(db, "staff.role_change", greta)
    logged(db, "staff.password_reset", greta)
    logged(db, "staff.role_change")  # the case system's import, run as a command

    soup = page(greta_checks.get("/granskning/kontroll"))
    assert soup.h1.get_text() == "Kontroll av loggen"
    assert sections(soup) == {
        "Nekade sidor": [["Sara (Handledare)", "3"]],
        "Misslyckade inloggningar": [
            ["Sara (Handledare)", "2"],
            ["Inget konto med det namnet", "1"],
        ],
        "Utanför arbetstid": [["Karin (Handläggare)", "3"]],
        "Flest deltagare": [["Karin (Handläggare)", "2"], ["Sara (Handledare)", "1"]],
        "Hämtat eller lämnat ut": [["Karin (Handläggare)", "2"]],
        "Konton och roller": [["Greta (Granskare)", "2"]],
    }
    report = soup.select_one("section[aria-labelledby=finding-refused] a")["href"]
    today = datetime.now(ZONE).date()
    assert report == (
        f"/granskning/personal?id={sara.id}&fran={today - timedelta(days=30)}&till={today}"
    ), "the staff member's report over the same days"


def test_a_saved_check_is_listed_and_the_next_one_starts_where_it_ended(db, people, greta_checks):
    logged(db, "access.refused", people["sara"])
    response = greta_checks.post("/granskning/kontroll", data={"note": "  Frågar Sara.  "})
    assert response.status_code == 303
    assert response.headers["Location"] == "/granskning/kontroll?sparad=1"

    soup = page(greta_checks.get(response.headers["Location"]))
    assert (
        soup.select_one("p.notice[role=status]:not([hidden])")
        .get_text()
        .startswith("Kontrollen är sparad")
    )
    assert all(rows == [] for rows in sections(soup).values()), "nothing new since the check"
    [done] = soup.select("ul.log-reviews li")
    assert "Greta" in done.get_text() and "Frågar Sara." in done.get_text()

    [saved] = db.exec(select(LogReview)).all()
    assert (saved.reviewer_id, saved.note) == (people["greta"].id, "Frågar Sara.")
    assert timedelta(days=30) - (saved.period_end - saved.period_start) < timedelta(minutes=1)
    [event] = db.exec(select(AuditEvent).where(AuditEvent.action == "audit.log_review")).all()
    assert event.actor_id == people["greta"].id and event.participant_id is None

    greta_checks.post("/granskning/kontroll", data={"note": ""})
    db.expire_all()
    first, second = db.exec(select(LogReview).order_by(LogReview.id)).all()
    assert second.period_start == first.period_end
    assert second.note == ""


def test_a_note_too_long_is_refused_kindly_and_kept(db, people, greta_checks):
    note = "Frågar Sara om kvällen. " * 50
    response = greta_checks.post("/granskning/kontroll", data={"note": note})
    soup = page(response, status=422)
    assert (
        soup.select_one(".error-summary")
        .get_text(" ", strip=True)
        .endswith("Skriv högst 1 000 tecken.")
    )
    # The browser drops the newline that starts a textarea.
    assert soup.select_one("textarea[name=note]").get_text().removeprefix("\r\n") == note
    assert db.exec(select(LogReview)).all() == []


def test_the_reports_page_says_when_the_log_was_last_checked(db, people, greta_checks):
    def said():
        section = page(greta_checks.get("/granskning/")).select_one(
            "section[aria-labelledby=check-heading]"
        )
        warning = section.select_one(".notice.warning")
        return section.p.get_text(" ", strip=True), warning is not None

    assert said() == ("Loggen har inte kontrollerats än.", True)

    now = utcnow()
    db.add(
        LogReview(
            reviewer_id=people["greta"].id,
            period_start=now - timedelta(days=70),
            period_end=now - timedelta(days=40),
        )
    )
    db.commit()
    text, late = said()
    assert late and text.endswith("av Greta. Det är mer än 30 dagar sedan.")

    db.add(LogReview(reviewer_id=people["greta"].id, period_start=now, period_end=now))
    db.commit()
    text, late = said()
    assert not late and text.endswith("av Greta.")


def test_the_first_check_looks_back_as_far_as_the_routine_says(app, in_request, monkeypatch):
    monkeypatch.setitem(app.config, "LOG_REVIEW_DAYS", 7)
    now = utcnow()
    with in_request():
        assert review.period_start(now) == now - timedelta(days=7)
