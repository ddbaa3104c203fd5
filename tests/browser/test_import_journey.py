"""The administrator reads in the case system's file of 200 participants, five of them bad:
the preview names the five rows and why, saving adds 195, the same file again changes nothing.
At 360×740 and 1280 wide, every page scanned with axe."""

import os
from pathlib import Path

from playwright.sync_api import expect
from sqlmodel import func, select

from app.models import Participant
from tests.admin.import_files import BAD_ROWS, participants_file

from .steps import heading, log_in_as_staff

SHOTS = Path(os.environ.get("IMPORT_SCREENSHOTS", "/tmp/import-shots"))  # noqa: S108


def shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=name.endswith("full"))


def participants(db) -> int:
    db.expire_all()
    return db.exec(select(func.count()).select_from(Participant)).one()


def upload(admin, path):
    admin.get_by_role("link", name="Läs in en fil").click()
    heading(admin, "Läs in från verksamhetssystemet")
    admin.get_by_label("Fil från verksamhetssystemet").set_input_files(str(path))
    admin.get_by_role("button", name="Visa vad som händer").click()
    heading(admin, "Så här blir det")


def test_import_200_participants_with_five_bad_rows(db, make_staff, new_page, axe_check, tmp_path):
    make_staff("admin", username="ali")
    path = tmp_path / "deltagare.csv"
    path.write_text(participants_file(200), encoding="utf-8")

    admin = new_page()
    log_in_as_staff(admin, "ali", axe_check=axe_check)
    upload(admin, path)
    axe_check(admin)
    errors = admin.locator(".import-errors tbody tr")
    expect(errors).to_have_count(5)
    for index, (_row, reason) in enumerate(BAD_ROWS):
        expect(errors.nth(index)).to_contain_text(reason)
    shot(admin, "preview")
    admin.set_viewport_size({"width": 1280, "height": 900})
    shot(admin, "preview-wide")
    admin.set_viewport_size({"width": 360, "height": 740})
    assert participants(db) == 0

    admin.get_by_role("button", name="Spara 199 rader").click()
    heading(admin, "Sparat")
    axe_check(admin)
    expect(admin.get_by_text("199 nya rader")).to_be_visible()
    expect(admin.get_by_text("5 rader med fel sparades inte")).to_be_visible()
    shot(admin, "saved")
    assert participants(db) == 195

    # Cards for the new participants, per unit, as today.
    admin.get_by_role("link", name="Skriv ut kort för Kaféet på Storgatan").click()
    heading(admin, "Kort för Kaféet på Storgatan")
    admin.goto(admin.url.split("/admin/")[0] + "/admin/")
    upload(admin, path)
    expect(admin.get_by_text("Det finns inget nytt att spara.")).to_be_visible()
    expect(admin.get_by_text("199 rader är som förut")).to_be_visible()
    assert participants(db) == 195
