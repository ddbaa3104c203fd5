"""The year view and the trend: a year's counts, protected together with its quarters, so that
no count hidden on one page can be worked out from the year, the quarters or the trend."""

from datetime import UTC, datetime

import pytest

from app.models import Participant
from app.stats import tables, trend
from app.stats.figures import Quarter, Year
from app.stats.suppression import SMALL, TOTAL, Line
from tests.conftest import page
from tests.stats.test_suppression import equation_attack, narrowing_attack

YEAR = Year(2025)
# People leaving for work per quarter: (women, men). Three women in the first quarter.
LEFT_FOR_WORK = {1: (3, 5), 2: (6, 6), 3: (7, 5), 4: (5, 8)}
# And six women and six men for each other reason, in the second quarter.
OTHER_REASONS = ["studies", "internship", "moved", "other"]


@pytest.fixture
def leavers(db, make_unit):
    cafe = make_unit("Kaféet")
    leaving = [(number, "work", counts) for number, counts in LEFT_FOR_WORK.items()]
    leaving += [(2, reason, (6, 6)) for reason in OTHER_REASONS]
    for number, reason, (women, men) in leaving:
        when = datetime(2025, 3 * number - 1, 10, 12, tzinfo=UTC)
        for gender, count in (("woman", women), ("man", men)):
            for _ in range(count):
                db.add(
                    Participant(
                        first_name="P",
                        unit_id=cafe.id,
                        gender=gender,
                        created_at=datetime(2020, 1, 1, tzinfo=UTC),
                        ended_at=when,
                        end_reason=reason,
                    )
                )
    db.commit()
    return cafe


def ended_tables(in_request) -> dict:
    """The table of people leaving, for the year and each of its quarters."""
    with in_request():
        return {
            period.key: {t.name: t for t in tables.build(period, None)}["ended"]
            for period in (*YEAR.quarters(), YEAR)
        }


def test_the_year_counts_its_quarters_together(leavers, in_request):
    year = ended_tables(in_request)[YEAR.key]
    assert year.values[("work", "woman")] == 21
    assert year.values[("work", "man")] == 24
    assert year.values[("work", TOTAL)] == 45


def test_a_quarter_hidden_in_one_view_cannot_be_worked_out_from_the_year(leavers, in_request):
    """Without protecting across periods, the year (21 women) minus the three quarters shown
    (6 + 7 + 5) would give away the first quarter's 3."""
    by_period = ended_tables(in_request)
    first = by_period[Quarter(2025, 1).key]
    assert first.cell("work", "woman") == SMALL
    # Every count the five views show or hide, keyed by period, row and column.
    values, hidden = {}, {}
    for period, table in by_period.items():
        for (row, column), value in table.values.items():
            values[(period, row, column)] = value
            if (row, column) in table.hidden:
                hidden[(period, row, column)] = table.hidden[(row, column)]
    rows = [key for key, _label in by_period[YEAR.key].rows]
    columns = [key for key, _label in by_period[YEAR.key].columns]
    lines = []
    for period in by_period:
        for row in rows:
            lines.append(
                Line(tuple((period, row, c) for c in columns if c != TOTAL), (period, row, TOTAL))
            )
        for column in columns:
            lines.append(
                Line(
                    tuple((period, r, column) for r in rows if r != TOTAL),
                    (period, TOTAL, column),
                )
            )
    quarters = [q.key for q in YEAR.quarters()]
    for row in rows:
        for column in columns:
            lines.append(Line(tuple((q, row, column) for q in quarters), (YEAR.key, row, column)))
    assert narrowing_attack(values, lines, hidden) == []
    assert equation_attack(values, lines, hidden) == []
    # The direct attempt: the year less the quarters shown is not the hidden quarter.
    work_women = [(q, "work", "woman") for q in [*quarters, YEAR.key]]
    assert sum(key in hidden for key in work_women) >= 2


def test_the_trend_hides_each_year_as_its_own_page_does(leavers, in_request, db):
    with in_request():
        year_page = {t.name: t for t in tables.build(YEAR, None)}
        by_measure = {t.name: t for t in trend.build(None)}
    assert YEAR.key in [key for key, _label in by_measure["trend-ended_onward"].rows]
    onward = by_measure["trend-ended_onward"]
    assert onward.values[(YEAR.key, TOTAL)] == 45 + 12 + 12
    meetings = by_measure["trend-held"]
    for gender in ("woman", "man", "other", "not_stated", TOTAL):
        assert meetings.cell(YEAR.key, gender) == year_page["meetings"].cell("held", gender)
    assert onward.values[(YEAR.key, "woman")] == 21 + 6 + 6
    assert onward.cell(YEAR.key, "other") == SMALL


def test_a_change_is_counted_at_the_next_look(leavers, in_request, db):
    assert ended_tables(in_request)[YEAR.key].values[("work", TOTAL)] == 45
    db.add(
        Participant(
            first_name="Q",
            unit_id=leavers.id,
            gender="man",
            ended_at=datetime(2025, 8, 1, tzinfo=UTC),
            end_reason="work",
        )
    )
    db.commit()
    assert ended_tables(in_request)[YEAR.key].values[("work", TOTAL)] == 46


def test_manager_reads_the_year_and_the_trend(client, leavers, make_staff, login_as, in_request):
    login_as(client, make_staff("manager"))
    soup = page(client.get(f"/personal/statistik?kvartal={YEAR.key}"))
    assert "Året 2025" in soup.select_one(".stats-scope").get_text()
    cells = {
        tr.th.get_text(strip=True): [td.get_text(strip=True) for td in tr.select("td")]
        for tr in soup.select("#table-ended tbody tr")
    }
    year = ended_tables(in_request)[YEAR.key]
    with in_request():
        expected = [
            tables.shown(year.cell(row, c)) for row in ("work", "moved") for c, _l in year.columns
        ]
    assert [*cells["Arbete"], *cells["Flyttat"]] == expected
    trend_link = soup.select_one("a[href^='/personal/statistik/trend']")["href"]
    soup = page(client.get(trend_link))
    assert soup.h1.get_text(strip=True) == "Utvecklingen år för år"
    assert soup.select_one("#table-trend-ended_onward")
    assert soup.select("svg[role=img] title")
    unit_page = page(client.get(f"/personal/statistik/trend?enhet={leavers.id}"))
    header = [th.get_text(strip=True) for th in unit_page.select("#table-trend-held thead th")]
    assert header == ["År", "Antal"]


def test_a_unit_not_in_the_list_gets_a_kind_message_on_the_trend(client, make_staff, login_as):
    login_as(client, make_staff("manager"))
    soup = page(client.get("/personal/statistik/trend?enhet=abc"), status=422)
    assert soup.title.string.startswith("Fel:")
    assert soup.select_one(".error-summary a[href='#enhet']")
    assert soup.select_one("#enhet")["aria-invalid"] == "true"


def test_units_side_by_side_sort_by_a_count_hidden_ones_last(
    client, db, make_unit, make_staff, login_as, in_request
):
    """Three units with 12, 7 and 2 people: by "Deltagare" the two shown come largest first,
    the hidden ones last by name, so their order says nothing about them."""
    started = datetime(2024, 1, 1, tzinfo=UTC)
    for name, size in [("Ateljén", 7), ("Butiken", 2), ("Caféet", 12)]:
        unit = make_unit(name)
        for _ in range(size):
            db.add(Participant(first_name="P", unit_id=unit.id, created_at=started))
    db.commit()
    login_as(client, make_staff("manager"))
    soup = page(client.get(f"/personal/statistik/enheter?kvartal={YEAR.key}&ordna=participants"))
    rows = [
        (tr.th.get_text(strip=True), tr.select("td")[0].get_text(strip=True))
        for tr in soup.select("#table-units tbody tr")
    ]
    names = [name for name, _count in rows[:-1]]
    shown = [(n, c) for n, c in rows[:-1] if c.isdigit()]
    assert shown == sorted(shown, key=lambda row: -int(row[1]))
    hidden = [n for n, c in rows[:-1] if not c.isdigit()]
    assert names == [n for n, _c in shown] + sorted(hidden)
    assert ("Butiken", "färre än 5") in rows
    assert rows[-1][0] == "Hela verksamheten"
    by_name = page(client.get(f"/personal/statistik/enheter?kvartal={YEAR.key}&ordna=nonsense"))
    assert [tr.th.get_text(strip=True) for tr in by_name.select("#table-units tbody tr")][:3] == [
        "Ateljén",
        "Butiken",
        "Caféet",
    ]
