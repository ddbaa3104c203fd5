"""Consent is given to a provider unit: a move asks again (no until then), and ending the
participant ends the supervisor's access."""

from sqlmodel import select

from app.admin import people as admin_people
from app.models import EndReason, Participant, StaffUser
from tests.conftest import page
from tests.consent.test_staff import anna_has_said_things, say


def move(in_request, db, person, admin, unit):
    with in_request(admin) as session:
        anna = session.get(Participant, person.id)
        change = admin_people.ParticipantChange(
            anna.first_name, anna.language, unit.id, anna.case_officer_id, anna.gender
        )
        admin_people.update_participant(anna, change)


def test_a_move_shares_nothing_with_the_new_unit_until_the_participant_says_yes(
    client, app, db, people, make_unit, make_staff, make_meeting, login_as, login_participant,
    in_request,
):  # fmt: skip
    anna_has_said_things(db, people, make_meeting)
    anna = app.test_client()
    login_participant(anna, people["anna"])
    for area in ("checkins", "wishes", "goal_comments"):
        say(anna, area, "ja")
    laundry = make_unit("Tvätteriet")
    tove = make_staff("supervisor", units=[laundry], username="tove")
    move(in_request, db, people["anna"], make_staff("admin"), laundry)

    login_as(client, tove)
    soup = page(client.get(f"/personal/deltagare/{people['anna'].id}"))
    assert len(soup.select("#shared .consent-hidden")) == 3
    assert not soup.select("#shared-answer-how_it_is")
    assert not soup.select("#shared .brief-piles")

    # Anna is asked again on her home page, and her page names the unit her answer is for.
    home = page(anna.get("/"))
    assert home.select_one("#ask-consent")
    choices = page(anna.get("/vem-far-se"))
    assert "Du är på Tvätteriet nu." in choices.get_text()
    assert [b.get_text(strip=True) for b in choices.select("[aria-pressed=true]")] == ["Nej"] * 3

    say(anna, "checkins", "ja")
    soup = page(client.get(f"/personal/deltagare/{people['anna'].id}"))
    assert soup.select_one("#shared-answer-how_it_is")
    assert not page(anna.get("/")).select("#ask-consent")


def test_ending_the_participant_ends_the_supervisors_access(
    client, app, db, people, make_meeting, make_staff, login_as, login_participant, in_request
):
    anna_has_said_things(db, people, make_meeting)
    anna = app.test_client()
    login_participant(anna, people["anna"])
    say(anna, "wishes", "ja")
    login_as(client, people["sara"])
    url = f"/personal/deltagare/{people['anna'].id}"
    assert client.get(url).status_code == 200

    admin = make_staff("admin")
    with in_request(admin) as session:
        admin_people.end_participant(
            session.get(Participant, people["anna"].id),
            EndReason.work,
            session.get(StaffUser, admin.id),
        )
    assert client.get(url).status_code == 404
    assert people["anna"].first_name not in page(client.get("/personal/")).get_text()
    # Her case officer still reads her page (follow-up, data-rights requests).
    login_as(client, db.exec(select(StaffUser).where(StaffUser.username == "karin")).one())
    assert client.get(url).status_code == 200
