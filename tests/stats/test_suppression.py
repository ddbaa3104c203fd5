"""Small-count protection: over many random tables, no hidden count can be worked out.

The attacker here is written apart from the protection code. It knows every shown count, that
"färre än 5" means 0–4 and "visas inte" means 5 or more, and that the parts of each line add
up to its total. It tries subtraction, narrowing ranges line after line, and solving all the
lines together as equations; small tables are also tried by brute force.
"""

import itertools
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from app.stats.suppression import (
    PROTECTED,
    SMALL,
    TOTAL,
    Line,
    grid_lines,
    protect,
    with_totals,
)

BIG = 10**9


def known_ranges(values, hidden):
    return {key: (0, 4) if reason == SMALL else (5, BIG) for key, reason in hidden.items()}


def narrowing_attack(values, lines, hidden):
    """Subtract what is shown from each total; narrow each hidden range until nothing moves."""
    ranges = known_ranges(values, hidden)
    for _ in range(50):
        moved = False
        for line in lines:
            terms = [(k, 1) for k in line.parts] + [(line.total, -1)]
            shown = sum(sign * values[k] for k, sign in terms if k not in hidden)
            unknown = [(k, sign) for k, sign in terms if k in hidden]
            for key, sign in unknown:
                # sign*x = -shown - sum(other signed unknowns)
                others_low = sum(
                    ranges[k][0] if s > 0 else -ranges[k][1] for k, s in unknown if k != key
                )
                others_high = sum(
                    ranges[k][1] if s > 0 else -ranges[k][0] for k, s in unknown if k != key
                )
                low, high = -shown - others_high, -shown - others_low
                if sign < 0:
                    low, high = -high, -low
                new = (max(ranges[key][0], low), min(ranges[key][1], high))
                if new != ranges[key]:
                    ranges[key] = new
                    moved = True
        if not moved:
            break
    return [key for key, (low, high) in ranges.items() if low >= high]


def equation_attack(values, lines, hidden):
    """Solve the lines as a system of equations in the hidden counts."""
    unknown = list(hidden)
    rows = []
    for line in lines:
        row = [Fraction(0)] * len(unknown)
        for i, key in enumerate(unknown):
            if key in line.parts:
                row[i] += 1
            if key == line.total:
                row[i] -= 1
        rows.append(row)
    # Gauss-Jordan; a row with a single non-zero entry pins that count down.
    found, lead = [], 0
    for col in range(len(unknown)):
        pivot = next((r for r in range(lead, len(rows)) if rows[r][col]), None)
        if pivot is None:
            continue
        rows[lead], rows[pivot] = rows[pivot], rows[lead]
        rows[lead] = [v / rows[lead][col] for v in rows[lead]]
        for r in range(len(rows)):
            if r != lead and rows[r][col]:
                rows[r] = [a - rows[r][col] * b for a, b in zip(rows[r], rows[lead], strict=True)]
        lead += 1
    for row in rows[:lead]:
        nonzero = [i for i, v in enumerate(row) if v]
        if len(nonzero) == 1:
            found.append(unknown[nonzero[0]])
    return found


def assert_safe(values, lines, hidden):
    for key, value in values.items():
        if value < 5:
            assert hidden.get(key) == SMALL, f"{key}={value} is shown"
        elif key in hidden:
            assert hidden[key] == PROTECTED
    assert narrowing_attack(values, lines, hidden) == []
    assert equation_attack(values, lines, hidden) == []


counts = st.one_of(st.integers(0, 6), st.integers(0, 40), st.integers(0, 400))


@settings(max_examples=400, deadline=None)
@given(st.integers(1, 5), st.integers(1, 5), st.data())
def test_two_way_tables_with_all_totals(n_rows, n_cols, data):
    rows, cols = list(range(n_rows)), [f"c{i}" for i in range(n_cols)]
    cells = {(r, c): data.draw(counts) for r in rows for c in cols}
    values = with_totals(cells, rows, cols)
    lines = grid_lines(rows, cols)
    assert_safe(values, lines, protect(values, lines))


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 6), st.integers(1, 30), st.data())
def test_one_way_lines(n_lines, n_parts, data):
    """Rows with a total each (a gender split), or columns over many units."""
    rows, cols = list(range(n_lines)), list(range(n_parts))
    cells = {(r, c): data.draw(counts) for r in rows for c in cols}
    values = with_totals(cells, rows, cols, column_totals=False)
    lines = grid_lines(rows, cols, column_totals=False)
    assert_safe(values, lines, protect(values, lines))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 9), min_size=1, max_size=4))
def test_brute_force_on_a_small_line(parts):
    """Try every possible set of hidden values: each hidden count must have two answers."""
    values = {i: v for i, v in enumerate(parts)} | {TOTAL: sum(parts)}
    lines = [Line(tuple(range(len(parts))), TOTAL)]
    hidden = protect(values, lines)
    ranges = known_ranges(values, hidden)
    keys = list(hidden)
    options = [range(lo, min(hi, sum(parts) + 10) + 1) for lo, hi in (ranges[k] for k in keys)]
    possible = {k: set() for k in keys}
    for guess in itertools.product(*options):
        trial = values | dict(zip(keys, guess, strict=True))
        if sum(trial[i] for i in range(len(parts))) == trial[TOTAL]:
            for k, v in zip(keys, guess, strict=True):
                possible[k].add(v)
    for key in keys:
        assert len(possible[key]) >= 2, (values, hidden, key, possible[key])


def test_one_small_cell_takes_the_next_smallest_with_it():
    values = with_totals(
        {(0, "a"): 3, (0, "b"): 7, (0, "c"): 20}, [0], ["a", "b", "c"], column_totals=False
    )
    hidden = protect(values, grid_lines([0], ["a", "b", "c"], column_totals=False))
    assert hidden == {(0, "a"): SMALL, (0, "b"): PROTECTED}


def test_zeros_are_not_given_away_by_the_total():
    """0, 0 and 10 of 10: the two hidden zeros would add up to 0, so one more is hidden."""
    values = {0: 0, 1: 0, 2: 10, TOTAL: 10}
    hidden = protect(values, [Line((0, 1, 2), TOTAL)])
    assert hidden[0] == hidden[1] == SMALL
    assert 2 in hidden or TOTAL in hidden


def test_a_large_table_needs_no_hiding():
    values = with_totals(
        {(r, c): 10 + r + c for r in range(3) for c in range(3)}, [0, 1, 2], [0, 1, 2]
    )
    assert protect(values, grid_lines([0, 1, 2], [0, 1, 2])) == {}
