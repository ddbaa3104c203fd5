"""The new step: daily activity ends for work with support going on; the card still logs in,
the short check-in, "Jag vill komma tillbaka", the flag, the return, and the support person."""

from sqlmodel import select

from app.models import AuditEvent, Participant
from app.new_step.models import NewStep, StepAnswer
from app.wishes.models import Wish
from tests.conftest import page


def start_step(client, person, support_by, months="12", days=("14", "30", "91", "182", "365")):
    return client.post(
        f"/personal/deltagare/{person.id}/nytt-steg",
        data={
            "kind": "work",
            "support_months": months,
            "support_by": str(support_by.id),
            "checkin_days": list(days),
        },
    )


def test_a_step_keeps_the_card_and_the_wishes_and_a_return_brings_them_back(
    app, db, make_staff, make_participant, make_card, login_as
):
    officer = make_staff("case_officer")
    coach = make_staff("support_person")
    lisa = make_participant("Lisa", case_officer=officer)
    db.add(Wish(participant_id=lisa.id, card_id=1, pile="like"))
    db.commit()
    _card, token = make_card(lisa)
    staff = app.test_client()
    login_as(staff, officer)

    assert start_step(staff, lisa, coach).status_code == 303
    db.expire_all()
    step = db.exec(select(NewStep).where(NewStep.participant_id == lisa.id)).one()
    assert step.support_by_id == coach.id and step.checkin_days == [14, 30, 91, 182, 365]
    assert 364 <= (step.support_until - step.started_at).days <= 366
    assert db.get(Participant, lisa.id).end_reason == "work"

    phone = app.test_client()
    assert phone.post("/k", data={"token": token}).status_code == 303
    home = page(phone.get("/"))
    assert home.h2.get_text(strip=True) == "Mitt jobb"
    assert home.select_one("#come-back")
    assert home.select_one("#ask-support-consent")

    # One question per screen; a missing choice is a kind 422, nothing stored.
    assert page(phone.post("/mitt-steg/fraga/how_it_is", data={}), 422).select(".error-message")
    for key, choice in [
        ("how_it_is", "good"),
        ("feels_safe", "no"),
        ("gets_help", "yes"),
        ("more_support", "yes"),
        ("come_back", "dont_know"),
        ("helped", "support_person"),
    ]:
        assert phone.post(f"/mitt-steg/fraga/{key}", data={"choice": choice}).status_code == 303
    answers = dict(db.exec(select(StepAnswer.question_key, StepAnswer.choice)).all())
    assert answers["helped"] == "support_person"

    explained = page(phone.get("/mitt-steg/tillbaka"))
    assert explained.select(".come-back-text")
    assert phone.post("/mitt-steg/tillbaka").status_code == 303
    assert page(phone.get("/mitt-steg/tillbaka")).select_one("#come-back-sent")

    caseload = page(staff.get("/personal/"))
    for flag in (".flag-wants-back", ".flag-unsafe", ".flag-more-support"):
        assert caseload.select_one(flag), flag

    assert staff.post(f"/personal/deltagare/{lisa.id}/aterstarta").status_code == 303
    db.expire_all()
    assert db.get(Participant, lisa.id).ended_at is None
    assert db.get(NewStep, step.id).returned_at is not None
    home = page(phone.get("/"))
    assert home.select_one("#come-back") is None
    assert db.exec(select(Wish).where(Wish.participant_id == lisa.id)).first() is not None


def test_bad_input_keeps_what_was_entered(app, db, make_staff, make_participant, login_as):
    officer = make_staff("case_officer")
    lisa = make_participant("Lisa", case_officer=officer)
    staff = app.test_client()
    login_as(staff, officer)
    response = start_step(staff, lisa, officer, months="99", days=())
    form = page(response, 422)
    assert form.select_one("#support_months")["value"] == "99"
    assert form.select_one("#kind-0").has_attr("checked")
    assert len(form.select(".error-summary li")) == 2
    db.expire_all()
    assert db.get(Participant, lisa.id).ended_at is None


def test_the_support_person_sees_answers_only_with_consent_and_every_read_is_audited(
    app, db, make_staff, make_participant, make_card, login_as
):
    officer = make_staff("case_officer")
    coach, other_coach = make_staff("support_person"), make_staff("support_person")
    lisa = make_participant("Lisa", case_officer=officer)
    _card, token = make_card(lisa)
    staff = app.test_client()
    login_as(staff, officer)
    start_step(staff, lisa, coach)
    phone = app.test_client()
    phone.post("/k", data={"token": token})
    phone.post("/mitt-steg/fraga/feels_safe", data={"choice": "no"})

    support = app.test_client()
    login_as(support, coach)
    listing = page(support.get("/personal/stod"))
    assert listing.select_one("th a").get_text() == "Lisa"
    assert listing.select_one(".flag-unsafe") is None  # no consent yet
    assert support.get(f"/personal/stod/{lisa.id}/svar").status_code == 404

    assert (
        phone.post("/mitt-steg/vem-far-se", data={"area": "checkins", "answer": "ja"}).status_code
        == 303
    )
    phone.post("/mitt-steg/fraga/helped", data={"choice": "nobody"})  # finishes the check-in
    person = page(support.get(f"/personal/stod/{lisa.id}"))
    assert person.select_one(".flag-unsafe")
    assert support.get(f"/personal/stod/{lisa.id}/svar").status_code == 200

    elsewhere = app.test_client()
    login_as(elsewhere, other_coach)
    assert elsewhere.get(f"/personal/stod/{lisa.id}").status_code == 404
    actions = db.exec(
        select(AuditEvent.action).where(
            AuditEvent.actor_id == coach.id, AuditEvent.participant_id == lisa.id
        )
    ).all()
    assert {"support.list", "support.view", "support.answers"} <= set(actions)
