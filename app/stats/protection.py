"""Which counts of a year and its quarters to hide, protected as one set of tables: the lines
of each period's tables (units add up to the service, genders to the total, reasons for
leaving to "has left"), and the quarters that add up to the year. So no hidden count can be
worked out from another page, another period or the trend."""

from .figures import END_REASONS, GENDERS, TRY_CHOICES, Year
from .suppression import (
    AT_LEAST,
    AT_MOST,
    LIMIT,
    PROTECTED,
    SMALL,
    Line,
    _line_ranges,
    bounds,
    protect,
)

SERVICE, ALL = 0, "all"
MEETING_MEASURES = ["participants", "held", "before", "alone", "helped"]
TRY_MEASURES = [*(f"try_{k}" for k in TRY_CHOICES), "try_any"]
END_MEASURES = [f"ended_{reason}" for reason in END_REASONS]
# Moved on to work, studies or internship: part of "ended", shown in the trend.
ONWARD = ["ended_work", "ended_studies", "ended_internship"]
GENDER_MEASURES = [*MEETING_MEASURES, *TRY_MEASURES, *END_MEASURES, "ended", "ended_onward"]
UNIT_MEASURES = [*GENDER_MEASURES, "any_interested", "any_followed_up"]
# Counts of meetings, check-ins and people leaving: the quarters add up to the year. People
# taking part or wanting something are counted once a period, so a year is not a sum.
ADDITIVE = ["held", "before", "alone", "helped", *END_MEASURES, "ended", "ended_onward"]
# People counted once a period: a person in several quarters is one in the year, so the year is
# at least each quarter and at most their sum. A reader knows that much, and it can pin a
# hidden count down as surely as a sum (the year less the other quarters, when nobody was in
# two), so these lines are protected too.
ONCE_A_PERIOD = [m for m in UNIT_MEASURES if m not in ADDITIVE]
GENDER_ONCE_A_PERIOD = [m for m in GENDER_MEASURES if m not in ADDITIVE]


def _period_lines(quarters: list, year: str, scope: tuple, measure: str) -> list[Line]:
    """A year's people against its quarters': at most their sum, at least each of them."""
    u, g = scope
    lines = [Line(tuple((q, u, g, measure) for q in quarters), (year, u, g, measure), AT_LEAST)]
    lines += [Line(((q, u, g, measure),), (year, u, g, measure), AT_MOST) for q in quarters]
    return lines


# Up to this many counts, every line is protected together; above it (a city or a country)
# part by part: see _by_parts.
JOINT_MAX_COUNTS = 4000


def hidden(year: Year, counts: dict, joint_max: int = JOINT_MAX_COUNTS) -> dict:
    """counts: {(period, unit_id, gender, measure): count} of the published counts of the
    year and its quarters. Returns {key: SMALL or PROTECTED} for every count to hide."""
    quarters = [q.key for q in year.quarters()]
    periods = [*quarters, year.key]
    units = sorted({u for _p, u, _g, _m in counts if u != SERVICE})
    service = [(SERVICE, g) for g in GENDERS] + [(SERVICE, ALL)]
    service_lines, across_units, per_unit = [], [], {u: [] for u in units}
    for p in periods:
        for m in UNIT_MEASURES:
            across_units.append(Line(tuple((p, u, ALL, m) for u in units), (p, SERVICE, ALL, m)))
        for m in GENDER_MEASURES:
            service_lines.append(
                Line(tuple((p, SERVICE, g, m) for g in GENDERS), (p, SERVICE, ALL, m))
            )
    for u, g in [(u, ALL) for u in units] + service:
        lines = service_lines if u == SERVICE else per_unit[u]
        for p in periods:
            lines.append(Line(tuple((p, u, g, m) for m in END_MEASURES), (p, u, g, "ended")))
            lines.append(Line(tuple((p, u, g, m) for m in ONWARD), (p, u, g, "ended_onward")))
            rest = ("ended_onward", *(m for m in END_MEASURES if m not in ONWARD))
            lines.append(Line(tuple((p, u, g, m) for m in rest), (p, u, g, "ended")))
        for m in ADDITIVE:
            lines.append(Line(tuple((q, u, g, m) for q in quarters), (year.key, u, g, m)))
        for m in ONCE_A_PERIOD if g == ALL else GENDER_ONCE_A_PERIOD:
            lines += _period_lines(quarters, year.key, (u, g), m)
    # Each alternative's people, for the service as a whole.
    alternatives = sorted({m for _p, u, g, m in counts if u == SERVICE and g == ALL and ":" in m})
    for m in alternatives:
        service_lines += _period_lines(quarters, year.key, (SERVICE, ALL), m)
    values = dict(counts)
    every_line = [*service_lines, *across_units, *(x for lines in per_unit.values() for x in lines)]
    for line in every_line:
        for key in (*line.parts, line.total):
            values.setdefault(key, 0)
    if len(values) <= joint_max:
        return protect(values, every_line)
    return _by_parts(values, service_lines, per_unit, across_units)


def _by_parts(values, service_lines, per_unit, across_units) -> dict:
    """The same protection for many units, in parts that share only the lines across units:
    the service's tables, each unit's own lines (its reasons for leaving, its quarters adding
    up to its year), then each line across units. A line across units must not pin any
    hidden count down; until none does, hide more. (Solving every line as equations is left
    out at this size, as protect() leaves it out above EXACT_CHECK_MAX_VARIABLES.)"""
    hidden = {key: SMALL for key, value in values.items() if value < LIMIT}
    parts = [service_lines, *per_unit.values()]
    part_keys = [{key for line in lines for key in (*line.parts, line.total)} for lines in parts]
    part_of = {key: i for i, keys in enumerate(part_keys) for key in keys}
    across_of = {}
    for j, line in enumerate(across_units):
        for key in (*line.parts, line.total):
            across_of.setdefault(key, []).append(j)
    # A part or a line is read again only when a count in it was hidden since it was last
    # read: read again unchanged, it would hide nothing more.
    parts_to_read = set(range(len(parts)))
    lines_to_read = set(range(len(across_units)))
    while True:
        before = len(hidden)
        for i in sorted(parts_to_read):
            lines, keys = parts[i], part_keys[i]
            if all(key in hidden for key in keys) and not any(
                hidden[key] == PROTECTED for key in keys
            ):
                continue  # Nothing shown: every range stays 0–4.
            mine = {key: values[key] for key in keys}
            found = protect(
                mine,
                lines,
                keep_hidden=[k for k in keys if k in hidden],
                exact=lines is service_lines,
            )
            for key, reason in found.items():
                if key not in hidden:
                    hidden[key] = reason
                    lines_to_read.update(across_of.get(key, ()))
        parts_to_read = set()
        covered = []
        for j in sorted(lines_to_read):
            line = across_units[j]
            while (cover := _narrowing_cover(line, values, hidden)) is not None:
                hidden[cover] = PROTECTED
                covered.append(cover)
        lines_to_read = set()
        for key in covered:
            if key in part_of:
                parts_to_read.add(part_of[key])
            lines_to_read.update(across_of.get(key, ()))
        if len(hidden) == before:
            return hidden


def _narrowing_cover(line: Line, values: dict, hidden: dict):
    """The count to hide next when the line pins a hidden count down, else None."""
    ranges = {key: bounds(hidden[key]) for key in (*line.parts, line.total) if key in hidden}
    if not ranges:
        return None
    narrowed = False
    for key, low, high in _line_ranges(line, values, ranges):
        old_low, old_high = ranges[key]
        if max(low, old_low) >= min(high, old_high):
            narrowed = True
    if not narrowed:
        return None
    shown = [(values[key], repr(key), key) for key in line.parts if key not in hidden]
    if shown:
        return min(shown)[2]
    return None if line.total in hidden else line.total
