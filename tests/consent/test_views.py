"""Vem får se?: the participant says yes or no per area; it is saved at once and can be undone."""

from app.consent.models import ConsentEvent
from tests.conftest import fragment, page


def pressed(soup, area):
    """Which answer of an area is pressed now: "ja" or "nej"."""
    chosen = soup.select(f"#area-{area} button[aria-pressed=true]")
    assert len(chosen) == 1
    return chosen[0]["value"]


def test_the_page_says_who_sees_what_and_everything_starts_as_no(client, people, login_participant):
    login_participant(client, people["anna"])
    soup = page(client.get("/vem-far-se"))
    assert soup.h1.get_text(strip=True) == "Vem får se?"
    case_officer = soup.select_one("#case-officer-heading")
    assert case_officer.get_text(strip=True) == "Min handläggare ser mina svar"
    assert "/case_officer." in case_officer.img["src"]
    assert "/supervisor." in soup.select_one("#supervisor-heading img")["src"]
    for area in ("checkins", "wishes", "goal_comments"):
        assert pressed(soup, area) == "nej"
        buttons = soup.select(f"#area-{area} button[name=answer]")
        assert len(soup.select(f"#area-{area} button[data-speaker]")) == 2, "a speaker beside each"
        assert [b["value"] for b in buttons] == ["ja", "nej"]
        assert all(b.img for b in buttons), "a picture beside every choice"
    assert not soup.select(".save-status img"), "nothing saved yet"


def test_the_home_page_has_a_tile_for_it(client, people, login_participant):
    login_participant(client, people["anna"])
    soup = page(client.get("/"))
    tile = soup.select_one("a[href='/vem-far-se']")
    assert tile and "Vem får se?" in tile.get_text()


def test_yes_is_saved_at_once_and_no_takes_it_back(client, people, login_participant, consents):
    anna = people["anna"]
    login_participant(client, anna)
    response = client.post("/vem-far-se", data={"area": "checkins", "answer": "ja"})
    assert response.status_code == 303
    assert response.headers["Location"] == "/vem-far-se?sparat=checkins#area-checkins"
    assert consents(anna) == [("checkins", True, None)]

    soup = page(client.get(response.headers["Location"]))
    assert pressed(soup, "checkins") == "ja"
    assert pressed(soup, "wishes") == "nej"
    assert soup.select_one("#area-checkins .save-status").get_text(strip=True) == "Sparat"
    assert soup.select_one("#area-wishes .save-status").get_text(strip=True) == ""

    # The same answer again adds nothing; "Nej" is one tap, just as "Ja" was.
    client.post("/vem-far-se", data={"area": "checkins", "answer": "ja"})
    client.post("/vem-far-se", data={"area": "checkins", "answer": "nej"})
    assert consents(anna) == [("checkins", True, None), ("checkins", False, None)]
    assert pressed(page(client.get("/vem-far-se")), "checkins") == "nej"


def test_with_htmx_only_the_area_is_sent_back(client, people, login_participant, consents):
    login_participant(client, people["anna"])
    response = client.post(
        "/vem-far-se", data={"area": "wishes", "answer": "ja"}, headers={"HX-Request": "true"}
    )
    soup = fragment(response)
    assert soup.select_one("section")["id"] == "area-wishes"
    assert pressed(soup, "wishes") == "ja"
    assert soup.select_one(".save-status").get_text(strip=True) == "Sparat"
    assert "Vary" in response.headers and "HX-Request" in response.headers["Vary"]
    assert consents(people["anna"]) == [("wishes", True, None)]


def test_a_boosted_post_gets_the_whole_page(client, people, login_participant):
    login_participant(client, people["anna"])
    response = client.post(
        "/vem-far-se",
        data={"area": "wishes", "answer": "ja"},
        headers={"HX-Request": "true", "HX-Boosted": "true"},
    )
    assert response.status_code == 303


def test_bad_input_gets_a_kind_message_and_changes_nothing(
    client, db, people, login_participant, consents
):
    anna = people["anna"]
    login_participant(client, anna)
    client.post("/vem-far-se", data={"area": "goal_comments", "answer": "ja"})
    for data in (
        {"area": "everything", "answer": "ja"},
        {"area": "checkins", "answer": "kanske"},
        {},
    ):
        soup = page(client.post("/vem-far-se", data=data), status=422)
        assert soup.select_one(".error-message[role=alert]").get_text(strip=True) == (
            "Det blev fel. Tryck på Ja eller Nej igen."
        )
        assert soup.title.string.startswith("Fel:")
        # What was saved before is still shown as it is.
        assert pressed(soup, "goal_comments") == "ja"
    assert consents(anna) == [("goal_comments", True, None)]


def test_a_supervisors_device_cannot_say_yes_for_the_participant(
    client, people, login_as, consents, make_meeting
):
    """Only Anna, with her own card, decides what Sara sees: not on Sara's phone."""
    make_meeting(people["anna"])
    login_as(client, people["sara"])
    client.post(f"/personal/deltagare/{people['anna'].id}/lamna-over")
    response = client.post("/vem-far-se", data={"area": "checkins", "answer": "ja"})
    assert response.status_code == 403
    assert consents(people["anna"]) == []


def test_each_participant_has_their_own_answers(
    client, app, people, make_participant, login_participant, consents
):
    bea = make_participant("Bea", unit=people["unit"])
    login_participant(client, people["anna"])
    client.post("/vem-far-se", data={"area": "checkins", "answer": "ja"})
    other = app.test_client()
    login_participant(other, bea)
    assert pressed(page(other.get("/vem-far-se")), "checkins") == "nej"
    assert consents(bea) == []


def test_consent_rows_record_to_whom_and_when(client, db, people, login_participant):
    login_participant(client, people["anna"])
    client.post("/vem-far-se", data={"area": "wishes", "answer": "ja"})
    row = db.exec(ConsentEvent.__table__.select()).one()
    assert row.shared_with == "supervisor"
    assert row.at is not None
