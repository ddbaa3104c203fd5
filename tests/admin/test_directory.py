"""Admins add units, staff and participants; bad input is refused kindly and stores nothing."""

from sqlmodel import select

from app.models import Participant, StaffUnit, StaffUser, Unit
from tests.conftest import page


def test_admin_adds_a_unit_a_supervisor_and_a_participant(client, db, make_staff, login_as):
    admin = make_staff("admin")
    login_as(client, admin)
    assert client.post("/admin/enheter/ny", data={"name": "Trädgården"}).status_code == 303
    unit = db.exec(select(Unit)).one()
    assert unit.created_by_id == admin.id and unit.created_at is not None

    response = client.post(
        "/admin/personal/ny",
        data={
            "display_name": "Sara Svensson",
            "username": "sara",
            "role": "supervisor",
            "units": [unit.id],
        },
    )
    # No password: a one-time code, shown once, for Sara to choose her own.
    code = page(response).select_one(".login-code code").get_text(strip=True)
    sara = db.exec(select(StaffUser).where(StaffUser.username == "sara")).one()
    assert sara.created_by_id == admin.id
    assert db.exec(select(StaffUnit.unit_id).where(StaffUnit.staff_id == sara.id)).all() == [
        unit.id
    ]
    assert sara.password_hash is None and sara.reset_code_hash
    assert code not in sara.reset_code_hash

    response = client.post(
        "/admin/deltagare/ny",
        data={
            "first_name": "Anna",
            "language": "sv",
            "unit": unit.id,
            "case_officer": 0,
            "pictogram": "person_star",
        },
    )
    anna = db.exec(select(Participant)).one()
    assert response.headers["Location"] == f"/personal/deltagare/{anna.id}"
    assert (anna.first_name, anna.pictogram, anna.case_officer_id) == ("Anna", "person_star", None)
    assert anna.created_by_id == admin.id


def test_overlong_and_missing_fields_keep_what_was_typed(client, db, make_staff, login_as):
    login_as(client, make_staff("admin"))
    soup = page(client.post("/admin/enheter/ny", data={"name": "K" * 500}), status=422)
    assert soup.title.string.startswith("Fel:")
    assert soup.select_one("#name")["value"] == "K" * 500
    assert soup.select_one("#name")["aria-invalid"] == "true"

    soup = page(
        client.post(
            "/admin/personal/ny",
            data={
                "display_name": "Sara",
                "username": "Sara Svensson!",
                "role": "supervisor",
            },
        ),
        status=422,
    )
    errors = [a["href"] for a in soup.select(".error-summary a")]
    assert errors == ["#username", "#units-0"]
    assert soup.select_one("#units-0"), "every error links to something on the page"
    assert soup.select_one("#display_name")["value"] == "Sara"
    assert db.exec(select(Unit)).all() == []
    assert len(db.exec(select(StaffUser)).all()) == 1  # only the admin


def test_duplicate_names_are_refused_kindly(client, db, make_staff, make_unit, login_as):
    admin = make_staff("admin", username="admin")
    make_unit("Kaféet")
    login_as(client, admin)
    soup = page(client.post("/admin/enheter/ny", data={"name": "Kaféet"}), status=422)
    assert "finns redan" in soup.select_one("#name-error").get_text()
    soup = page(
        client.post(
            "/admin/personal/ny",
            data={
                "display_name": "A",
                "username": "admin",
                "role": "admin",
            },
        ),
        status=422,
    )
    assert "finns redan" in soup.select_one("#username-error").get_text()


def test_participant_needs_a_real_unit_and_picture(client, db, make_staff, make_unit, login_as):
    login_as(client, make_staff("admin"))
    unit = make_unit()
    soup = page(
        client.post(
            "/admin/deltagare/ny",
            data={
                "first_name": "Anna",
                "language": "xx",
                "unit": unit.id + 99,
                "case_officer": 0,
                "pictogram": "../../etc/passwd",
            },
        ),
        status=422,
    )
    assert {a["href"] for a in soup.select(".error-summary a")} == {
        "#language",
        "#unit",
        "#pictogram-0",
    }
    assert soup.select_one("#first_name")["value"] == "Anna"
    assert db.exec(select(Participant)).all() == []
