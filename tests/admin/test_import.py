"""Onboarding from the case system: a preview of every row, then one transaction; matched on
the case system's id, so the same file twice changes nothing; personal identity numbers refused."""

import io

import pytest
from sqlmodel import func, select

from app.admin import importing
from app.models import AuditEvent, Participant, StaffUnit, StaffUser, Unit
from tests.conftest import page

from .import_files import BAD_ROWS, HEADER, participants_file


def upload(client, text: str, encoding="utf-8", name="deltagare.csv"):
    return client.post(
        "/admin/import",
        data={"file": (io.BytesIO(text.encode(encoding)), name)},
        content_type="multipart/form-data",
    )


def save_previewed(client, preview):
    form = page(preview).select_one("form[action='/admin/import/spara']")
    return client.post(
        "/admin/import/spara", data={"file": form.select_one("[name=file]")["value"]}
    )


def count(db, model) -> int:
    return db.exec(select(func.count()).select_from(model)).one()


@pytest.fixture
def admin(client, make_staff, login_as):
    person = make_staff("admin")
    login_as(client, person)
    return person


def test_preview_names_each_bad_row_and_saves_nothing(client, db, admin):
    preview = upload(client, participants_file(200))
    soup = page(preview)
    errors = soup.select(".import-errors tbody tr")
    assert len(errors) == 5
    reasons = [row.select("td")[-1].get_text(" ", strip=True) for row in errors]
    for (_line, expected), reason in zip(BAD_ROWS, reasons, strict=True):
        assert expected in reason
    assert "19850101-1234" not in soup.get_text()
    assert count(db, Participant) == 0 and count(db, Unit) == 0
    button = soup.select_one("form[action='/admin/import/spara'] button").get_text(strip=True)
    assert button == "Spara 199 rader"  # 2 units, 2 staff, 195 participants


def test_saving_adds_the_good_rows_and_the_same_file_again_changes_nothing(client, db, admin):
    text = participants_file(200)
    saved = page(save_previewed(client, upload(client, text)))
    assert count(db, Participant) == 195
    karin = db.exec(select(StaffUser).where(StaffUser.case_id == "H-1")).one()
    sara = db.exec(select(StaffUser).where(StaffUser.case_id == "S-1")).one()
    assert (karin.username, karin.role, karin.password_hash) == ("karin.berg", "case_officer", None)
    cafe = db.exec(select(Unit).where(Unit.case_id == "E-1")).one()
    assert db.exec(select(StaffUnit.unit_id).where(StaffUnit.staff_id == sara.id)).all() == [
        cafe.id
    ]
    first = db.exec(select(Participant).where(Participant.case_id == "D-1")).one()
    assert (first.first_name, first.unit_id, first.case_officer_id, first.gender) == (
        "Person 1",
        cafe.id,
        karin.id,
        "woman",
    )
    assert str(first.started_on) == "2024-05-02"
    # Cards for the new participants, per unit, as today.
    links = [a["href"] for a in saved.select("a[href$='/kort']")]
    assert sorted(links) == sorted(f"/admin/enheter/{u.id}/kort" for u in db.exec(select(Unit)))
    created = db.exec(
        select(func.count()).where(
            AuditEvent.action == "participant.create", AuditEvent.actor_id == admin.id
        )
    ).one()
    assert created == 195

    again = page(upload(client, text))
    assert again.select_one("form[action='/admin/import/spara']") is None
    assert "Det finns inget nytt att spara." in again.get_text()
    assert count(db, Participant) == 195


def test_a_changed_name_or_unit_is_a_change_matched_on_the_id_not_the_name(client, db, admin):
    save_previewed(client, upload(client, participants_file(10, bad=False)))
    text = participants_file(10, bad=False).replace("D-3;Person 3;E-1", "D-3;Lova;E-2")
    soup = page(upload(client, text))
    changed = [row for row in soup.select("#all-heading ~ table tbody tr") if "Ändras" in row.text]
    assert [row.select("td")[2].text for row in changed] == ["D-3"]
    save_previewed(client, upload(client, text))
    person = db.exec(select(Participant).where(Participant.case_id == "D-3")).one()
    garden = db.exec(select(Unit).where(Unit.case_id == "E-2")).one()
    assert (person.first_name, person.unit_id) == ("Lova", garden.id)
    assert count(db, Participant) == 10


def test_windows_excel_export_with_commas_is_read(client, db, admin):
    text = participants_file(6, bad=False, delimiter=",").replace("Person 1", "Åsa")
    save_previewed(client, upload(client, text, encoding="cp1252"))
    assert (
        db.exec(select(Participant.first_name).where(Participant.case_id == "D-1")).one() == "Åsa"
    )


def test_a_column_of_personal_identity_numbers_refuses_the_file_kindly(client, db, admin):
    text = HEADER + ";personnummer\ndeltagare;D-1;Anna;E-1;;;;sv;;;19850101-1234\n"
    soup = page(upload(client, text), status=422)
    assert soup.title.string.startswith("Fel:")
    message = soup.select_one("#file-error").get_text(strip=True)
    assert "Mina steg behöver inga personnummer" in message
    assert count(db, Participant) == 0


def test_a_file_without_the_header_or_without_a_file(client, admin):
    soup = page(upload(client, "Anna;Kaféet\n"), status=422)
    assert "Det saknas: typ, id, namn" in soup.select_one("#file-error").text
    soup = page(client.post("/admin/import", data={}), status=422)
    assert "Välj en fil." in soup.select_one("#file-error").text


def test_a_tampered_preview_is_not_saved(client, db, admin):
    response = client.post("/admin/import/spara", data={"file": "eyJieSI6MX0.bad"})
    assert response.headers["Location"] == "/admin/import"
    assert count(db, Participant) == 0


def test_rows_may_name_units_and_case_officers_already_saved(
    client, db, admin, make_unit, make_staff
):
    cafe = make_unit("Kaféet")
    karin = make_staff("case_officer", username="karin")
    text = HEADER + "\ndeltagare;D-7;Noor;Kaféet;karin;;;ar;;\n"
    save_previewed(client, upload(client, text))
    noor = db.exec(select(Participant).where(Participant.case_id == "D-7")).one()
    assert (noor.unit_id, noor.case_officer_id, noor.language) == (cafe.id, karin.id, "ar")


def test_the_command_previews_and_saves_with_a_progress_line(app, db, tmp_path):
    path = tmp_path / "fil.csv"
    path.write_text(participants_file(50), encoding="utf-8")
    runner = app.test_cli_runner()
    result = runner.invoke(args=["import", str(path), "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "errors: 1" in result.output and "Nothing saved." in result.output
    assert "line " in result.output and "Namn saknas." in result.output
    assert count(db, Participant) == 0
    result = runner.invoke(args=["import", str(path)], input="y\n")
    assert "Saved: 49 new" in result.output, result.output
    assert count(db, Participant) == 45  # and two units, two staff
    result = runner.invoke(args=["import", str(path), "--yes"])
    assert "new: 0, changed: 0, unchanged: 49" in result.output


def test_read_refuses_a_personal_number_in_any_cell():
    rows = importing.read(HEADER + "\npersonal;P-1;Kim 850101-1234;;;kim;chef;;;\n")
    assert rows[0].result == importing.ERROR and "personnummer" in rows[0].reason
