"""Admins change staff accounts; a deactivated account loses its open logins at once."""

from sqlmodel import select

from app.models import AuditEvent, LoginSession, StaffUnit, StaffUser
from tests.conftest import page


def edit(client, staff, **changes):
    data = {"display_name": staff.display_name, "role": staff.role, "active": "y", **changes}
    return client.post(f"/admin/personal/andra?id={staff.id}", data=data)


def test_edit_page_shows_the_account_as_it_is(client, make_unit, make_staff, login_as):
    unit = make_unit("Kaféet")
    sara = make_staff("supervisor", units=[unit], username="sara")
    login_as(client, make_staff("admin"))
    soup = page(client.get(f"/admin/personal/andra?id={sara.id}"))
    assert soup.select_one("#display_name")["value"] == "Sara"
    assert soup.select_one("input[name=role][value=supervisor]").has_attr("checked")
    assert soup.select_one(f"input[name=units][value='{unit.id}']").has_attr("checked")
    assert soup.select_one("#active").has_attr("checked")
    assert page(client.get("/admin/")).select_one(f"a[href='/admin/personal/andra?id={sara.id}']")


def test_admin_moves_a_supervisor_to_other_units_and_roles(
    client, db, make_unit, make_staff, login_as
):
    cafe, garden = make_unit("Kaféet"), make_unit("Trädgården")
    sara = make_staff("supervisor", units=[cafe], username="sara")
    admin = make_staff("admin")
    login_as(client, admin)
    assert edit(client, sara, display_name="Sara S", units=[garden.id]).status_code == 303
    db.expire_all()
    assert db.get(StaffUser, sara.id).display_name == "Sara S"
    assert db.exec(select(StaffUnit.unit_id).where(StaffUnit.staff_id == sara.id)).all() == [
        garden.id
    ]
    assert edit(client, sara, role="case_officer").status_code == 303
    db.expire_all()
    assert db.get(StaffUser, sara.id).role == "case_officer"
    assert db.exec(select(StaffUnit).where(StaffUnit.staff_id == sara.id)).all() == []
    actions = db.exec(select(AuditEvent.action).where(AuditEvent.actor_id == admin.id)).all()
    assert actions.count("staff.edit") == 2


def test_deactivating_ends_an_open_login_at_once(
    app, client, db, make_unit, make_staff, make_participant, make_meeting, login_as
):
    unit = make_unit("Kaféet")
    sara = make_staff("supervisor", units=[unit], username="sara")
    anna = make_participant("Anna", unit=unit)
    make_meeting(anna)
    saras_phone = app.test_client()
    login_as(saras_phone, sara)
    assert saras_phone.get("/personal/").status_code == 200
    # Sara has handed her tablet to Anna: that login is Sara's device too.
    tablet = app.test_client()
    login_as(tablet, sara)
    assert tablet.post(f"/personal/deltagare/{anna.id}/lamna-over").status_code == 303
    assert tablet.get("/infor-motet").status_code == 200

    login_as(client, make_staff("admin"))
    response = edit(client, sara, units=[unit.id], active="")
    assert response.status_code == 303

    db.expire_all()
    assert db.get(StaffUser, sara.id).active is False
    open_logins = db.exec(
        select(LoginSession).where(
            (LoginSession.staff_id == sara.id) | (LoginSession.helper_id == sara.id),
            LoginSession.ended_at.is_(None),
        )
    ).all()
    assert open_logins == []
    response = saras_phone.get("/personal/")
    assert response.status_code == 302 and response.headers["Location"] == "/personal/logga-in"
    assert saras_phone.post(f"/personal/deltagare/{anna.id}/kort").status_code == 401
    assert tablet.get("/mina-mal").headers["Location"] == "/"
    assert "staff.deactivate" in db.exec(select(AuditEvent.action)).all()


def test_an_admin_cannot_lock_themselves_out(client, db, make_staff, login_as):
    admin = make_staff("admin", username="ali")
    login_as(client, admin)
    soup = page(edit(client, admin, display_name="Ali A", active=""), status=422)
    assert soup.title.string.startswith("Fel:")
    assert "egen behörighet" in soup.select_one(".error-summary").get_text()
    assert soup.select_one("#display_name")["value"] == "Ali A"
    page(edit(client, admin, role="supervisor", units=[]), status=422)
    db.expire_all()
    assert (db.get(StaffUser, admin.id).role, db.get(StaffUser, admin.id).active) == ("admin", True)


def test_bad_input_is_refused_kindly_and_kept(client, db, make_unit, make_staff, login_as):
    make_unit("Kaféet")
    sara = make_staff("case_officer", username="sara")
    login_as(client, make_staff("admin"))
    soup = page(edit(client, sara, display_name="Sara Ny", role="supervisor"), status=422)
    assert [a["href"] for a in soup.select(".error-summary a")] == ["#units-0"]
    assert soup.select_one("#display_name")["value"] == "Sara Ny"
    assert soup.select_one("input[name=role][value=supervisor]").has_attr("checked")
    db.expire_all()
    assert db.get(StaffUser, sara.id).display_name == "Sara"
    assert client.get("/admin/personal/andra?id=999999").status_code == 404
    assert client.get("/admin/personal/andra").status_code == 404


def test_a_case_officers_page_lists_their_participants(
    client, make_staff, make_participant, login_as
):
    karin = make_staff("case_officer", username="karin")
    anna = make_participant("Anna", case_officer=karin)
    make_participant("Bea")
    login_as(client, make_staff("admin"))
    soup = page(client.get(f"/admin/personal/andra?id={karin.id}"))
    assert [a.get_text(strip=True) for a in soup.select("ul.people a")] == ["Anna"]
    assert soup.select_one("ul.people a")["href"] == f"/admin/deltagare/{anna.id}"
