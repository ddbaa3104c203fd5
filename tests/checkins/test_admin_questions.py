"""Admins change the questions' wording and order; every save is a new version."""

from sqlmodel import select

from app.checkins.models import QuestionSet
from tests.conftest import page


def form_of(soup):
    return {i["name"]: i.get("value", "") for i in soup.select("form input[name]")}


def test_admin_rewords_and_reorders_as_a_new_version(client, db, make_staff, login_as):
    login_as(client, make_staff("admin"))
    soup = page(client.get("/admin/fragor"))
    data = form_of(soup)
    assert data["how_it_is-sv"] == "Hur har du det på din dagliga verksamhet?"
    data["how_it_is-sv"] = "Hur trivs du?"
    data["how_it_is-order"], data["likes_tasks-order"] = "2", "1"
    response = client.post("/admin/fragor", data=data)
    assert response.status_code == 303
    sets = db.exec(select(QuestionSet).order_by(QuestionSet.version)).all()
    assert [s.version for s in sets] == [1, 2]
    assert [q["key"] for q in sets[1].questions][:2] == ["likes_tasks", "how_it_is"]
    assert sets[1].questions[1]["text"]["sv"] == "Hur trivs du?"
    assert sets[0].questions[0]["text"]["sv"] == "Hur har du det på din dagliga verksamhet?"
    # Saving again without changes makes no new version.
    client.post("/admin/fragor", data=form_of(page(client.get("/admin/fragor"))))
    assert len(db.exec(select(QuestionSet)).all()) == 2


def test_bad_edits_are_refused_and_keep_what_was_typed(client, db, make_staff, login_as):
    login_as(client, make_staff("admin"))
    data = form_of(page(client.get("/admin/fragor")))
    data["feels_safe-sv"] = ""
    data["try_new-en"] = "x" * 201
    data["how_it_is-order"] = data["likes_tasks-order"] = "1"
    soup = page(client.post("/admin/fragor", data=data), status=422)
    assert soup.title.string.startswith("Fel:")
    assert soup.select_one("#feels_safe-sv-error") and soup.select_one("#try_new-en-error")
    assert soup.select_one("#try_new-en")["value"] == "x" * 201
    assert len(db.exec(select(QuestionSet)).all()) == 1


def test_started_check_ins_keep_their_version(
    client, db, make_staff, make_participant, make_meeting, login_participant, login_as
):
    anna = make_participant()
    make_meeting(anna)
    login_participant(client, anna)
    page(client.get("/infor-motet/fraga/how_it_is"))
    admin = client.application.test_client()
    login_as(admin, make_staff("admin"))
    data = form_of(page(admin.get("/admin/fragor")))
    data["how_it_is-sv"] = "Hur trivs du?"
    admin.post("/admin/fragor", data=data)
    soup = page(client.get("/infor-motet/fraga/how_it_is"))
    assert soup.h1.get_text(strip=True) == "Hur har du det på din dagliga verksamhet?"
