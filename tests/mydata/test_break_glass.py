"""Administrators manage accounts, cards and catalogues, not answers. A data-rights export is a
deliberate step with a stated reason, logged, and shown in the auditor's report."""

import json

import pytest

from tests.conftest import page
from tests.meetings.test_brief import answered


@pytest.fixture
def anna(make_participant, make_staff, make_meeting, db):
    person = make_participant("Anna", case_officer=make_staff("case_officer"))
    answered(db, make_meeting(person), {"feels_safe": ["no"]})
    db.commit()
    return person


def test_an_administrator_does_not_read_answers(client, anna, make_staff, login_as):
    login_as(client, make_staff("admin"))
    assert client.get(f"/personal/deltagare/{anna.id}/uppgifter").status_code == 403
    assert client.get(f"/personal/deltagare/{anna.id}/uppgifter.json").status_code == 403
    soup = page(client.get(f"/personal/deltagare/{anna.id}"))
    assert not soup.select(f"a[href='/personal/deltagare/{anna.id}/uppgifter']")
    assert soup.select_one(f"a[href='/admin/deltagare/{anna.id}/utlamning']")


def test_the_export_asks_why_and_keeps_what_was_typed(client, anna, make_staff, login_as):
    login_as(client, make_staff("admin"))
    url = f"/admin/deltagare/{anna.id}/utlamning"
    page(client.get(url))
    soup = page(client.post(url, data={"reference": "KS 2026/12"}), 422)
    assert soup.title.string.startswith("Fel:")
    assert soup.select_one("input[name=reference]")["value"] == "KS 2026/12"


def test_the_export_is_logged_with_its_reason_and_the_auditor_sees_it(
    client, app, anna, make_staff, login_as
):
    admin = make_staff("admin")
    login_as(client, admin)
    url = f"/admin/deltagare/{anna.id}/utlamning"
    response = client.post(url, data={"reason": "access", "reference": "KS 2026/12"})
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    rows = json.loads(response.get_data(as_text=True))["tables"]["check_in_answer"]
    assert rows[0]["choices"] == ["no"]

    auditor = app.test_client()
    login_as(auditor, make_staff("auditor"))
    soup = page(auditor.get(f"/granskning/deltagare?id={anna.id}"))
    row = next(r for r in soup.select(".log-row") if "Lämnade ut allt" in r.get_text())
    assert admin.display_name in row.get_text()
    assert "access: KS 2026/12" in row.get_text()
