"""The participant's pages: start, one card at a time, the overview, "Något annat?"."""

import pytest

from app.wishes import catalogue
from tests.conftest import page, picture_file


def keys_in_order(app):
    with app.test_request_context():
        return [c.key for c in catalogue.visible_cards()]


def test_home_has_a_wishes_tile(anna_client):
    soup = page(anna_client.get("/"))
    tile = soup.select_one("a.tile[href='/onskemal']")
    assert tile.get_text(strip=True) == "Mina önskemål"
    assert tile.img["alt"] == "" and picture_file(tile.img["src"]) == "wishes.svg"


def test_start_page_explains_the_four_answers_and_begins_at_the_first_card(app, anna_client):
    soup = page(anna_client.get("/onskemal"))
    assert soup.h1.get_text(strip=True) == "Mina önskemål"
    legend = [li.get_text(strip=True) for li in soup.select(".pile-legend li")]
    assert legend == ["Jag gillar", "Vet inte", "Jag gillar inte", "Jag vill prova"]
    begin = soup.select_one("a.button.big")
    assert begin.get_text(strip=True) == "Börja"
    assert begin["href"] == f"/onskemal/kort/{keys_in_order(app)[0]}"
    assert not soup.select_one("a[href='/onskemal/oversikt']"), "nothing to see yet"


def test_start_page_goes_on_where_the_participant_left_off(app, anna_client):
    first, second = keys_in_order(app)[:2]
    anna_client.post(f"/onskemal/kort/{first}", data={"pile": "like"})
    soup = page(anna_client.get("/onskemal"))
    go_on = soup.select_one("a.button.big")
    assert go_on.get_text(strip=True) == "Fortsätt"
    assert go_on["href"] == f"/onskemal/kort/{second}"
    assert soup.select_one("a[href='/onskemal/oversikt']")


def test_a_card_page_shows_one_card_with_four_big_choices_and_skip(app, anna_client):
    keys = keys_in_order(app)
    soup = page(anna_client.get("/onskemal/kort/djur"))
    assert soup.title.string.startswith("Djur")
    assert soup.h1.get_text(strip=True) == "Djur"
    assert soup.select_one(".wish-card img")["alt"] == ""
    assert "Kort 1 av 30" in soup.select_one(".wish-kicker").get_text()
    assert soup.select_one("legend").get_text(strip=True) == "Vad tycker du?"
    form = soup.select_one("form[action='/onskemal/kort/djur']")
    buttons = form.select("button[name=pile]")
    assert [(b["value"], b.get_text(strip=True)) for b in buttons] == [
        ("like", "Jag gillar"),
        ("not_sure", "Vet inte"),
        ("dislike", "Jag gillar inte"),
        ("want_to_try", "Jag vill prova"),
    ]
    for button in buttons:
        assert button.img["alt"] == "", "the picture beside the word is decorative"
    skip = next(a for a in soup.select("a.button") if a.get_text(strip=True) == "Hoppa över")
    assert skip["href"] == f"/onskemal/kort/{keys[1]}"
    assert not soup.select("[aria-current]"), "no pile is chosen yet"


def test_every_wishes_page_has_read_aloud_and_log_out(anna_client):
    for url in ["/onskemal", "/onskemal/kort/djur", "/onskemal/oversikt", "/onskemal/nagot-annat"]:
        soup = page(anna_client.get(url))
        assert soup.select_one("button[data-read-aloud]").get_text(strip=True) == "Lyssna"
        assert soup.select_one("form[action='/logga-ut'] button").get_text(strip=True) == "Logga ut"
        for img in soup.select("main img"):
            assert img["alt"] == "", (url, img)


def test_a_choice_is_saved_at_once_and_the_next_card_follows(app, anna_client, anna, wishes):
    keys = keys_in_order(app)
    response = anna_client.post(f"/onskemal/kort/{keys[0]}", data={"pile": "like"})
    assert response.status_code == 303
    assert response.headers["Location"] == f"/onskemal/kort/{keys[1]}"
    assert wishes(anna) == [(keys[0], "like")]


def test_a_double_tap_stores_one_row_and_lands_on_the_same_card(app, anna_client, anna, wishes):
    keys = keys_in_order(app)
    first = anna_client.post(f"/onskemal/kort/{keys[0]}", data={"pile": "dislike"})
    second = anna_client.post(f"/onskemal/kort/{keys[0]}", data={"pile": "dislike"})
    assert first.headers["Location"] == second.headers["Location"] == f"/onskemal/kort/{keys[1]}"
    assert wishes(anna) == [(keys[0], "dislike")]


def test_the_walk_jumps_over_cards_already_sorted(app, anna_client):
    keys = keys_in_order(app)
    anna_client.post(f"/onskemal/kort/{keys[2]}", data={"pile": "like"})
    response = anna_client.post(f"/onskemal/kort/{keys[1]}", data={"pile": "like"})
    assert response.headers["Location"] == f"/onskemal/kort/{keys[3]}"
    skip = page(anna_client.get(f"/onskemal/kort/{keys[0]}")).select("a.button")
    assert f"/onskemal/kort/{keys[3]}" in [a["href"] for a in skip]


def test_a_choice_or_skip_on_the_last_card_goes_to_the_overview(app, anna_client):
    last = keys_in_order(app)[-1]
    soup = page(anna_client.get(f"/onskemal/kort/{last}"))
    skip = next(a for a in soup.select("a.button") if a.get_text(strip=True) == "Hoppa över")
    assert skip["href"] == "/onskemal/oversikt"
    response = anna_client.post(f"/onskemal/kort/{last}", data={"pile": "want_to_try"})
    assert response.headers["Location"] == "/onskemal/oversikt"


def test_the_overview_shows_the_piles_and_each_card_opens_to_be_moved(
    app, anna_client, anna, wishes
):
    anna_client.post("/onskemal/kort/djur", data={"pile": "like"})
    anna_client.post("/onskemal/kort/musik", data={"pile": "like"})
    anna_client.post("/onskemal/kort/stada", data={"pile": "dislike"})
    anna_client.post("/onskemal/kort/lager", data={"pile": "want_to_try"})
    soup = page(anna_client.get("/onskemal/oversikt"))
    assert soup.h1.get_text(strip=True) == "Dina kort"

    def pile(key):
        return [a.get_text(strip=True) for a in soup.select(f"#pile-{key} ~ ul a")]

    assert pile("like") == ["Djur", "Musik"]
    assert pile("dislike") == ["Städa"]
    assert pile("want_to_try") == ["Lager"]
    assert pile("not_sure") == []
    assert len(pile("unsorted")) == 26
    link = soup.select_one("#pile-like + ul a")
    assert link["href"] == "/onskemal/kort/djur?fran=oversikt"

    # Moving: the card page marks the pile it is on, and a choice goes back to the overview.
    card = page(anna_client.get(link["href"]))
    assert card.select_one("button[aria-current]")["value"] == "like"
    assert card.select_one("input[name=fran]")["value"] == "oversikt"
    skip = next(a for a in card.select("a.button") if a.get_text(strip=True) == "Hoppa över")
    assert skip["href"] == "/onskemal/oversikt"
    response = anna_client.post("/onskemal/kort/djur", data={"pile": "dislike", "fran": "oversikt"})
    assert response.headers["Location"] == "/onskemal/oversikt"
    soup = page(anna_client.get("/onskemal/oversikt"))
    assert pile("dislike") == ["Djur", "Städa"]
    assert wishes(anna)[-1] == ("djur", "dislike")
    assert ("djur", "like") in wishes(anna), "the earlier choice is kept as history"


def test_something_else_saves_the_participants_own_words(anna_client, anna, notes):
    soup = page(anna_client.get("/onskemal/nagot-annat"))
    assert soup.h1.get_text(strip=True) == "Något annat?"
    textarea = soup.select_one("textarea[name=text]")
    assert soup.select_one(f"h1 label[for='{textarea['id']}']")
    response = anna_client.post("/onskemal/nagot-annat", data={"text": "Jag gillar hästar."})
    assert response.headers["Location"] == "/onskemal/oversikt"
    overview = page(anna_client.get("/onskemal/oversikt"))
    assert overview.select_one(".wish-own-words").get_text(strip=True) == "Jag gillar hästar."
    again = page(anna_client.get("/onskemal/nagot-annat"))
    assert again.select_one("textarea").get_text(strip=True) == "Jag gillar hästar."
    anna_client.post("/onskemal/nagot-annat", data={"text": "Jag gillar hästar och katter."})
    assert notes(anna) == ["Jag gillar hästar.", "Jag gillar hästar och katter."]


def test_card_words_follow_the_participants_language(anna_client):
    anna_client.post("/sprak", data={"lang": "en", "next": "/"})
    soup = page(anna_client.get("/onskemal/kort/djur"))
    assert soup.html["lang"] == "en"
    assert soup.h1.get_text(strip=True) == "Animals"
    anna_client.post("/onskemal/kort/djur", data={"pile": "like"})
    overview = page(anna_client.get("/onskemal/oversikt"))
    assert [a.get_text(strip=True) for a in overview.select("#pile-like + ul a")] == ["Animals"]


@pytest.mark.parametrize(
    "headers",
    [
        {"HX-Request": "true", "HX-Boosted": "true"},
        {"HX-Request": "true", "HX-History-Restore-Request": "true"},
        {"HX-Request": "true"},
    ],
)
def test_htmx_requests_get_the_whole_page(anna_client, headers):
    for url in ["/onskemal", "/onskemal/kort/djur", "/onskemal/oversikt", "/onskemal/nagot-annat"]:
        response = anna_client.get(url, headers=headers)
        page(response)
        assert "HX-Request" in response.headers["Vary"]
        assert response.headers["Cache-Control"] == "no-store"


def test_staff_and_strangers_are_sent_to_log_in(client, make_staff, login_as):
    assert client.get("/onskemal").headers["Location"] == "/"
    assert client.post("/onskemal/kort/djur", data={"pile": "like"}).status_code == 401
    login_as(client, make_staff("case_officer"))
    assert client.get("/onskemal/oversikt").status_code == 302
