"""A manager reads the statistics: the quarter's totals, one unit, and the list per unit."""

from playwright.sync_api import expect

from app import datagen
from tests.browser.steps import heading, log_in_as_staff


def test_manager_reads_the_totals(app, new_page, make_staff, axe_check, tmp_path):
    datagen.generate(app.extensions["db_engine"], 300, seed=2)
    manager = make_staff("manager")
    page = new_page()
    log_in_as_staff(page, manager.username)
    heading(page, "Statistik")
    axe_check(page)
    expect(page.get_by_role("img", name="Vill prova något nytt, antal deltagare")).to_be_visible()
    expect(page.locator("#table-meetings tbody tr").first).to_contain_text("Deltagare")
    page.screenshot(path=tmp_path / "statistik.png", full_page=True)

    page.get_by_label("Enhet").select_option(index=1)
    page.get_by_role("button", name="Visa").click()
    heading(page, "Statistik")
    expect(page.locator(".stats-scope")).not_to_contain_text("hela verksamheten")
    axe_check(page)

    page.get_by_role("link", name="Se siffrorna per enhet").click()
    heading(page, "Statistik per enhet")
    axe_check(page)
    page.screenshot(path=tmp_path / "per-enhet.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("link", name="Tillbaka till statistiken").click()
    heading(page, "Statistik")
    page.screenshot(path=tmp_path / "statistik-bred.png", full_page=True)
