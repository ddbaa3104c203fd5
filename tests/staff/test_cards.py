"""Staff hand out cards: issue, print, revoke, hand over the device. Every step audit-logged."""

from sqlmodel import select

from app.models import AuditEvent, LoginCard, LoginSession
from tests.conftest import fragment, page, picture_file


def audit_actions(db, participant):
    db.expire_all()
    events = db.exec(
        select(AuditEvent)
        .where(AuditEvent.participant_id == participant.id)
        .order_by(AuditEvent.id)
    ).all()
    return [e.action for e in events]


def test_supervisor_sees_cards_with_issue_date_expiry_and_last_use(
    client, db, make_unit, make_staff, make_participant, make_card, login_as
):
    unit = make_unit()
    sara = make_staff("supervisor", units=[unit])
    anna = make_participant("Anna", unit=unit)
    _card, token = make_card(anna)
    client.application.test_client().post("/k", data={"token": token})

    login_as(client, sara)
    soup = page(client.get(f"/personal/deltagare/{anna.id}"))
    (card,) = soup.select("#cards .card-list li")
    facts = {
        dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(strip=True)
        for dt in card.select("dt")
    }
    assert set(facts) == {"Utfärdat", "Gäller till", "Senast använt"}
    assert facts["Senast använt"] != "Aldrig"
    assert card.select_one(".tag").get_text(strip=True) == "Fungerar"
    assert audit_actions(db, anna)[-1] == "participant.view"


def test_issuing_a_card_shows_a_print_sheet_once(
    client, db, make_unit, make_staff, make_participant, login_as
):
    unit = make_unit()
    login_as(client, make_staff("supervisor", units=[unit]))
    anna = make_participant("Anna", unit=unit)
    shown = page(client.get(f"/personal/deltagare/{anna.id}"))
    cards_seen = shown.select_one("input[name=cards_seen]")["value"]
    soup = page(client.post(f"/personal/deltagare/{anna.id}/kort", data={"cards_seen": cards_seen}))
    card = soup.select_one(".login-card")
    assert card.select_one(".name").get_text(strip=True) == "Anna"
    assert card.select_one("img.qr")["src"].startswith("data:image/svg+xml;base64,")
    assert card.select_one(".line").get_text(strip=True) == "Skanna koden med din telefon"
    assert picture_file(card.select_one("img.pic")["src"]) == "person_sun.svg"
    assert len(db.exec(select(LoginCard)).all()) == 1
    assert audit_actions(db, anna) == ["participant.view", "card.print", "card.issue"]


def test_a_unit_sheet_prints_cards_for_the_ticked_participants(
    client, db, make_unit, make_staff, make_participant, login_as
):
    unit = make_unit()
    login_as(client, make_staff("supervisor", units=[unit]))
    anna = make_participant("Anna", unit=unit)
    omar = make_participant("Omar", unit=unit)
    make_participant("Lisa", unit=unit)
    soup = page(
        client.post(
            f"/personal/enhet/{unit.id}/kort",
            data={"participant": [anna.id, omar.id], "cards_seen": 0},
        )
    )
    names = [n.get_text(strip=True) for n in soup.select(".login-card .name")]
    assert names == ["Anna", "Omar"]


def test_reloading_the_print_page_does_not_end_the_card_just_printed(
    client, db, make_unit, make_staff, make_participant, make_card, login_as
):
    unit = make_unit()
    login_as(client, make_staff("supervisor", units=[unit]))
    anna = make_participant("Anna", unit=unit)
    form = {"cards_seen": 0}
    assert client.post(f"/personal/deltagare/{anna.id}/kort", data=form).status_code == 200
    printed = db.exec(select(LoginCard)).one()
    # The browser sends the same form again (reload, back and forward, a second tap).
    again = client.post(f"/personal/deltagare/{anna.id}/kort", data=form)
    assert page(again, status=409).h1.get_text(strip=True) == "Korten är redan gjorda"
    sheet = client.post(
        f"/personal/enhet/{unit.id}/kort", data={"participant": [anna.id], "cards_seen": 0}
    )
    assert sheet.status_code == 409
    db.refresh(printed)
    assert db.exec(select(LoginCard)).all() == [printed]
    assert printed.revoked_at is None


def test_a_unit_sheet_with_nobody_ticked_asks_kindly(
    client, db, make_unit, make_staff, make_participant, login_as
):
    unit = make_unit()
    login_as(client, make_staff("supervisor", units=[unit]))
    make_participant("Anna", unit=unit)
    soup = page(client.post(f"/personal/enhet/{unit.id}/kort", data={}), status=422)
    assert (
        soup.select_one(f"#pick-error-{unit.id}").get_text(strip=True) == "Välj minst en deltagare."
    )
    assert db.exec(select(LoginCard)).all() == []


def test_revoking_a_card_ends_the_participants_session(
    client, db, make_unit, make_staff, make_participant, make_card, login_as
):
    unit = make_unit()
    anna = make_participant("Anna", unit=unit)
    card, token = make_card(anna)
    phone = client.application.test_client()
    phone.post("/k", data={"token": token})
    assert page(phone.get("/")).h1.get_text(strip=True) == "Hej Anna!"

    login_as(client, make_staff("supervisor", units=[unit]))
    response = client.post(f"/personal/kort/{card.id}/sparra")
    assert response.status_code == 303
    db.refresh(card)
    assert card.revoked_at is not None
    assert page(phone.get("/")).h1.get_text(strip=True) == "Välkommen till Mina steg"
    assert phone.get(f"/k/{token}").status_code == 404
    assert "card.revoke" in audit_actions(db, anna)


def test_revoking_with_htmx_swaps_only_the_cards_section(
    client, db, make_unit, make_staff, make_participant, make_card, login_as
):
    unit = make_unit()
    anna = make_participant("Anna", unit=unit)
    card, _token = make_card(anna)
    login_as(client, make_staff("supervisor", units=[unit]))
    response = client.post(
        f"/personal/kort/{card.id}/sparra", headers={"HX-Request": "true"}, follow_redirects=True
    )
    soup = fragment(response)
    assert soup.select_one("section#cards .tag").get_text(strip=True) == "Spärrat"
    assert "HX-Request" in response.headers["Vary"]


def test_participant_page_as_page_fragment_boosted_and_history_restore(
    client, make_unit, make_staff, make_participant, login_as
):
    unit = make_unit()
    anna = make_participant("Anna", unit=unit)
    login_as(client, make_staff("supervisor", units=[unit]))
    url = f"/personal/deltagare/{anna.id}"
    assert page(client.get(url)).select_one("section#cards")
    assert fragment(client.get(url, headers={"HX-Request": "true"})).select_one("section#cards")
    boosted = {"HX-Request": "true", "HX-Boosted": "true"}
    assert page(client.get(url, headers=boosted)).h1.get_text(strip=True) == "Anna"
    restore = {"HX-Request": "true", "HX-History-Restore-Request": "true"}
    assert page(client.get(url, headers=restore)).h1.get_text(strip=True) == "Anna"


def test_hand_over_logs_the_device_in_as_the_participant_and_records_the_helper(
    client, db, make_unit, make_staff, make_participant, make_meeting, login_as
):
    unit = make_unit()
    sara = make_staff("supervisor", units=[unit])
    anna = make_participant("Anna", unit=unit)
    make_meeting(anna)
    login_as(client, sara)
    response = client.post(f"/personal/deltagare/{anna.id}/lamna-over")
    assert response.status_code == 303
    assert response.headers["Location"] == "/infor-motet/fortsatt"
    assert page(client.get("/infor-motet")).select_one(".site-header")
    logins = db.exec(select(LoginSession).order_by(LoginSession.id)).all()
    assert logins[0].staff_id == sara.id and logins[0].ended_at is not None
    assert logins[1].participant_id == anna.id and logins[1].helper_id == sara.id
    assert "session.hand_over" in audit_actions(db, anna)
    # The device is no longer the supervisor's.
    assert client.get("/personal/").status_code == 302


def test_audit_log_holds_no_personal_data(
    client, db, make_unit, make_staff, make_participant, login_as
):
    unit = make_unit()
    anna = make_participant("Anna", unit=unit)
    sara = make_staff("supervisor", units=[unit])
    login_as(client, sara)
    client.get(f"/personal/deltagare/{anna.id}")
    event = db.exec(select(AuditEvent).where(AuditEvent.participant_id.is_not(None))).one()
    assert (event.actor_id, event.participant_id, event.action) == (
        sara.id,
        anna.id,
        "participant.view",
    )
    assert "Anna" not in repr(event.model_dump())
