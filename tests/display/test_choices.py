"""Display choices: larger text, high contrast, fewer animations, saved and shown everywhere."""

import pytest

from app.display import choices
from tests.conftest import page


def toggles(soup):
    return {b["name"]: b for b in soup.select("form.display-choices button.toggle")}


def test_the_page_has_a_big_pictured_toggle_for_each_choice_all_off_at_first(logged_in):
    soup = page(logged_in.get("/sa-vill-jag-se-det"))
    assert soup.h1.get_text(strip=True) == "Så vill jag se det"
    found = toggles(soup)
    assert set(found) == {"large_text", "high_contrast", "reduce_motion"}
    for button in found.values():
        assert button["aria-pressed"] == "false"
        assert button["value"] == "1", "a tap turns it on"
        assert button.img["alt"] == "" and button.img["src"].endswith(".svg")
        assert button.select_one(".toggle-state").get_text(strip=True) == "Av"
    form = soup.select_one("form.display-choices")
    assert form["method"] == "post" and form["action"] == "/sa-vill-jag-se-det"


def test_the_home_page_has_a_tile_for_it(logged_in):
    tiles = page(logged_in.get("/")).select("a.tile")
    assert "/sa-vill-jag-se-det" in [t["href"] for t in tiles]


def test_a_choice_is_saved_at_once_and_applied_on_every_page(logged_in, db, anna):
    response = logged_in.post("/sa-vill-jag-se-det", data={"large_text": "1"})
    assert response.status_code == 303
    assert response.headers["Location"] == "/sa-vill-jag-se-det"
    logged_in.post("/sa-vill-jag-se-det", data={"high_contrast": "1"})
    db.refresh(anna)
    assert (anna.large_text, anna.high_contrast, anna.reduce_motion) == (True, True, False)
    for url in ["/", "/min-bild", "/sprak", "/sa-vill-jag-se-det"]:
        classes = page(logged_in.get(url)).body["class"]
        assert "large-text" in classes and "high-contrast" in classes, url
        assert "reduce-motion" not in classes
    soup = page(logged_in.get("/sa-vill-jag-se-det"))
    button = toggles(soup)["large_text"]
    assert (button["aria-pressed"], button["value"]) == ("true", "0")
    assert button.select_one(".toggle-state").get_text(strip=True) == "På"


def test_turning_a_choice_off_and_sending_it_twice(logged_in, db, anna):
    logged_in.post("/sa-vill-jag-se-det", data={"reduce_motion": "1"})
    logged_in.post("/sa-vill-jag-se-det", data={"reduce_motion": "1"})
    db.refresh(anna)
    assert anna.reduce_motion is True, "a double tap keeps it on"
    logged_in.post("/sa-vill-jag-se-det", data={"reduce_motion": "0"})
    db.refresh(anna)
    assert anna.reduce_motion is False
    assert "reduce-motion" not in page(logged_in.get("/")).body.get("class", [])


def test_the_choice_stays_with_the_person_on_another_phone(
    client, app, db, anna, login_participant
):
    login_participant(client, anna)
    client.post("/sa-vill-jag-se-det", data={"large_text": "1"})
    other = app.test_client()
    login_participant(other, anna)
    assert "large-text" in page(other.get("/")).body["class"]


@pytest.mark.parametrize(
    "data",
    [{}, {"large_text": "yes"}, {"large_text": "1", "high_contrast": "1"}, {"colour": "1"}],
)
def test_a_bad_choice_is_refused_kindly_and_changes_nothing(logged_in, db, anna, data):
    logged_in.post("/sa-vill-jag-se-det", data={"high_contrast": "1"})
    soup = page(logged_in.post("/sa-vill-jag-se-det", data=data), status=422)
    assert soup.select_one("#choice-error[role=alert]")
    assert soup.title.string.startswith("Fel:")
    assert toggles(soup)["high_contrast"]["aria-pressed"] == "true", "the earlier choice shows"
    db.refresh(anna)
    assert (anna.large_text, anna.high_contrast, anna.reduce_motion) == (False, True, False)


def test_staff_and_visitors_get_no_display_classes(client, app, make_staff, login_as):
    assert page(client.get("/sprak")).body.get("class", []) == []
    staff = app.test_client()
    login_as(staff, make_staff("supervisor"))
    assert "large-text" not in (page(staff.get("/personal/")).body.get("class") or [])


def test_body_classes_name_every_choice(app, anna):
    with app.test_request_context():
        from flask import g

        anna.large_text = anna.high_contrast = anna.reduce_motion = True
        g.participant = anna
        assert choices.body_classes() == " large-text high-contrast reduce-motion"
