"""Administrators keep the card catalogue without code: words, pictogram, group, order, hidden."""

import pytest
from sqlmodel import select

from app.wishes.models import Wish, WishCard
from tests.conftest import page
from tests.wishes.conftest import table_counts


@pytest.fixture
def admin_client(app, make_staff, login_as):
    """The administrator's own browser (participants in a test use `client`)."""
    client = app.test_client()
    login_as(client, make_staff("admin"))
    return client


def card_data(**changes):
    data = {
        "word_sv": "Hästar",
        "word_en": "Horses",
        "group": "activities",
        "pictogram": "animals",
        "position": "15",
        "visibility": "shown",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_the_catalogue_lists_every_card_by_group(admin_client):
    soup = page(admin_client.get("/admin/onskemal-kort"))
    assert soup.h1.get_text(strip=True) == "Kort för önskemål"
    assert [h.get_text(strip=True) for h in soup.select("h2")] == [
        "Vad jag gillar att göra",
        "Var jag gillar att vara",
        "Hur jag gillar att jobba",
    ]
    assert len(soup.select("tbody tr")) == 30
    first = soup.select_one("tbody tr")
    cells = [td.get_text(strip=True) for td in first.select("td")]
    assert cells[0] == "10" and cells[2:4] == ["Djur", "Animals"]
    assert cells[-2] == "Visas"
    assert first.select_one("a")["href"] == "/admin/onskemal-kort/djur"


def test_the_admin_start_page_links_to_the_catalogue(admin_client):
    soup = page(admin_client.get("/admin/"))
    assert soup.select_one("a[href='/admin/onskemal-kort']")


def test_adding_a_card_puts_it_in_the_participants_walk(
    app, admin_client, db, anna, login_participant
):
    form = page(admin_client.get("/admin/onskemal-kort/ny"))
    assert form.select_one("input#word_sv[lang=sv]") and form.select_one("input#word_en[lang=en]")
    assert form.select_one("input[name=pictogram][value=animals]")
    assert not form.select("input[name=pictogram][value^=person_]")
    assert form.select_one("input[name=visibility][value=shown]").has_attr("checked")
    response = admin_client.post("/admin/onskemal-kort/ny", data=card_data())
    assert response.headers["Location"] == "/admin/onskemal-kort"
    card = db.exec(select(WishCard).where(WishCard.key == "hastar")).one()
    assert card.words == {"sv": "Hästar", "en": "Horses"}
    assert (card.group, card.position, card.pictogram, card.hidden) == (
        "activities",
        15,
        "animals",
        False,
    )
    assert card.created_by_id is not None

    participant = app.test_client()
    login_participant(participant, anna)
    response = participant.post("/onskemal/kort/djur", data={"pile": "like"})
    assert response.headers["Location"] == "/onskemal/kort/hastar", "after Djur (10), before 20"
    assert page(participant.get("/onskemal/kort/hastar")).h1.get_text(strip=True) == "Hästar"


def test_a_second_card_with_the_same_word_gets_its_own_address(admin_client, db):
    admin_client.post("/admin/onskemal-kort/ny", data=card_data(word_sv="Djur"))
    keys = [c.key for c in db.exec(select(WishCard).where(WishCard.key.like("djur%")))]
    assert sorted(keys) == ["djur", "djur-2"]


def test_a_word_missing_in_a_language_falls_back_to_swedish(admin_client, db, anna_client):
    admin_client.post("/admin/onskemal-kort/ny", data=card_data(word_en=""))
    card = db.exec(select(WishCard).where(WishCard.key == "hastar")).one()
    assert card.words == {"sv": "Hästar"}
    anna_client.post("/sprak", data={"lang": "en", "next": "/"})
    assert page(anna_client.get("/onskemal/kort/hastar")).h1.get_text(strip=True) == "Hästar"


def test_editing_a_card_changes_its_words_group_order_and_picture(admin_client, db, card):
    form = page(admin_client.get("/admin/onskemal-kort/djur"))
    assert form.h1.get_text(strip=True) == "Ändra kort"
    assert form.select_one("input#word_sv")["value"] == "Djur"
    assert form.select_one("input[name=group][value=activities]").has_attr("checked")
    assert form.select_one("input[name=pictogram][value=animals]").has_attr("checked")
    response = admin_client.post(
        "/admin/onskemal-kort/djur",
        data=card_data(
            word_sv="Djur och natur",
            word_en="Animals and nature",
            group="places",
            pictogram="nature",
            position="5",
        ),
    )
    assert response.status_code == 303
    djur = card("djur")
    assert djur.words == {"sv": "Djur och natur", "en": "Animals and nature"}
    assert (djur.group, djur.position, djur.pictogram) == ("places", 5, "nature")
    assert djur.updated_by_id is not None and djur.updated_at is not None


def test_hiding_a_card_takes_it_away_from_participants_but_keeps_their_wishes(
    admin_client, db, anna, anna_client, card, in_request
):
    anna_client.post("/onskemal/kort/musik", data={"pile": "like"})
    response = admin_client.post(
        "/admin/onskemal-kort/musik",
        data=card_data(
            word_sv="Musik", word_en="Music", pictogram="music", position="70", visibility="hidden"
        ),
    )
    assert response.status_code == 303
    assert card("musik").hidden
    listing = page(admin_client.get("/admin/onskemal-kort"))
    row = listing.select_one("a[href='/admin/onskemal-kort/musik']").find_parent("tr")
    assert "hidden-card" in row["class"] and row.select_one(".tag").get_text(strip=True) == "Dolt"

    assert anna_client.get("/onskemal/kort/musik").status_code == 404
    overview = page(anna_client.get("/onskemal/oversikt"))
    assert not overview.select("a[href^='/onskemal/kort/musik']")
    assert "30" not in page(anna_client.get("/onskemal/kort/djur")).select_one(".wish-kicker").text
    # The wish is history, still there for the case officer.
    assert len(db.exec(select(Wish)).all()) == 1
    from app.wishes import brief

    with in_request():
        piles = dict(brief.wishes_for_brief(anna.id).piles)
    assert [c.card.key for c in next(v for k, v in piles.items() if k.key == "like")] == ["musik"]

    # And it can be shown again.
    admin_client.post(
        "/admin/onskemal-kort/musik",
        data=card_data(word_sv="Musik", pictogram="music", position="70", visibility="shown"),
    )
    assert anna_client.get("/onskemal/kort/musik").status_code == 200


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"word_sv": ""}, "word_sv"),
        ({"word_sv": "x" * 61}, "word_sv"),
        ({"group": "secret"}, "group"),
        ({"pictogram": "person_sun"}, "pictogram"),
        ({"pictogram": "../../etc/passwd"}, "pictogram"),
        ({"position": "many"}, "position"),
        ({"position": "-1"}, "position"),
        ({"visibility": "maybe"}, "visibility"),
    ],
)
def test_bad_card_input_is_refused_with_the_input_kept(admin_client, db, changes, field):
    before = table_counts(db)
    soup = page(admin_client.post("/admin/onskemal-kort/ny", data=card_data(**changes)), 422)
    assert soup.title.string.startswith("Fel:")
    assert soup.select_one(f"#{field}-error")
    assert soup.select_one(".error-summary a")["href"].startswith(f"#{field}")
    assert soup.select_one("#word_en")["value"] == "Horses", "the input is kept"
    assert table_counts(db) == before


def test_an_unknown_card_cannot_be_edited(admin_client, db):
    before = table_counts(db)
    assert admin_client.post("/admin/onskemal-kort/finns-inte", data=card_data()).status_code == 404
    assert table_counts(db) == before


@pytest.mark.parametrize("role", ["supervisor", "case_officer"])
def test_only_administrators_keep_the_catalogue(client, db, make_staff, login_as, role):
    login_as(client, make_staff(role))
    before = table_counts(db)
    assert client.get("/admin/onskemal-kort").status_code == 403
    assert client.post("/admin/onskemal-kort/djur", data=card_data()).status_code == 403
    assert client.post("/admin/onskemal-kort/ny", data=card_data()).status_code == 403
    assert table_counts(db) == before
