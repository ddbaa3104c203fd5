"""Small-count protection for tables of counts: no number below five is shown, and no hidden
number can be worked out from the totals that are shown.

A table is its counts (`values`, keyed by anything) and its `lines`: each line says that its
parts add up to its total. Hidden counts are either

- `SMALL`: the count is below five ("färre än 5"), so a reader knows it is 0–4, or
- `PROTECTED`: the count is five or more, hidden so that a small count cannot be worked out.

Protection hides the smallest shown count in a line until nothing hidden can be pinned down:
neither by subtracting within one line, by narrowing ranges across lines, nor by solving the
lines together as equations.
"""

from collections import deque
from dataclasses import dataclass
from math import inf

LIMIT = 5
SMALL = "small"
PROTECTED = "protected"
# Solving every line together costs more than it is worth for long one-way tables, where the
# lines share no counts and the line-by-line check already covers every attack.
EXACT_CHECK_MAX_VARIABLES = 400


@dataclass(frozen=True)
class Line:
    """`parts` add up to `total`; or, with `slack`, at most to it (AT_MOST) or at least to it
    (AT_LEAST): people counted in each quarter of a year, where one person may be in several.
    A reader knows the gap between the two sides is 0 or more, not how large."""

    parts: tuple
    total: object
    slack: int = 0


# A line's slack: total = parts + gap (AT_MOST) or total = parts - gap (AT_LEAST), gap >= 0.
AT_MOST = 1
AT_LEAST = -1


def protect(
    values: dict, lines: list[Line], limit: int = LIMIT, keep_hidden=(), exact: bool = True
) -> dict:
    """Which counts to hide, and why: {key: SMALL or PROTECTED}.

    `keep_hidden`: counts another table already hides (a total both tables show), so that
    the two tables together give nothing away either. `exact`: also solve the lines together
    as equations (up to EXACT_CHECK_MAX_VARIABLES hidden counts).
    """
    hidden = {key: SMALL for key, value in values.items() if value < limit}
    for key in keep_hidden:
        hidden.setdefault(key, PROTECTED)
    # Lines that share no count with another line are protected one by one: quicker, and
    # no line can narrow another.
    uses = {}
    for line in lines:
        for key in (*line.parts, line.total):
            uses[key] = uses.get(key, 0) + 1
    crossing = []
    for line in lines:
        if all(uses[key] == 1 for key in (*line.parts, line.total)):
            _protect_lines(values, [line], hidden, limit, shared=False)
        else:
            crossing.append(line)
    if crossing:
        _protect_lines(values, crossing, hidden, limit, shared=True, exact=exact)
    return hidden


def _protect_lines(values, lines, hidden, limit, shared, exact=True) -> None:
    lines_of = None
    while True:
        exposed = _exposed(values, lines, hidden, limit, rounds=len(lines) + 2 if shared else 1)
        if not exposed and shared and exact:
            exposed = _solvable(values, lines, hidden)
        if not exposed:
            return
        if lines_of is None:
            lines_of = {}
            for line in lines:
                for key in (*line.parts, line.total):
                    lines_of.setdefault(key, []).append(line)
        # One new hidden count per line each round: one is often enough for several.
        covered_lines = set()
        added = False
        for key in exposed:
            near = lines_of.get(key, [])
            if any(id(line) in covered_lines for line in near):
                continue
            cover = _cheapest_cover(near, values, hidden)
            if cover is not None:
                hidden[cover] = PROTECTED
                covered_lines.update(id(line) for line in (*near, *lines_of.get(cover, [])))
                added = True
        if not added:
            return  # Every count in reach is hidden already.


def bounds(reason: str, limit: int = LIMIT) -> tuple[float, float]:
    """What a reader knows about a hidden count from how it is shown."""
    return (0, limit - 1) if reason == SMALL else (limit, inf)


def _terms(line: Line):
    return [(key, 1) for key in line.parts] + [(line.total, -1)]


def _exposed(values, lines, hidden, limit, rounds: int) -> list:
    """Hidden counts whose range narrows to one number, line by line and across lines.

    Lines wait in a queue: a line is read again only when a range in it narrowed, until
    nothing narrows (or `rounds` times the lines were read; one for lines that share no
    counts, which cannot narrow each other)."""
    ranges, lines_of = {}, {}
    for i, line in enumerate(lines):
        for key in (*line.parts, line.total):
            if key in hidden:
                if key not in ranges:
                    ranges[key] = bounds(hidden[key], limit)
                lines_of.setdefault(key, []).append(i)
    queue = deque(sorted({i for found in lines_of.values() for i in found}))
    queued = set(queue)
    steps = rounds * len(lines)
    while queue and steps:
        steps -= 1
        i = queue.popleft()
        queued.discard(i)
        for key, low, high in _line_ranges(lines[i], values, ranges):
            old_low, old_high = ranges[key]
            if low > old_low or high < old_high:
                ranges[key] = (max(low, old_low), min(high, old_high))
                for j in lines_of[key]:
                    if j not in queued:
                        queue.append(j)
                        queued.add(j)
    return sorted((key for key, (low, high) in ranges.items() if low >= high), key=repr)


def _line_ranges(line: Line, values: dict, ranges: dict):
    """For each hidden count in the line: the range the line's sum allows it."""
    constant = 0
    unknown = []
    for key, sign in _terms(line):
        if key in ranges:
            unknown.append((key, sign))
        else:
            constant -= sign * values[key]
    if not unknown:
        return []
    # sum(sign * x for hidden x) + slack * gap == constant, the gap 0 or more
    low_sum = high_sum = 0
    low_inf = high_inf = 0
    contributions = []
    terms = [(key, sign, *ranges[key]) for key, sign in unknown]
    if line.slack:
        terms.append((None, line.slack, 0, inf))
    for key, sign, low, high in terms:
        c_low, c_high = (low, high) if sign > 0 else (-high, -low)
        contributions.append((key, sign, c_low, c_high))
        if c_low == -inf:
            low_inf += 1
        else:
            low_sum += c_low
        if c_high == inf:
            high_inf += 1
        else:
            high_sum += c_high
    result = []
    for key, sign, c_low, c_high in contributions:
        rest_low = -inf if low_inf - (c_low == -inf) else low_sum - (0 if c_low == -inf else c_low)
        rest_high = (
            inf if high_inf - (c_high == inf) else high_sum - (0 if c_high == inf else c_high)
        )
        low, high = constant - rest_high, constant - rest_low
        if sign < 0:
            low, high = -high, -low
        if key is not None:
            result.append((key, low, high))
    return result


def _solvable(values, lines, hidden) -> list:
    """Hidden counts that the lines, solved together as equations, give exactly."""
    in_lines = {key for line in lines for key in (*line.parts, line.total)}
    unknown = sorted((key for key in hidden if key in in_lines), key=repr)
    if not unknown or len(unknown) > EXACT_CHECK_MAX_VARIABLES:
        return []
    column = {key: i for i, key in enumerate(unknown)}
    # Each line with slack has a gap of its own: one more unknown, after the counts.
    gaps = {id(line): len(unknown) + i for i, line in enumerate(x for x in lines if x.slack)}
    rows = []
    for line in lines:
        row = {}
        for key, sign in _terms(line):
            if key in column:
                row[column[key]] = row.get(column[key], 0) + sign
        row = {col: value for col, value in row.items() if value}
        if row and line.slack:
            row[gaps[id(line)]] = line.slack
        if row:
            rows.append(row)
    solved = []
    for row in _reduced_sparse(rows):
        if len(row) == 1:
            (col,) = row
            if col < len(unknown):
                solved.append(unknown[col])
    return solved


# Row reduction in the integers modulo a large prime: the coefficients are small integers, so
# which counts the lines pin down comes out the same as with fractions (but for a chance of
# about one in 2**61 per step), many times faster.
PRIME = 2**61 - 1


def _reduced(rows: list[list[int]]) -> list[list[int]]:
    """Reduced row echelon form (Gauss–Jordan) modulo PRIME."""
    width = len(rows[0]) if rows else 0
    sparse = [{c: v for c, v in enumerate(row) if v % PRIME} for row in rows]
    return [[row.get(c, 0) for c in range(width)] for row in _reduced_sparse(sparse)]


def _reduced_sparse(rows: list[dict]) -> list[dict]:
    """The same, for rows kept as {column: value} without their zeros: the lines of a table
    touch a few counts each, so most of a dense row is zeros."""
    rows = [{c: v % PRIME for c, v in row.items() if v % PRIME} for row in rows]
    columns = sorted({c for row in rows for c in row})
    lead = 0
    for col in columns:
        pivot = next((r for r in range(lead, len(rows)) if col in rows[r]), None)
        if pivot is None:
            continue
        rows[lead], rows[pivot] = rows[pivot], rows[lead]
        inverse = pow(rows[lead][col], -1, PRIME)
        pivot_row = {c: v * inverse % PRIME for c, v in rows[lead].items()}
        rows[lead] = pivot_row
        for r in range(len(rows)):
            scale = rows[r].get(col) if r != lead else None
            if scale:
                row = rows[r]
                for c, v in pivot_row.items():
                    value = (row.get(c, 0) - scale * v) % PRIME
                    if value:
                        row[c] = value
                    else:
                        row.pop(c, None)
        lead += 1
        if lead == len(rows):
            break
    return rows[:lead]


def _cheapest_cover(near: list[Line], values, hidden):
    """The smallest shown count in these lines: a part before a total."""
    candidates = []
    for line in near:
        for part in line.parts:
            if part not in hidden:
                candidates.append((0, values[part], repr(part), part))
        if line.total not in hidden:
            candidates.append((1, values[line.total], repr(line.total), line.total))
    if not candidates:
        return None
    return min(candidates)[3]


# Building tables ------------------------------------------------------------------------------

TOTAL = "total"


def grid_lines(rows: list, columns: list, row_totals=True, column_totals=True) -> list[Line]:
    """The lines of a table with keys (row, column) and totals keyed with TOTAL."""
    lines = []
    if row_totals:
        for row in rows:
            lines.append(Line(tuple((row, c) for c in columns), (row, TOTAL)))
    if column_totals:
        for column in columns:
            lines.append(Line(tuple((r, column) for r in rows), (TOTAL, column)))
    if row_totals and column_totals:
        lines.append(Line(tuple((TOTAL, c) for c in columns), (TOTAL, TOTAL)))
        lines.append(Line(tuple((r, TOTAL) for r in rows), (TOTAL, TOTAL)))
    return lines


def with_totals(cells: dict, rows: list, columns: list, row_totals=True, column_totals=True):
    """The cells (missing ones are 0) and their totals, as one dict of counts."""
    values = {(r, c): cells.get((r, c), 0) for r in rows for c in columns}
    if row_totals:
        for r in rows:
            values[(r, TOTAL)] = sum(values[(r, c)] for c in columns)
    if column_totals:
        for c in columns:
            values[(TOTAL, c)] = sum(values[(r, c)] for r in rows)
    if row_totals and column_totals:
        values[(TOTAL, TOTAL)] = sum(values[(r, c)] for r in rows for c in columns)
    return values
