"""The participant's pages: the list, one page per path, "Jag vill veta mer" and "Inte nu"."""

from sqlmodel import select

from app.alternatives.models import AlternativeInterest
from app.checkins.models import CheckIn, CheckInAnswer, QuestionSet
from app.models import Unit
from tests.conftest import page


def test_home_has_the_tile(anna_client):
    soup = page(anna_client.get("/"))
    assert soup.select_one("a.tile[href='/andra-vagar']").get_text(strip=True) == "Andra vägar"


def test_the_list_shows_every_shown_alternative_as_a_picture_card(anna_client):
    soup = page(anna_client.get("/andra-vagar"))
    assert soup.h1.get_text(strip=True) == "Andra vägar"
    cards = soup.select(".alternative-cards a")
    assert len(cards) == 11
    assert cards[0]["href"] == "/andra-vagar/iwork"
    assert all(card.img["alt"] == "" for card in cards)
    assert "Praktik" in cards[1].get_text()


def test_a_page_has_six_parts_read_aloud_and_two_equal_answers(anna_client):
    soup = page(anna_client.get("/andra-vagar/iwork"))
    assert soup.h1.get_text(strip=True) == "IWork"
    assert soup.select_one("[data-read-aloud]")
    assert [h.get_text(strip=True) for h in soup.select(".alternative-part h2")] == [
        "Vad är det?",
        "Vem är det för?",
        "Hur börjar det?",
        "Vilken hjälp får jag?",
        "Hur blir det med mina pengar?",
        "Kan jag komma tillbaka?",
    ]
    assert "söka på nytt" in soup.select_one("#part-back").find_parent().text
    yes = soup.select_one("form[action='/andra-vagar/iwork/veta-mer'] button")
    no = soup.select_one("a[href='/andra-vagar/iwork/inte-nu']")
    assert yes.get_text(strip=True) == "Jag vill veta mer" and yes.img["alt"] == ""
    assert no.get_text(strip=True) == "Inte nu" and no.img["alt"] == ""
    # "Inte nu" is as big as "Jag vill veta mer": both are big, neither is the quiet one.
    assert "big" in yes["class"] and "big" in no["class"]
    assert "secondary" not in yes["class"] and "secondary" not in no["class"]


def test_the_page_is_a_fragment_only_for_plain_htmx_and_a_page_when_boosted(anna_client):
    boosted = anna_client.get(
        "/andra-vagar/iwork", headers={"HX-Request": "true", "HX-Boosted": "true"}
    )
    page(boosted)
    assert "HX-Request" in boosted.headers["Vary"]


def test_english_page_comes_from_the_catalogue(client, make_participant, login_participant):
    login_participant(client, make_participant("Sam"))
    client.post("/sprak", data={"lang": "en"})
    soup = page(client.get("/andra-vagar/praktik"))
    assert soup.html["lang"] == "en"
    assert soup.h1.get_text(strip=True) == "Internship"
    assert (
        "You keep your money from Försäkringskassan"
        in soup.select_one("#part-money").find_parent().text
    )


def test_want_to_know_more_records_once_and_says_who_calls(anna_client, anna, interests_of, karin):
    first = anna_client.post("/andra-vagar/iwork/veta-mer")
    assert first.status_code == 303 and first.headers["Location"] == "/andra-vagar/iwork/veta-mer"
    # A double tap stores one interest.
    assert anna_client.post("/andra-vagar/iwork/veta-mer").status_code == 303
    rows = interests_of(anna)
    assert len(rows) == 1 and rows[0].withdrawn_at is None and rows[0].helper_id is None
    soup = page(anna_client.get("/andra-vagar/iwork/veta-mer"))
    assert soup.select_one(".who-calls").get_text(strip=True) == (
        "Karin kontaktar dig. Hen är din handläggare på kommunen."
    )
    assert "innan ert nästa möte eller inom några veckor" in soup.text
    assert soup.select_one("form[action='/andra-vagar/iwork/angra']")
    # The alternative's page now says it is asked, instead of asking again.
    again = page(anna_client.get("/andra-vagar/iwork"))
    assert again.select_one(".alternative-asked")
    assert not again.select_one("form[action='/andra-vagar/iwork/veta-mer']")


def test_without_a_case_officer_it_says_your_case_officer(
    client, make_participant, login_participant
):
    login_participant(client, make_participant("Bo"))
    client.post("/andra-vagar/samhall/veta-mer")
    soup = page(client.get("/andra-vagar/samhall/veta-mer"))
    assert soup.select_one(".who-calls").get_text(strip=True) == (
        "Din handläggare på kommunen kontaktar dig."
    )


def test_the_local_contact_line_is_shown(anna_client, db, alternative):
    iwork = alternative("iwork")
    iwork.texts = {**iwork.texts, "sv": {**iwork.texts["sv"], "contact": "Ring Lisa på IWork."}}
    db.add(iwork)
    db.commit()
    assert (
        "Ring Lisa på IWork."
        in page(anna_client.get("/andra-vagar/iwork"))
        .select_one("#part-contact")
        .find_parent()
        .text
    )
    anna_client.post("/andra-vagar/iwork/veta-mer")
    assert "Ring Lisa på IWork." in page(anna_client.get("/andra-vagar/iwork/veta-mer")).text


def test_taking_it_back_keeps_the_history(anna_client, anna, interests_of):
    anna_client.post("/andra-vagar/iwork/veta-mer")
    response = anna_client.post("/andra-vagar/iwork/angra")
    assert (
        response.status_code == 303 and response.headers["Location"] == "/andra-vagar/iwork/inte-nu"
    )
    [row] = interests_of(anna)
    assert row.withdrawn_at is not None
    # The thank-you page is gone with it; asking again is a new row, the old one stays.
    assert anna_client.get("/andra-vagar/iwork/veta-mer").status_code == 302
    anna_client.post("/andra-vagar/iwork/veta-mer")
    rows = interests_of(anna)
    assert len(rows) == 2 and rows[0].withdrawn_at and rows[1].withdrawn_at is None


def test_taking_back_when_nothing_is_open_changes_nothing(anna_client, anna, interests_of):
    assert anna_client.post("/andra-vagar/iwork/angra").status_code == 303
    assert interests_of(anna) == []


def test_not_now_is_a_kind_page_and_stores_nothing(anna_client, anna, interests_of):
    soup = page(anna_client.get("/andra-vagar/iwork/inte-nu"))
    assert soup.h1.get_text(strip=True) == "Okej. Inte nu."
    assert "Det är ett bra svar." in soup.text
    assert interests_of(anna) == []


def test_unknown_and_hidden_alternatives_do_not_exist(
    anna_client, anna, db, alternative, interests_of
):
    for url in ("/andra-vagar/finns-inte", "/andra-vagar/IWORK", "/andra-vagar/%20"):
        assert anna_client.get(url).status_code == 404, url
    assert anna_client.post("/andra-vagar/finns-inte/veta-mer").status_code == 404
    samhall = alternative("samhall")
    samhall.hidden = True
    db.add(samhall)
    db.commit()
    assert anna_client.get("/andra-vagar/samhall").status_code == 404
    assert anna_client.post("/andra-vagar/samhall/veta-mer").status_code == 404
    assert anna_client.get("/andra-vagar/samhall/inte-nu").status_code == 404
    assert (
        "Samhall" not in page(anna_client.get("/andra-vagar")).select_one(".alternative-cards").text
    )
    assert interests_of(anna) == []


def test_missing_csrf_is_refused_and_stores_nothing(anna_client, anna, interests_of):
    response = anna_client.post("/andra-vagar/iwork/veta-mer", csrf=False)
    assert response.status_code == 400
    assert interests_of(anna) == []
    anna_client.post("/andra-vagar/iwork/veta-mer")
    assert anna_client.post("/andra-vagar/iwork/angra", csrf=False).status_code == 400
    assert interests_of(anna)[0].withdrawn_at is None


def test_a_device_handed_over_for_the_check_in_says_nothing_here(
    app, db, make_staff, make_meeting, anna, login_as, interests_of
):
    supervisor = make_staff("supervisor", units=[db.get(Unit, anna.unit_id)])
    make_meeting(anna)
    client = app.test_client()
    login_as(client, supervisor)
    assert client.post(f"/personal/deltagare/{anna.id}/lamna-over").status_code == 303
    assert client.post("/andra-vagar/iwork/veta-mer").status_code == 403
    assert interests_of(anna) == []


def test_the_check_in_summary_links_to_matching_alternatives(anna_client, anna, db, make_meeting):
    meeting = make_meeting(anna)
    check_in = CheckIn(
        follow_up_id=meeting.id,
        participant_id=anna.id,
        question_set_id=db.exec(select(QuestionSet)).first().id,
    )
    db.add(check_in)
    db.commit()
    db.add(CheckInAnswer(check_in_id=check_in.id, question_key="try_new", choices=["studies"]))
    db.commit()
    soup = page(anna_client.get("/infor-motet/svar"))
    links = [a["href"] for a in soup.select(".checkin-alternatives a")]
    assert links == ["/andra-vagar/folkhogskola", "/andra-vagar/komvux"]


def test_no_links_when_the_answer_is_i_like_it_here(anna_client, anna, db, make_meeting):
    meeting = make_meeting(anna)
    check_in = CheckIn(
        follow_up_id=meeting.id,
        participant_id=anna.id,
        question_set_id=db.exec(select(QuestionSet)).first().id,
    )
    db.add(check_in)
    db.commit()
    db.add(CheckInAnswer(check_in_id=check_in.id, question_key="try_new", choices=["like_it_here"]))
    db.commit()
    assert not page(anna_client.get("/infor-motet/svar")).select(".checkin-alternatives")


def test_interest_rows_are_per_participant(anna_client, anna, db):
    anna_client.post("/andra-vagar/komvux/veta-mer")
    db.expire_all()
    assert {i.participant_id for i in db.exec(select(AlternativeInterest))} == {anna.id}
