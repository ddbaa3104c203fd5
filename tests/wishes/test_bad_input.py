"""Bad input gets a clear 4xx and changes nothing: hidden or unknown cards, unknown piles,
someone else's wishes, overlong text, a missing CSRF token."""

import pytest
from sqlmodel import select

from app.wishes.models import WishCard
from tests.conftest import page
from tests.wishes.conftest import table_counts


@pytest.fixture
def hidden(db):
    card = db.exec(select(WishCard).where(WishCard.key == "bilar")).one()
    card.hidden = True
    db.add(card)
    db.commit()
    return card


def test_a_hidden_card_cannot_be_seen_or_sorted(anna_client, db, hidden):
    before = table_counts(db)
    page(anna_client.get("/onskemal/kort/bilar"), status=404)
    page(anna_client.post("/onskemal/kort/bilar", data={"pile": "like"}), status=404)
    assert table_counts(db) == before
    overview = page(anna_client.get("/onskemal/oversikt"))
    assert not overview.select("a[href^='/onskemal/kort/bilar']")
    # The walk goes round it.
    anna_client.post("/onskemal/kort/bilar", data={"pile": "like"})
    walk = anna_client.post("/onskemal/kort/tvatt", data={"pile": "like"})
    assert walk.headers["Location"] == "/onskemal/kort/konst"


def test_an_unknown_card_is_not_found(anna_client, db):
    before = table_counts(db)
    for key in ["finns-inte", "1", "djur%00", "../admin"]:
        assert anna_client.post(f"/onskemal/kort/{key}", data={"pile": "like"}).status_code == 404
    assert table_counts(db) == before


@pytest.mark.parametrize("pile", ["love", "", "LIKE", "like ", "x" * 500])
def test_an_unknown_pile_is_refused_kindly(anna_client, db, pile):
    before = table_counts(db)
    soup = page(anna_client.post("/onskemal/kort/djur", data={"pile": pile}), status=422)
    assert soup.title.string.startswith("Fel:")
    assert soup.select_one("#pile-error").get_text(strip=True) == "Välj en av knapparna."
    assert soup.select_one("fieldset")["aria-describedby"] == "pile-error"
    assert table_counts(db) == before


def test_no_pile_at_all_is_refused(anna_client, db):
    before = table_counts(db)
    page(anna_client.post("/onskemal/kort/djur", data={}), status=422)
    assert table_counts(db) == before


def test_a_participant_only_ever_changes_their_own_wishes(
    client, db, anna, make_participant, login_participant, wishes, notes
):
    """Forms carry a card and a pile, never a person or a wish: the login says whose it is."""
    bea = make_participant("Bea")
    bea_client = client.application.test_client()
    login_participant(bea_client, bea)
    bea_client.post("/onskemal/kort/djur", data={"pile": "like"})
    bea_client.post("/onskemal/nagot-annat", data={"text": "Beas text"})

    login_participant(client, anna)
    forged = {"participant_id": bea.id, "participant": bea.id, "wish_id": 1, "pile": "dislike"}
    assert client.post("/onskemal/kort/djur", data=forged).status_code == 303
    client.post("/onskemal/nagot-annat", data={"text": "Annas text", "participant_id": bea.id})
    assert wishes(bea) == [("djur", "like")]
    assert notes(bea) == ["Beas text"]
    assert wishes(anna) == [("djur", "dislike")]
    assert notes(anna) == ["Annas text"]
    # Nor can Anna see Bea's wishes anywhere: her overview holds only her own.
    overview = page(client.get("/onskemal/oversikt"))
    assert [a.get_text(strip=True) for a in overview.select("#pile-like + ul a")] == []
    assert "Beas text" not in overview.get_text()


def test_another_participants_wishes_are_not_shown_to_staff_who_may_not_see_them(
    client, db, anna, make_participant, make_staff, login_as
):
    other_officer = make_staff("case_officer")
    login_as(client, other_officer)
    page(client.get(f"/personal/deltagare/{anna.id}"), status=404)


def test_overlong_text_is_refused_kindly_and_kept(anna_client, db):
    anna_client.post("/onskemal/nagot-annat", data={"text": "Hästar"})
    before = table_counts(db)
    text = "Jag vill jobba med hästar. " * 12  # 324 characters
    soup = page(anna_client.post("/onskemal/nagot-annat", data={"text": text}), status=422)
    assert soup.title.string.startswith("Fel:")
    message = "Texten är lite för lång. Ta bort några ord. Det får vara högst 300 tecken."
    assert soup.select_one(".error-summary a").get_text(strip=True) == message
    assert soup.select_one(".error-summary a")["href"] == "#text"
    assert message in soup.select_one("#text-error").get_text()
    textarea = soup.select_one("textarea#text")
    assert not textarea.has_attr("maxlength"), "a browser would cut the text silently"
    assert textarea.get_text().strip() == text.strip(), "the text is kept"
    assert "text-error" in textarea["aria-describedby"]
    assert textarea["aria-invalid"] == "true"
    assert table_counts(db) == before


def test_exactly_300_characters_are_fine(anna_client, anna, notes):
    text = "a" * 300
    assert anna_client.post("/onskemal/nagot-annat", data={"text": text}).status_code == 303
    assert notes(anna) == [text]


def test_a_post_without_csrf_token_changes_nothing(anna_client, db):
    before = table_counts(db)
    response = anna_client.post("/onskemal/kort/djur", data={"pile": "like"}, csrf=False)
    assert response.status_code == 400
    response = anna_client.post("/onskemal/nagot-annat", data={"text": "x"}, csrf=False)
    assert response.status_code == 400
    assert table_counts(db) == before


def test_a_body_too_large_is_refused(anna_client, db):
    before = table_counts(db)
    response = anna_client.post("/onskemal/nagot-annat", data={"text": "x" * 70_000})
    assert response.status_code == 413
    assert table_counts(db) == before
