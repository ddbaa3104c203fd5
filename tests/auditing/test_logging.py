"""What the log catches besides ordinary reads: failed logins, refused pages, cards that do not
work. It never keeps what anyone typed or a card's secret, and its rows cannot be changed."""

import pytest
from bs4 import BeautifulSoup
from sqlalchemy import inspect
from sqlmodel import select

from app.models import AuditEvent, utcnow
from tests.conftest import PASSWORD


def main_part(response) -> str:
    return str(BeautifulSoup(response.get_data(as_text=True), "html.parser").select_one("main"))


def log(db):
    """The log, less the rows of the test's own arranging (its accounts being made)."""
    db.expire_all()
    return db.exec(
        select(AuditEvent).where(AuditEvent.action != "staff.create").order_by(AuditEvent.id)
    ).all()


def everything_stored(db) -> str:
    """Every value of every log row, as text, to look for things that must not be there."""
    columns = [c.key for c in inspect(AuditEvent).columns]
    return " ".join(str(getattr(row, c)) for row in log(db) for c in columns)


def test_a_wrong_password_names_the_account_and_never_the_password(client, db, people):
    response = client.post(
        "/personal/logga-in", data={"username": "sara", "password": "hunter2-secret"}
    )
    assert response.status_code == 422
    [row] = log(db)
    assert (row.action, row.outcome, row.actor_id) == (
        "staff.login_failed",
        "failed",
        people["sara"].id,
    )
    assert "hunter2" not in everything_stored(db)


def test_an_unknown_username_is_logged_without_what_was_typed(client, db, people):
    client.post("/personal/logga-in", data={"username": "mallory-x", "password": PASSWORD})
    [row] = log(db)
    assert (row.action, row.outcome, row.actor_id, row.detail) == (
        "staff.login_failed",
        "failed",
        None,
        "unknown username",
    )
    stored = everything_stored(db)
    assert "mallory" not in stored and PASSWORD not in stored


def test_the_auditor_sees_failed_logins_in_the_staff_report(client, app, db, people, login_as):
    app.test_client().post("/personal/logga-in", data={"username": "sara", "password": "nope"})
    login_as(client, people["greta"])
    html = client.get(f"/granskning/personal?id={people['sara'].id}").get_data(as_text=True)
    assert "Misslyckad inloggning" in html


def test_a_refused_look_at_a_participant_is_logged(
    client, db, people, make_staff, make_unit, login_as
):
    elsewhere = make_staff("supervisor", units=[make_unit("Tvätteriet")])
    login_as(client, elsewhere)
    assert client.get(f"/personal/deltagare/{people['anna'].id}").status_code == 404
    refused = [row for row in log(db) if row.action == "access.refused"]
    assert [(r.actor_id, r.participant_id, r.outcome, r.detail) for r in refused] == [
        (elsewhere.id, people["anna"].id, "refused", "404 GET staff.participant")
    ]


def test_a_forbidden_page_is_logged(client, db, people, login_as):
    login_as(client, people["sara"])
    assert client.get("/granskning/").status_code == 403
    [row] = [row for row in log(db) if row.action == "access.refused"]
    assert (row.actor_id, row.detail) == (people["sara"].id, "403 GET auditing.index")


def test_an_address_that_is_no_page_is_not_logged(client, db, people, login_as):
    login_as(client, people["sara"])
    assert client.get("/finns-inte").status_code == 404
    assert not [row for row in log(db) if row.action == "access.refused"]


def test_a_refused_request_saves_nothing_else(client, db, people, make_staff, login_as):
    """The log row is written alone: nothing the refused request had started comes with it."""
    elsewhere = make_staff("supervisor")
    login_as(client, elsewhere)
    before = len(log(db))
    client.post(f"/personal/deltagare/{people['anna'].id}/lamna-over")
    assert [r.action for r in log(db)[before:]] == ["access.refused"]


@pytest.mark.parametrize("how", ["unknown", "revoked"])
def test_cards_that_do_not_work_look_the_same_and_the_secret_is_not_logged(
    client, db, people, make_card, how
):
    card, token = make_card(people["anna"])
    if how == "revoked":
        card.revoked_at = utcnow()
        db.add(card)
        db.commit()
    else:
        token = "x" * 43
    confirm = client.get(f"/k/{token}")
    redeem = client.post("/k", data={"token": token})
    unknown = client.get(f"/k/{'y' * 43}")
    assert confirm.status_code == redeem.status_code == 404
    # The same page: its main part is the same, word for word.
    assert main_part(confirm) == main_part(unknown)
    refused = [row for row in log(db) if row.action == "access.refused"]
    # The same refusal from the same address is counted on its first row.
    assert [(r.detail, r.repeats) for r in refused] == [
        ("404 GET card_login.confirm", 2),
        ("404 POST card_login.redeem", 1),
    ]
    assert all(r.participant_id is None for r in refused)
    assert token not in everything_stored(db)


def test_log_rows_cannot_be_changed_or_deleted(app, db, people, in_request):
    db.add(AuditEvent(action="participant.view", participant_id=people["anna"].id))
    db.commit()
    [row] = log(db)
    row.action = "nothing"
    with pytest.raises(PermissionError):
        db.commit()
    db.rollback()
    db.delete(log(db)[0])
    with pytest.raises(PermissionError):
        db.commit()
    db.rollback()
    assert [row.action for row in log(db)] == ["participant.view"]


def test_no_route_writes_to_the_log_except_by_adding(app):
    """Every view module reaches the log through audit.record only (adding rows)."""
    from pathlib import Path

    root = Path(app.root_path)
    for source in root.rglob("*.py"):
        if source.name == "audit.py":
            continue
        text = source.read_text(encoding="utf-8")
        if "AuditEvent" in text:
            assert "delete(" not in text and "update(" not in text, source


def test_events_name_the_address_the_request_came_from(client, db, people):
    client.post(
        "/personal/logga-in",
        data={"username": "sara", "password": "nope"},
        environ_base={"REMOTE_ADDR": "192.0.2.7"},
    )
    [row] = log(db)
    assert row.source == "192.0.2.7"


def test_events_outside_a_request_have_no_address(app, db, people):
    from app import audit

    with app.app_context():
        audit.record("participant.view", people["anna"].id)
    [row] = log(db)
    assert row.source is None
