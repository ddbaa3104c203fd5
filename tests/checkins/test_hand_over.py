"""A hand-over login ("Hjälp Anna med frågorna") opens the check-in pages only, is logged as the
supervisor acting for Anna, and ends on "Klar", on logout and after a short time."""

from datetime import timedelta

import pytest
from sqlmodel import select

from app.checkins.models import CheckIn, CheckInAnswer
from app.consent.models import ConsentEvent
from app.models import AuditEvent, LoginSession, Participant, utcnow
from tests.conftest import page


@pytest.fixture
def people(make_unit, make_staff, make_participant):
    unit = make_unit("Kaféet")
    sara = make_staff("supervisor", units=[unit], username="sara")
    anna = make_participant("Anna", unit=unit, case_officer=make_staff("case_officer"))
    return {"sara": sara, "anna": anna}


@pytest.fixture
def handed_over(client, people, make_meeting, login_as):
    """Sara's phone, handed over to Anna for the check-in: returns the check-in's id."""
    make_meeting(people["anna"])
    login_as(client, people["sara"])
    # As the button "Hjälp Anna med frågorna" posts it.
    response = client.post(
        f"/personal/deltagare/{people['anna'].id}/lamna-over", data={"to": "checkin"}
    )
    assert response.status_code == 303
    assert response.headers["Location"] == "/infor-motet/fortsatt"
    soup = page(client.get("/infor-motet/fraga/how_it_is"))
    return soup.select_one("input[name=check_in]")["value"]


def answer(client, check_in, key, *choices):
    return client.post(
        f"/infor-motet/fraga/{key}", data={"check_in": check_in, "choice": list(choices)}
    )


# Pages a hand-over login must not open, with what they would change.
REFUSED = [
    ("GET", "/mina-uppgifter", {}),
    ("GET", "/vem-far-se", {}),
    ("POST", "/vem-far-se", {"area": "checkins", "answer": "ja"}),
    ("GET", "/min-bild", {}),
    ("POST", "/min-bild", {"pictogram": "person_moon"}),
    ("POST", "/sprak", {"lang": "en"}),
    ("GET", "/sa-vill-jag-se-det", {}),
    ("POST", "/sa-vill-jag-se-det", {"large_text": "1"}),
    ("GET", "/onskemal", {}),
    ("GET", "/mina-mal", {}),
    ("GET", "/andra-vagar", {}),
]


@pytest.mark.parametrize(("method", "path", "data"), REFUSED)
def test_a_hand_over_login_opens_nothing_but_the_check_in(
    client, db, people, handed_over, method, path, data
):
    before = db.get(Participant, people["anna"].id).model_dump()
    response = client.get(path) if method == "GET" else client.post(path, data=data)
    soup = page(response, 403)
    assert soup.h1.get_text(strip=True) == "Den här sidan är stängd nu"
    assert soup.select_one("a[href='/infor-motet/fortsatt']")
    db.expire_all()
    assert db.get(Participant, people["anna"].id).model_dump() == before
    assert db.exec(select(ConsentEvent)).all() == []
    refused = db.exec(select(AuditEvent).where(AuditEvent.action == "access.refused")).all()
    assert [(e.actor_id, e.detail.split()[-1]) for e in refused] == [
        (people["sara"].id, "hand-over")
    ]


def test_draft_deletion_is_refused_in_a_hand_over_login(client, db, people, handed_over):
    answer(client, handed_over, "feels_safe", "no")
    response = client.post(f"/mina-uppgifter/svar/{handed_over}/ta-bort")
    assert response.status_code == 403
    db.expire_all()
    assert db.get(CheckIn, int(handed_over)) is not None
    assert len(db.exec(select(CheckInAnswer)).all()) == 1


def test_home_leads_to_the_questions(client, handed_over):
    assert client.get("/").headers["Location"] == "/infor-motet/fortsatt"


def test_every_read_and_write_is_logged_as_the_supervisor_for_anna(client, db, people, handed_over):
    client.get("/infor-motet/svar")
    answer(client, handed_over, "how_it_is", "good")
    rows = db.exec(
        select(AuditEvent.action, AuditEvent.actor_id, AuditEvent.participant_id, AuditEvent.detail)
        .where(AuditEvent.action.like("handover.%"))
        .order_by(AuditEvent.id)
    ).all()
    sara, anna = people["sara"].id, people["anna"].id
    assert [tuple(r) for r in rows] == [
        ("handover.read", sara, anna, "checkins.question"),
        ("handover.read", sara, anna, "checkins.summary"),
        ("handover.write", sara, anna, "checkins.answer"),
    ]
    saved = db.exec(select(CheckInAnswer)).one()
    assert saved.helper_id == sara


def open_logins(db, participant):
    db.expire_all()
    return db.exec(
        select(LoginSession).where(
            LoginSession.participant_id == participant.id, LoginSession.ended_at.is_(None)
        )
    ).all()


def test_the_login_ends_on_klar_and_the_phone_goes_back(client, db, people, handed_over):
    response = client.post("/infor-motet/klar", data={"check_in": handed_over})
    assert response.headers["Location"] == "/infor-motet/tack"
    assert open_logins(db, people["anna"]) == []
    soup = page(client.get("/infor-motet/tack"))
    assert "Ge tillbaka telefonen till din handledare." in soup.get_text()
    assert soup.select_one("a[href='/personal/logga-in']")
    # Once: after that the thanks page is Anna's own again, and nobody is logged in.
    assert client.get("/infor-motet/tack").status_code == 302
    assert client.get("/infor-motet/fraga/how_it_is").status_code == 302
    actions = db.exec(select(AuditEvent.action).order_by(AuditEvent.id)).all()
    assert actions[-1] == "session.hand_back"


def test_logging_out_ends_it_and_asks_the_supervisor_to_log_in(client, db, people, handed_over):
    response = client.post("/logga-ut")
    assert response.headers["Location"] == "/personal/logga-in"
    assert open_logins(db, people["anna"]) == []


def test_it_ends_after_two_hours_whatever_happens(app, client, db, people, handed_over):
    assert app.config["HAND_OVER_MAX_MINUTES"] == 120
    (login,) = open_logins(db, people["anna"])
    login.created_at = utcnow() - timedelta(minutes=121)
    db.add(login)
    db.commit()
    assert client.get("/infor-motet/fraga/how_it_is").status_code == 302
    assert open_logins(db, people["anna"]) == []


def test_the_supervisor_page_offers_only_help_with_the_questions(
    client, people, make_meeting, login_as
):
    make_meeting(people["anna"])
    login_as(client, people["sara"])
    soup = page(client.get(f"/personal/deltagare/{people['anna'].id}"))
    hand_over = soup.select(f"form[action='/personal/deltagare/{people['anna'].id}/lamna-over']")
    assert len(hand_over) == 1
    assert "Hjälp Anna med frågorna" in hand_over[0].get_text()


def test_no_hand_over_without_open_questions(client, db, people, login_as):
    login_as(client, people["sara"])
    response = client.post(f"/personal/deltagare/{people['anna'].id}/lamna-over")
    assert response.status_code == 404
    assert open_logins(db, people["anna"]) == []


def test_the_auditors_report_shows_the_supervisors_reads_for_anna(
    app, client, people, handed_over, make_staff, login_as
):
    answer(client, handed_over, "how_it_is", "good")
    auditor = app.test_client()
    login_as(auditor, make_staff("auditor"))
    soup = page(auditor.get(f"/granskning/personal?id={people['sara'].id}"))
    rows = [row.get_text(" ", strip=True) for row in soup.select(".log-row")]
    assert any("Anna" in r and "Öppnade en sida med frågorna, på sin enhet åt" in r for r in rows)
    assert any("Anna" in r and "Sparade ett svar, på sin enhet åt deltagaren" in r for r in rows)
