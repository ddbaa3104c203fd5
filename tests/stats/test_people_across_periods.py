"""People counted once a period (participants, who wants to try something) do not add up from
quarters to a year: a person in two quarters is one in the year. Still the year is at least
each quarter and at most their sum, and when nobody was in two quarters it is exactly the sum.
So a count hidden in one view must not follow from the year, its quarters, the units and the
service together: the attacker here knows every shown count and both kinds of relation."""

from datetime import UTC, datetime

import pytest

from app.models import Participant
from app.stats import tables, unit_list
from app.stats.figures import GENDERS, Year
from app.stats.suppression import SMALL, TOTAL

YEAR = Year(2025)
# Kaféet: people in exactly one quarter each, (women, men) per quarter. The four women of the
# first quarter are the small count: "fewer than 5", and at least 22 in the year less 6 + 7 + 5
# (the year is at most the sum of its quarters) would give them away.
ONE_QUARTER = {1: (4, 6), 2: (6, 6), 3: (7, 6), 4: (5, 6)}
BIG = 10**9


@pytest.fixture
def year_of_people(db, make_unit):
    cafe, laundry = make_unit("Kaféet"), make_unit("Tvätteriet")
    for number, (women, men) in ONE_QUARTER.items():
        month = 3 * number - 2
        for gender, count in (("woman", women), ("man", men)):
            for _ in range(count):
                db.add(
                    Participant(
                        first_name="P",
                        unit_id=cafe.id,
                        gender=gender,
                        created_at=datetime(2025, month, 5, 12, tzinfo=UTC),
                        ended_at=datetime(2025, month + 1, 20, 12, tzinfo=UTC),
                        end_reason="moved",
                    )
                )
    # Tvätteriet: two people all year, who have not stated a gender.
    for _ in range(2):
        db.add(
            Participant(
                first_name="Q", unit_id=laundry.id, created_at=datetime(2020, 1, 1, tzinfo=UTC)
            )
        )
    db.commit()
    return {"cafe": cafe.id, "laundry": laundry.id}


def every_view(in_request, units: dict) -> tuple[dict, dict]:
    """People taking part as every page shows them, keyed (period, scope, gender): the service
    by gender, each unit's page and the list per unit. The same count is hidden the same way
    wherever it stands."""
    values, hidden = {}, {}

    def note(key, table, row, column):
        value, shown = table.values[(row, column)], table.cell(row, column)
        if key in values:
            assert (values[key], hidden.get(key)) == (value, None if shown == value else shown)
        values[key] = value
        if shown != value:
            hidden[key] = shown

    with in_request():
        for period in (*YEAR.quarters(), YEAR):
            service = {t.name: t for t in tables.build(period, None)}["meetings"]
            for gender in (*GENDERS, TOTAL):
                note((period.key, "service", gender), service, "participants", gender)
            listed = unit_list.every_unit(period)
            note((period.key, "service", TOTAL), listed, TOTAL, "participants")
            for name, unit_id in units.items():
                page = {t.name: t for t in tables.build(period, unit_id)}["meetings"]
                note((period.key, name, TOTAL), page, "participants", TOTAL)
                note((period.key, name, TOTAL), listed, unit_id, "participants")
    return values, hidden


def relations(units) -> tuple[list, list]:
    """Sums (parts, total) within each period, and each year against its quarters."""
    periods = [q.key for q in YEAR.quarters()] + [YEAR.key]
    sums = []
    for p in periods:
        sums.append(([(p, "service", g) for g in GENDERS], (p, "service", TOTAL)))
        sums.append(([(p, name, TOTAL) for name in units], (p, "service", TOTAL)))
    scopes = [("service", g) for g in (*GENDERS, TOTAL)] + [(name, TOTAL) for name in units]
    years = [([(q, *scope) for q in periods[:-1]], (YEAR.key, *scope)) for scope in scopes]
    return sums, years


def attack(values, hidden, sums, years) -> list:
    """Narrow every hidden count's range by the sums, and by the year lying between its
    largest quarter and the sum of its quarters, until nothing moves. What is left as one
    number is worked out."""
    ranges = {k: (0, 4) if reason == SMALL else (5, BIG) for k, reason in hidden.items()}

    def rng(key):
        return ranges.get(key, (values[key], values[key]))

    def narrow(key, low, high):
        if key in ranges:
            old = ranges[key]
            new = (max(old[0], low), min(old[1], high))
            if new != old:
                ranges[key] = new
                return True
        return False

    for _ in range(100):
        moved = False
        for parts, total in sums:
            low_sum = sum(rng(k)[0] for k in parts)
            high_sum = sum(rng(k)[1] for k in parts)
            moved |= narrow(total, low_sum, high_sum)
            for key in parts:
                others_low = low_sum - rng(key)[0]
                others_high = high_sum - rng(key)[1]
                moved |= narrow(key, rng(total)[0] - others_high, rng(total)[1] - others_low)
        for quarters, year in years:
            high_sum = sum(rng(q)[1] for q in quarters)
            low_max = max(rng(q)[0] for q in quarters)
            moved |= narrow(year, low_max, high_sum)
            for q in quarters:
                others_high = high_sum - rng(q)[1]
                moved |= narrow(q, rng(year)[0] - others_high, rng(year)[1])
        if not moved:
            break
    return sorted(key for key, (low, high) in ranges.items() if low >= high)


def test_the_attack_finds_what_is_left_unprotected(year_of_people):
    """The attacker works: with only the small count hidden, the year less the other
    quarters gives the four women away."""
    _sums, years = relations(["cafe"])
    values = {}
    for number, (women, _men) in ONE_QUARTER.items():
        values[(f"2025-{number}", "service", "woman")] = women
    values[(YEAR.key, "service", "woman")] = sum(w for w, _m in ONE_QUARTER.values())
    year_only = [y for y in years if y[1] == (YEAR.key, "service", "woman")]
    assert attack(values, {("2025-1", "service", "woman"): SMALL}, [], year_only) == [
        ("2025-1", "service", "woman")
    ]


def test_people_hidden_in_one_view_cannot_be_worked_out_from_another(year_of_people, in_request):
    values, hidden = every_view(in_request, year_of_people)
    assert values[("2025-1", "service", "woman")] == 4
    assert hidden[("2025-1", "service", "woman")] == SMALL
    assert values[(YEAR.key, "service", "woman")] == 22
    # Tvätteriet's two are small in every period, so Kaféet (the service less two) is hidden.
    assert hidden[("2025-2", "laundry", TOTAL)] == SMALL
    assert ("2025-2", "cafe", TOTAL) in hidden
    sums, years = relations(year_of_people)
    assert attack(values, hidden, sums, years) == []
