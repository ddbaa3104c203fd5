"""A large service: the unit is chosen by typing its name (a menu of thousands would be too long
to read), and the list per unit comes a page at a time, sorted by what the manager picks."""

from datetime import UTC, datetime

import pytest

from app.models import Participant
from app.stats import unit_choice, unit_list
from tests.conftest import page

YEAR = "2025"


@pytest.fixture
def many_units(db, make_unit, monkeypatch):
    """Five units, with a menu for at most two and two units to a page."""
    monkeypatch.setattr(unit_choice, "MENU_MAX", 2)
    monkeypatch.setattr(unit_list, "PER_PAGE", 2)
    started = datetime(2024, 1, 1, tzinfo=UTC)
    units = {}
    for name, size in [("Ateljén", 7), ("Butiken", 9), ("Caféet", 12), ("Köket", 6), ("Kör", 8)]:
        units[name] = make_unit(name)
        for _ in range(size):
            db.add(Participant(first_name="P", unit_id=units[name].id, created_at=started))
    db.commit()
    return units


def test_a_unit_is_chosen_by_its_name(client, many_units, make_staff, login_as):
    login_as(client, make_staff("manager"))
    soup = page(client.get("/personal/statistik"))
    field = soup.select_one("input#enhet[type=text]")
    assert field and soup.select_one("label[for=enhet]")
    assert "enhet-hint" in field["aria-describedby"]
    assert not soup.select("select#enhet")
    soup = page(client.get(f"/personal/statistik?kvartal={YEAR}&enhet=caf"))
    assert "Caféet" in soup.select_one(".stats-scope").get_text()
    assert soup.select_one("input#enhet")["value"] == "Caféet"
    trend = page(client.get("/personal/statistik/trend?enhet=Caféet"))
    assert "Caféet" in trend.select_one(".stats-scope").get_text()


def test_a_name_that_fits_several_units_lists_them(client, many_units, make_staff, login_as):
    login_as(client, make_staff("manager"))
    soup = page(client.get(f"/personal/statistik?kvartal={YEAR}&enhet=kö"), status=422)
    assert soup.select_one(".error-summary a[href='#enhet']")
    assert soup.select_one("#enhet")["aria-invalid"] == "true"
    links = {a.get_text(strip=True): a["href"] for a in soup.select(".stats-matches a")}
    assert set(links) == {"Köket", "Kör"}
    chosen = page(client.get(links["Kör"]))
    assert "Kör" in chosen.select_one(".stats-scope").get_text()
    page(client.get("/personal/statistik?enhet=Ingen+sådan"), status=422)


def test_a_unit_not_found_keeps_the_period_the_page_showed(
    client, many_units, make_staff, login_as
):
    """No period asked for: the last whole quarter stays chosen, not the first in the list."""
    login_as(client, make_staff("manager"))
    shown = page(client.get("/personal/statistik")).select_one("#kvartal option[selected]")
    refused = page(client.get("/personal/statistik?enhet=kö"), status=422)
    assert refused.select_one("#kvartal option[selected]")["value"] == shown["value"]
    asked = page(client.get(f"/personal/statistik?kvartal={YEAR}&enhet=kö"), status=422)
    assert asked.select_one("#kvartal option[selected]")["value"] == YEAR


def test_the_list_per_unit_comes_a_page_at_a_time(client, many_units, make_staff, login_as):
    login_as(client, make_staff("manager"))
    seen = []
    path = f"/personal/statistik/enheter?kvartal={YEAR}&ordna=participants"
    while path:
        soup = page(client.get(path))
        rows = [tr.th.get_text(strip=True) for tr in soup.select("#table-units tbody tr")]
        assert rows[-1] == "Hela verksamheten" and len(rows) <= 3
        seen += rows[:-1]
        following = soup.select_one(".stats-pages a[rel=next]")
        path = following["href"] if following else None
    # Largest first, every unit once.
    assert seen == ["Caféet", "Butiken", "Kör", "Ateljén", "Köket"]
    last = page(client.get(f"/personal/statistik/enheter?kvartal={YEAR}&sida=99"))
    assert "Sida 3 av 3" in last.select_one(".stats-pages").get_text()
