"""Opening a QR card: are-you page, confirmation, and every way a card can fail."""

import logging
from datetime import timedelta

import pytest
from sqlmodel import func, select

from app.models import LoginCard, LoginSession, utcnow
from app.web import RedactCardTokens
from tests.conftest import page


def count_logins(db):
    db.expire_all()
    return db.exec(select(func.count()).select_from(LoginSession)).one()


def test_card_asks_who_you_are_and_logs_in_only_on_yes(client, db, make_participant, make_card):
    anna = make_participant("Anna")
    _card, token = make_card(anna)

    soup = page(client.get(f"/k/{token}"))
    assert soup.h1.get_text(strip=True) == "Är du Anna?"
    assert soup.select_one("form[action='/k'] input[name=token]")["value"] == token
    assert count_logins(db) == 0, "opening the link alone must not log in (link previews)"

    response = client.post("/k", data={"token": token})
    assert response.status_code == 303
    assert response.headers["Location"] == "/"
    assert count_logins(db) == 1

    home = page(client.get("/"))
    assert home.h1.get_text(strip=True) == "Hej Anna!"
    assert [a.get_text(strip=True) for a in home.select(".tile")] == [
        "Mina mål",
        "Mina önskemål",
        "Andra vägar",
        "Vem får se?",
        "Mina uppgifter",
        "Min bild",
        "Språk",
        "Så vill jag se det",
    ]
    assert home.select_one("form[action='/logga-ut'] button")


def test_confirm_page_speaks_the_participants_language(client, db, make_participant, make_card):
    omar = make_participant("Omar")
    omar.language = "en"
    db.add(omar)
    db.commit()
    _card, token = make_card(omar)
    soup = page(client.get(f"/k/{token}"))
    assert soup.html["lang"] == "en"
    assert soup.h1.get_text(strip=True) == "Are you Omar?"


def test_redeeming_records_last_use(client, db, make_participant, make_card):
    card, token = make_card(make_participant())
    assert card.last_used_at is None
    client.post("/k", data={"token": token})
    db.refresh(card)
    assert card.last_used_at is not None


def _revoked(db, card):
    card.revoked_at = utcnow()
    db.add(card)
    db.commit()


def _expired(db, card):
    card.expires_at = utcnow() - timedelta(seconds=1)
    db.add(card)
    db.commit()


@pytest.mark.parametrize(
    "spoil",
    ["unknown", "truncated", "too_long", "strange_characters", "revoked", "expired"],
)
def test_a_card_that_does_not_work_gets_one_kind_page(
    client, db, make_participant, make_card, spoil
):
    card, token = make_card(make_participant())
    bad = {
        "unknown": "A" * 22,
        "truncated": token[:-1],
        "too_long": token + "A" * 500,
        "strange_characters": token[:10] + "%3Cscript%3E",
        "revoked": token,
        "expired": token,
    }[spoil]
    if spoil == "revoked":
        _revoked(db, card)
    if spoil == "expired":
        _expired(db, card)

    shown = client.get(f"/k/{bad}")
    soup = page(shown, status=404)
    assert soup.h1.get_text(strip=True) == "Kortet fungerar inte"
    assert "Fråga din handledare om ett nytt kort." in soup.main.get_text()

    posted = client.post("/k", data={"token": bad})
    assert page(posted, status=404).h1.get_text(strip=True) == "Kortet fungerar inte"
    assert count_logins(db) == 0


def test_no_response_tells_a_revoked_card_from_an_unknown_one(
    client, db, make_participant, make_card
):
    card, token = make_card(make_participant())
    _revoked(db, card)
    revoked = client.get(f"/k/{token}")
    unknown = client.get("/k/" + "B" * 22)
    assert revoked.status_code == unknown.status_code == 404

    def main_of(response):
        return page(response, status=404).main.get_text(" ", strip=True)

    assert main_of(revoked) == main_of(unknown)


def test_missing_csrf_token_does_not_log_in(client, db, make_participant, make_card):
    _card, token = make_card(make_participant())
    response = client.post("/k", data={"token": token}, csrf=False)
    assert page(response, status=400).h1.get_text(strip=True) == "Ladda om sidan"
    assert count_logins(db) == 0


def test_card_redeeming_is_rate_limited_with_a_kind_message(
    app, client, make_participant, make_card
):
    app.config["CARD_REDEEM_LIMIT"] = "3 per minute"
    for _ in range(3):
        assert client.get("/k/" + "C" * 22).status_code == 404
    limited = client.get("/k/" + "C" * 22)
    soup = page(limited, status=429)
    assert soup.h1.get_text(strip=True) == "Vänta en liten stund"
    # The limit holds for a real card too, and for the confirming post.
    _card, token = make_card(make_participant())
    assert client.get(f"/k/{token}").status_code == 429
    assert client.post("/k", data={"token": token}).status_code == 429


def test_a_new_card_ends_the_old_one_and_its_logins(client, db, make_participant, make_card):
    anna = make_participant()
    old, old_token = make_card(anna)
    client.post("/k", data={"token": old_token})
    assert page(client.get("/")).h1.get_text(strip=True) == "Hej Anna!"

    _new, new_token = make_card(anna)
    db.refresh(old)
    assert old.revoked_at is not None
    assert client.get(f"/k/{old_token}").status_code == 404
    assert page(client.get("/")).h1.get_text(strip=True) == "Välkommen till Mina steg"
    assert client.get(f"/k/{new_token}").status_code == 200


def test_card_tokens_carry_128_random_bits_and_only_a_hash_is_stored(
    db, make_participant, make_card
):
    card, token = make_card(make_participant())
    assert len(token) == 22  # 16 bytes, URL-safe base64
    stored = db.exec(select(LoginCard)).all()
    assert [c.token_hash for c in stored] == [card.token_hash]
    assert token not in card.token_hash


def test_card_expires_after_the_configured_time(app, make_participant, make_card):
    card, _token = make_card(make_participant())
    expected = timedelta(days=app.config["CARD_VALID_DAYS"])
    assert abs((card.expires_at - card.issued_at) - expected) < timedelta(seconds=5)


def test_participant_login_ends_after_idle_time(client, db, make_participant, login_participant):
    login_participant(client, make_participant())
    login = db.exec(select(LoginSession)).one()
    login.last_seen_at = utcnow() - timedelta(days=8)
    db.add(login)
    db.commit()
    assert page(client.get("/")).h1.get_text(strip=True) == "Välkommen till Mina steg"
    db.refresh(login)
    assert login.ended_at is not None


def test_a_login_notes_when_it_was_last_used_at_most_once_a_minute(
    client, db, make_participant, login_participant
):
    login_participant(client, make_participant())
    login = db.exec(select(LoginSession)).one()
    recently = utcnow() - timedelta(seconds=30)
    login.last_seen_at = recently
    db.add(login)
    db.commit()
    page(client.get("/"))
    db.refresh(login)
    assert login.last_seen_at == recently  # no write for every page
    login.last_seen_at = utcnow() - timedelta(minutes=5)
    db.add(login)
    db.commit()
    page(client.get("/"))
    db.refresh(login)
    assert utcnow() - login.last_seen_at < timedelta(minutes=1)
    assert login.ended_at is None


def test_logout_ends_the_login_on_the_server(client, db, make_participant, login_participant):
    login_participant(client, make_participant())
    stolen_cookie = client.get_cookie("mina_steg").value
    assert client.post("/logga-ut").status_code == 303
    assert db.exec(select(LoginSession)).one().ended_at is not None
    # Replaying the old cookie does not bring the login back.
    client.set_cookie("mina_steg", stolen_cookie)
    assert page(client.get("/")).h1.get_text(strip=True) == "Välkommen till Mina steg"


def test_card_urls_are_redacted_from_request_logs():
    record = logging.LogRecord(
        "werkzeug",
        logging.INFO,
        __file__,
        1,
        '127.0.0.1 - "GET /k/%s HTTP/1.1" 200 -',
        ("DtWcLAwX6NtF1X_rE6UCtw",),
        None,
    )
    RedactCardTokens().filter(record)
    assert "DtWcLAwX6NtF1X_rE6UCtw" not in record.getMessage()
    assert "/k/[card]" in record.getMessage()


def test_not_me_page_is_kind(client):
    soup = page(client.get("/k/inte-jag"))
    assert soup.h1.get_text(strip=True) == "Det är inte du"
