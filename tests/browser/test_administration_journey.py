"""The administration journey at 360×740, every page scanned with axe.

The administrator deactivates a supervisor who is logged in (her next click is refused),
moves a participant, ends another, works the card list and prints a unit sheet. The
participant opens "Mina uppgifter" and deletes answers not yet sent; the case officer sees
the same page on her behalf."""

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.mydata.records import fill_record

from .steps import card_address, heading, log_in_as_staff, log_in_with_card

SHOTS = Path(os.environ.get("ADMIN_SCREENSHOTS", "/tmp/administration-shots"))  # noqa: S108


def shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


@pytest.fixture
def full_record(db, make_meeting, make_card):
    def fill(person, case_officer):
        return fill_record(db, make_meeting, make_card, person, case_officer)

    return fill


@pytest.fixture
def people(make_unit, make_staff, make_participant):
    cafe, garden = make_unit("Kaféet"), make_unit("Trädgården")
    karin = make_staff("case_officer", username="karin")
    return {
        "cafe": cafe,
        "garden": garden,
        "karin": karin,
        "sara": make_staff("supervisor", units=[cafe], username="sara"),
        "admin": make_staff("admin", username="ali"),
        "anna": make_participant("Anna", unit=cafe, case_officer=karin),
        "bo": make_participant("Bo", unit=cafe, case_officer=karin, pictogram="person_cat"),
    }


def test_administration_journey(app, people, new_page, axe_check, full_record, make_card):
    anna, bo = people["anna"], people["bo"]
    record = full_record(anna, people["karin"])
    make_card(bo)

    sara = new_page()
    log_in_as_staff(sara, "sara")
    heading(sara, "Mina enheter")

    admin = new_page()
    log_in_as_staff(admin, "ali", axe_check=axe_check)
    heading(admin, "Administration")
    shot(admin, "admin-index")

    # Deactivate Sara: a kind error first (a supervisor needs a unit), nothing lost.
    new_page.expect_console_error("422")
    admin.get_by_role("link", name="Sara (ändra)").click()
    heading(admin, "Ändra Sara")
    axe_check(admin)
    admin.get_by_label("Kaféet").uncheck()
    admin.get_by_label("Namn").fill("Sara Svensson")
    admin.get_by_role("button", name="Spara").click()
    expect(admin).to_have_title("Fel: Ändra Sara – Mina steg")
    expect(admin.get_by_label("Namn")).to_have_value("Sara Svensson")
    axe_check(admin)
    shot(admin, "staff-edit-error")
    admin.get_by_label("Kaféet").check()
    admin.get_by_label("Kontot är aktivt").uncheck()
    admin.get_by_role("button", name="Spara").click()
    heading(admin, "Administration")
    expect(admin.get_by_text("Avstängt")).to_be_visible()

    # Sara's open page: her next click is refused and she is asked to log in.
    sara.reload()
    heading(sara, "Logga in som personal")

    # A case officer's page lists her participants.
    admin.get_by_role("link", name="Karin (ändra)").click()
    heading(admin, "Ändra Karin")
    expect(admin.get_by_role("link", name="Anna")).to_be_visible()
    axe_check(admin)
    admin.goto("/admin/")

    # Move Anna to the garden and state her gender.
    admin.get_by_role("link", name="Ändra Anna").click()
    heading(admin, "Ändra Anna")
    axe_check(admin)
    shot(admin, "participant-edit")
    admin.get_by_label("Enhet").select_option(label="Trädgården")
    admin.get_by_label("Kvinna").check()
    admin.get_by_role("button", name="Spara").click()
    heading(admin, "Anna")
    axe_check(admin)

    # End Bo in the service.
    admin.goto(f"/admin/deltagare/{bo.id}/avsluta")
    heading(admin, "Avsluta Bo i tjänsten")
    axe_check(admin)
    shot(admin, "participant-end")
    admin.get_by_label("Började studera").check()
    admin.get_by_role("button", name="Avsluta Bo").click()
    heading(admin, "Bo")
    expect(admin.get_by_text("Avslutad")).to_be_visible()

    # The card list: filter, then a unit sheet.
    admin.goto("/admin/kort")
    heading(admin, "Inloggningskort")
    axe_check(admin)
    shot(admin, "card-list-all")
    admin.get_by_label("Status").select_option(label="Spärrat")
    admin.get_by_role("button", name="Visa").click()
    expect(admin).to_have_url(re.compile(r"status=revoked"))
    expect(admin.locator("table.card-table tbody tr")).to_have_count(1)
    expect(admin.locator("table.card-table tbody th")).to_contain_text("Bo (avslutad)")
    axe_check(admin)
    shot(admin, "card-list")
    admin.get_by_role("link", name="Kort för Trädgården").click()
    heading(admin, "Kort för Trädgården")
    axe_check(admin)
    shot(admin, "unit-cards")
    admin.get_by_label("Anna").check()
    admin.get_by_role("button", name="Skapa kort och skriv ut").click()
    heading(admin, "Skriv ut kort")
    axe_check(admin)

    # Anna opens "Mina uppgifter" with her new card and deletes her unsent answers.
    anna_phone = new_page()
    log_in_with_card(anna_phone, card_address(app, anna), axe_check=axe_check)
    anna_phone.get_by_role("link", name="Mina uppgifter").click()
    heading(anna_phone, "Mina uppgifter")
    axe_check(anna_phone)
    expect(anna_phone.get_by_text("Bussen till jobbet")).to_be_visible()
    shot(anna_phone, "mydata")
    anna_phone.get_by_role("link", name="Ta bort svaren").click()
    heading(anna_phone, "Ta bort svaren?")
    axe_check(anna_phone)
    shot(anna_phone, "delete-draft")
    anna_phone.get_by_role("button", name="Ja, ta bort svaren").click()
    heading(anna_phone, "Mina uppgifter")
    expect(anna_phone.get_by_text("Svaren är borttagna.")).to_be_visible()
    expect(anna_phone.get_by_text("Bussen till jobbet")).to_have_count(0)
    axe_check(anna_phone)

    # The case officer goes through the same page on Anna's behalf.
    karin = new_page()
    log_in_as_staff(karin, "karin")
    karin.goto(f"/personal/deltagare/{anna.id}")
    karin.get_by_role("link", name="Allt appen sparar om Anna").click()
    heading(karin, "Uppgifter om Anna")
    axe_check(karin)
    shot(karin, "mydata-staff")
    assert record["check_in"]
