"""The participant's home, their picture and their language."""

from sqlmodel import select

from app.models import Participant
from tests.conftest import page, picture_file


def test_home_has_a_tile_for_every_built_area_each_with_a_picture(
    app, client, make_participant, login_participant
):
    login_participant(client, make_participant())
    soup = page(client.get("/"))
    tiles = soup.select("a.tile")
    assert tiles
    for tile in tiles:
        assert tile.select_one("img")["alt"] == "", "the picture beside a word is decorative"
        assert tile.get_text(strip=True)
        assert client.get(tile["href"]).status_code == 200, tile["href"]


def test_every_participant_page_has_read_aloud_and_log_out(
    client, make_participant, login_participant
):
    login_participant(client, make_participant())
    for url in ["/", "/min-bild", "/sprak"]:
        soup = page(client.get(url))
        assert soup.select_one("button[data-read-aloud]").get_text(strip=True) == "Lyssna"
        assert soup.select_one("form[action='/logga-ut'] button").get_text(strip=True) == "Logga ut"


def test_participant_chooses_a_picture(client, db, make_participant, login_participant):
    anna = make_participant(pictogram=None)
    login_participant(client, anna)
    soup = page(client.get("/min-bild"))
    options = soup.select("button[name=pictogram]")
    assert len(options) == 16, "one tap on a picture chooses it"
    for option in options:
        assert option.get_text(strip=True) and option.img["alt"] == ""
    assert client.post("/min-bild", data={"pictogram": "person_rocket"}).status_code == 303
    db.refresh(anna)
    assert anna.pictogram == "person_rocket"
    greeting = page(client.get("/")).select_one(".greeting img")
    assert picture_file(greeting["src"]) == "person_rocket.svg"


def test_a_picture_outside_the_set_is_refused_kindly(
    client, db, make_participant, login_participant
):
    anna = make_participant(pictogram="person_sun")
    login_participant(client, anna)
    for bad in ["home", "../secret", "", "x" * 1000]:
        soup = page(client.post("/min-bild", data={"pictogram": bad}), status=422)
        assert soup.select_one("#picture-error")
        assert soup.select_one("button[value=person_sun]")["aria-pressed"] == "true"
    db.refresh(anna)
    assert anna.pictogram == "person_sun"


def test_participants_language_is_saved_with_them(client, db, make_participant, make_card):
    anna = make_participant()
    _card, token = make_card(anna)
    client.post("/k", data={"token": token})
    response = client.post("/sprak", data={"lang": "en", "next": "/"})
    assert response.headers["Location"] == "/"
    soup = page(client.get("/"))
    assert soup.html["lang"] == "en"
    assert soup.h1.get_text(strip=True) == "Hello Anna!"
    assert db.exec(select(Participant.language)).one() == "en"
    # A new login on another phone keeps the choice.
    other = client.application.test_client()
    other.post("/k", data={"token": token})
    assert page(other.get("/")).html["lang"] == "en"


def test_the_switcher_names_each_language_in_itself(client):
    soup = page(client.get("/"))
    buttons = {
        b["value"]: (b.get_text(strip=True), b["lang"])
        for b in soup.select(".language-switch button")
    }
    assert buttons == {
        "sv": ("Svenska", "sv"),
        "en": ("English", "en"),
        "ar": ("العربية", "ar"),
    }


def test_language_switch_refuses_unknown_languages_and_foreign_redirects(client):
    assert page(client.post("/sprak", data={"lang": "xx"}), status=422)
    for target in ["https://evil.example/", "//evil.example/", "/\\evil.example"]:
        response = client.post("/sprak", data={"lang": "en", "next": target})
        assert response.headers["Location"] == "/"


def test_welcome_page_for_someone_not_logged_in(client):
    soup = page(client.get("/"))
    assert soup.h1.get_text(strip=True) == "Välkommen till Mina steg"
    assert soup.select_one("a[href='/personal/logga-in']")
