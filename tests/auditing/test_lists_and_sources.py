"""Every page that shows participants writes one row per participant shown; the auditor's
reports show them, with the address each request came from."""

import csv
import io

from sqlmodel import select

from app.models import AuditEvent
from tests.conftest import page


def shown_in(db, endpoint_or_action):
    db.expire_all()
    return sorted(
        e.participant_id
        for e in db.exec(select(AuditEvent))
        if endpoint_or_action in (e.action, e.detail)
    )


def test_the_case_officers_caseload_is_logged_and_in_the_report(
    app, client, db, make_staff, make_participant, login_as
):
    karin = make_staff("case_officer")
    anna = make_participant("Anna", case_officer=karin)
    bea = make_participant("Bea", case_officer=karin)
    make_participant("Cilla", case_officer=make_staff("case_officer"))
    login_as(client, karin)
    page(client.get("/personal/"))
    assert shown_in(db, "caseload.view") == [anna.id, bea.id]

    auditor = app.test_client()
    login_as(auditor, make_staff("auditor"))
    soup = page(auditor.get(f"/granskning/deltagare?id={anna.id}"))
    row = next(r for r in soup.select(".log-row") if "Mina deltagare" in r.get_text())
    assert karin.display_name in row.get_text()
    assert "127.0.0.1" in row.get_text()
    lines = list(csv.reader(io.StringIO(auditor.get(f"/granskning/personal/csv?id={karin.id}")
                                        .get_data(as_text=True))))  # fmt: skip
    header = lines[0]
    assert header[-2:] == ["adress", "antal"]
    caseload = [line for line in lines[1:] if line[header.index("kod")] == "caseload.view"]
    assert {line[header.index("adress")] for line in caseload} == {"127.0.0.1"}


def test_the_supervisors_start_page_is_logged(
    client, db, make_unit, make_staff, make_participant, make_meeting, login_as
):
    unit = make_unit("Kaféet")
    anna = make_participant("Anna", unit=unit)
    make_meeting(anna)  # she is also listed as waiting for help
    make_participant("Bea")
    login_as(client, make_staff("supervisor", units=[unit]))
    page(client.get("/personal/"))
    assert shown_in(db, "staff.index") == [anna.id]


def test_admin_lists_and_the_unit_card_sheet_are_logged(
    client, db, make_unit, make_staff, make_participant, make_card, login_as
):
    unit = make_unit("Kaféet")
    officer = make_staff("case_officer")
    anna = make_participant("Anna", unit=unit, case_officer=officer)
    make_card(anna)
    login_as(client, make_staff("admin"))
    for url, endpoint in [
        ("/admin/", "admin.index"),
        ("/admin/kort", "admin.card_list_page"),
        (f"/admin/enheter/{unit.id}/kort", "admin.unit_cards"),
        (f"/admin/personal/andra?id={officer.id}", "admin.edit_staff"),
    ]:
        page(client.get(url))
        assert shown_in(db, endpoint) == [anna.id], url
