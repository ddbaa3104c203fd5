"""The participant's check-in: one question per page, saved at once, resumable, changeable."""

import threading
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import select

from app.checkins import answers
from app.checkins.models import CheckIn, CheckInAnswer, QuestionSet
from app.goals.models import Goal
from app.models import utcnow
from tests.conftest import fragment, page
from tests.goals.helpers import make_goal


@pytest.fixture
def anna(make_participant, make_staff, make_unit):
    unit = make_unit("Kaféet")
    return make_participant("Anna", unit=unit, case_officer=make_staff("case_officer"))


@pytest.fixture
def answering(client, anna, make_meeting, login_participant):
    """Anna logged in, with a meeting in a week: returns the check-in id from the first page."""
    meeting = make_meeting(anna)
    login_participant(client, anna)
    soup = page(client.get("/infor-motet/fraga/how_it_is"))
    return {"meeting": meeting, "check_in": soup.select_one("input[name=check_in]")["value"]}


def answer(client, answering, key, *choices, text=None, **headers):
    data = {"check_in": answering["check_in"], "choice": list(choices)}
    if text is not None:
        data["text"] = text
    return client.post(f"/infor-motet/fraga/{key}", data=data, headers=headers)


def stored(db):
    db.expire_all()
    return [
        (a.question_key, a.choices, a.text)
        for a in db.exec(select(CheckInAnswer).order_by(CheckInAnswer.id))
    ]


def test_home_shows_the_meeting_tile_only_while_the_check_in_is_open(
    client, anna, make_meeting, login_participant
):
    login_participant(client, anna)
    assert page(client.get("/")).select_one(".meeting-tile") is None
    make_meeting(anna, days_ahead=30)
    assert page(client.get("/")).select_one(".meeting-tile") is None, "opens 14 days before"
    soon = make_meeting(anna, days_ahead=3)
    tile = page(client.get("/")).select_one(".meeting-tile")
    assert tile["href"] == "/infor-motet"
    day_in_sweden = soon.starts_at.astimezone(ZoneInfo("Europe/Stockholm")).day
    assert tile.select_one(".calendar-day").get_text(strip=True) == str(day_in_sweden)
    assert tile.select_one(".meeting-status").get_text(strip=True) == "Du har inte svarat än."


def test_each_question_is_the_heading_with_big_pictured_answers(client, answering):
    soup = page(client.get("/infor-motet/fraga/how_it_is"))
    assert soup.h1.get_text(strip=True) == "Hur har du det på din dagliga verksamhet?"
    assert soup.select_one(".progress").get_text(" ", strip=True).endswith("Fråga 1 av 6")
    buttons = soup.select("button[name=choice]")
    assert [b["value"] for b in buttons] == ["good", "so_so", "not_good", "dont_know", "no_answer"]
    for button in buttons:
        assert button.img["alt"] == "" and button.get_text(strip=True)
    assert soup.select_one("button[data-read-aloud]")


def test_every_question_allows_dont_know_and_no_answer(client, answering):
    for key in ["how_it_is", "likes_tasks", "feels_safe", "try_new", "talk_about", "who_helped"]:
        values = {
            i["value"]
            for i in page(client.get(f"/infor-motet/fraga/{key}")).select("[name=choice]")
        }
        assert {"dont_know", "no_answer"} <= values, key


def test_answers_are_saved_at_once_and_resumed(client, db, answering):
    assert answer(client, answering, "how_it_is", "good").headers["Location"] == (
        "/infor-motet/fraga/likes_tasks"
    )
    assert stored(db) == [("how_it_is", ["good"], "")]
    # Leaving and coming back resumes where the person was.
    assert client.get("/infor-motet/fortsatt").headers["Location"] == (
        "/infor-motet/fraga/likes_tasks"
    )
    assert page(client.get("/")).select_one(".meeting-status").get_text(strip=True) == (
        "Du har börjat svara."
    )


def test_a_double_tap_stores_one_answer_and_a_change_keeps_history(client, db, answering):
    answer(client, answering, "how_it_is", "good")
    answer(client, answering, "how_it_is", "good")
    assert stored(db) == [("how_it_is", ["good"], "")]
    answer(client, answering, "how_it_is", "so_so")
    assert stored(db) == [("how_it_is", ["good"], ""), ("how_it_is", ["so_so"], "")]
    chosen = page(client.get("/infor-motet/fraga/how_it_is")).select("button.chosen")
    assert [b["value"] for b in chosen] == ["so_so"]


def test_the_same_answer_sent_twice_at_once_under_two_keys_is_stored_once(
    app, db, answering, anna, login_participant, monkeypatch
):
    """The phone sends a kept answer again while the participant taps it anew: two requests at
    the same moment, each with a key of its own. The first waits (2 s at most) for the second to
    read the answers so far; one change at a time per check-in keeps the second from reading
    until the first is saved, so the second sees it and stores nothing."""
    first_in, second_read = threading.Lock(), threading.Event()
    answering_now = threading.local()
    real_sent_before, real_latest = answers._sent_before, answers.latest

    def sent_before(check_in, key):
        answering_now.first = first_in.acquire(blocking=False)
        return real_sent_before(check_in, key)

    def latest(check_in):
        if not hasattr(answering_now, "first"):  # read for the page, not for saving
            return real_latest(check_in)
        if answering_now.first:
            second_read.wait(timeout=2)
            return real_latest(check_in)
        found = real_latest(check_in)
        second_read.set()
        return found

    monkeypatch.setattr(answers, "_sent_before", sent_before)
    monkeypatch.setattr(answers, "latest", latest)
    phones = [app.test_client(), app.test_client()]  # the same card, logged in on each
    token = login_participant(phones[0], anna)
    assert phones[1].post("/k", data={"token": token}).status_code == 303
    statuses = []

    def send(phone, key):
        data = {"check_in": answering["check_in"], "choice": "good", "answer_key": key}
        statuses.append(phone.post("/infor-motet/fraga/how_it_is", data=data).status_code)

    both = [threading.Thread(target=send, args=(phone, f"k{n}")) for n, phone in enumerate(phones)]
    for thread in both:
        thread.start()
    for thread in both:
        thread.join()
    assert statuses == [303, 303]
    assert stored(db) == [("how_it_is", ["good"], "")]


def test_feeling_unsafe_is_met_kindly_with_who_to_talk_to(client, answering, anna):
    response = answer(client, answering, "feels_safe", "no")
    assert response.headers["Location"] == "/infor-motet/trygg"
    soup = page(client.get("/infor-motet/trygg"))
    assert soup.h1.get_text(strip=True) == "Tack för att du berättar"
    assert "Hen är din handläggare på kommunen" in soup.main.get_text()
    assert soup.select_one("a.button")["href"] == "/infor-motet/fraga/try_new"


def test_several_choices_and_a_short_text(client, db, answering):
    soup = page(client.get("/infor-motet/fraga/talk_about"))
    assert soup.select_one("textarea#text")
    answer(client, answering, "talk_about", "money", "travel", text="Busskortet")
    assert stored(db)[-1] == ("talk_about", ["money", "travel"], "Busskortet")


def test_checkbox_changes_autosave_as_an_htmx_fragment(client, db, answering):
    response = answer(client, answering, "try_new", "job", **{"HX-Request": "true"})
    assert fragment(response).get_text(strip=True) == "Sparat"
    assert stored(db) == [("try_new", ["job"], "")]


def test_how_they_helped_is_asked_only_when_someone_helped(client, answering):
    answer(client, answering, "who_helped", "nobody")
    assert client.get("/infor-motet/fraga/how_helped").status_code == 404
    assert answer(client, answering, "who_helped", "family").headers["Location"] == (
        "/infor-motet/fraga/how_helped"
    )
    assert (
        page(client.get("/infor-motet/fraga/how_helped"))
        .select_one(".progress")
        .get_text(" ", strip=True)
        .endswith("Fråga 7 av 7")
    )


def test_the_goals_question_is_asked_only_while_the_order_has_an_active_goal(
    client, db, anna, answering
):
    assert client.get("/infor-motet/fraga/goals").status_code == 404
    goal = db.get(Goal, make_goal(db, anna.id, anna.case_officer_id)["goal"])
    assert page(client.get("/infor-motet/fraga/goals")).h1.get_text(strip=True) == (
        "Hur går det med dina mål?"
    )
    assert answer(client, answering, "try_new", "job").headers["Location"] == (
        "/infor-motet/fraga/goals"
    )
    goal.ended_at = utcnow()
    db.add(goal)
    db.commit()
    assert client.get("/infor-motet/fraga/goals").status_code == 404
    assert answer(client, answering, "try_new", "job", "studies").headers["Location"] == (
        "/infor-motet/fraga/talk_about"
    )


def test_summary_then_done(client, db, answering):
    answer(client, answering, "how_it_is", "good")
    answer(client, answering, "try_new", "internship", "studies")
    soup = page(client.get("/infor-motet/svar"))
    assert soup.h1.get_text(strip=True) == "Det här har du svarat"
    answers = [
        li.select_one(".summary-answer").get_text(" ", strip=True)
        for li in soup.select(".summary li")
    ]
    assert answers == ["Bra", "Praktik Studera"]
    assert soup.select_one("a[href='/infor-motet/fraga/likes_tasks']"), "offers the rest"
    assert (
        client.post("/infor-motet/klar", data={"check_in": answering["check_in"]}).headers[
            "Location"
        ]
        == "/infor-motet/tack"
    )
    assert db.exec(select(CheckIn)).one().completed_at is not None
    assert page(client.get("/")).select_one(".meeting-status").get_text(strip=True) == (
        "Du har svarat. Bra!"
    )
    # Answers can still be changed until the meeting.
    assert answer(client, answering, "how_it_is", "so_so").status_code == 303


@pytest.mark.parametrize(
    ("key", "choices", "text"),
    [
        ("how_it_is", ["excellent"], None),  # not one of the choices
        ("how_it_is", [], None),  # nothing chosen
        ("how_it_is", ["good", "so_so"], None),  # two where one is asked
        ("try_new", ["job", "money"], None),  # a choice of another question
        ("talk_about", ["money"], "x" * 301),  # too long text
    ],
)
def test_bad_answers_get_a_kind_422_and_change_nothing(client, db, answering, key, choices, text):
    response = answer(client, answering, key, *choices, text=text)
    soup = page(response, status=422)
    assert soup.title.string.startswith("Fel:")
    assert soup.select_one("#answer-error")
    if text:
        assert soup.select_one("textarea#text").get_text() == text, "what was written is kept"
    assert stored(db) == []


def test_a_question_outside_the_set_is_404(client, db, answering):
    assert answer(client, answering, "favourite_colour", "good").status_code == 404
    assert client.get("/infor-motet/fraga/favourite_colour").status_code == 404
    assert stored(db) == []


def test_a_question_of_a_newer_set_is_not_asked_in_an_older_check_in(client, db, answering):
    old = db.exec(select(QuestionSet)).one()
    db.add(
        QuestionSet(
            version=2,
            questions=[
                *old.questions,
                {
                    "key": "new_question",
                    "kind": "one",
                    "text": {"sv": "Ny?"},
                    "choices": ["yes", "no"],
                },
            ],
        )
    )
    db.commit()
    assert answer(client, answering, "new_question", "yes").status_code == 404
    assert stored(db) == []


def test_the_check_in_of_another_participant_is_refused(
    client, db, answering, make_participant, make_meeting, in_request
):
    bea = make_participant("Bea")
    meeting = make_meeting(bea)
    other = CheckIn(
        follow_up_id=meeting.id,
        participant_id=bea.id,
        question_set_id=db.exec(select(QuestionSet)).one().id,
    )
    db.add(other)
    db.commit()
    response = client.post(
        "/infor-motet/fraga/how_it_is", data={"check_in": other.id, "choice": "good"}
    )
    assert response.status_code == 404
    assert stored(db) == []


def test_a_closed_check_in_is_refused_kindly(client, db, answering):
    meeting = answering["meeting"]
    meeting.held_at = utcnow()
    db.add(meeting)
    db.commit()
    response = answer(client, answering, "how_it_is", "good")
    assert page(response, status=404).h1.get_text(strip=True) == "Inga frågor just nu"
    assert stored(db) == []


def test_a_form_from_an_earlier_check_in_is_refused_kindly(
    client, db, answering, anna, make_meeting
):
    meeting = answering["meeting"]
    meeting.held_at = utcnow()
    db.add(meeting)
    make_meeting(anna, days_ahead=10)  # the next meeting's check-in is open now
    db.commit()
    response = answer(client, answering, "how_it_is", "good")
    assert page(response, status=409).h1.get_text(strip=True) == "Inga frågor just nu"
    assert stored(db) == []


def test_no_meeting_no_questions(client, anna, login_participant):
    login_participant(client, anna)
    assert page(client.get("/infor-motet"), status=404).h1.get_text(strip=True) == (
        "Inga frågor just nu"
    )


def test_questions_in_english(client, db, answering, anna):
    client.post("/sprak", data={"lang": "en"})
    soup = page(client.get("/infor-motet/fraga/how_it_is"))
    assert soup.h1.get_text(strip=True) == "How do you like it at your daily activity?"
    assert [b.get_text(strip=True) for b in soup.select("button[name=choice]")][:3] == [
        "Good",
        "So-so",
        "Not good",
    ]
