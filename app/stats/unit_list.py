"""Units side by side: a row per unit for one period, sorted and paged in the database, so a
country's thousands of units cost no more than a page of them."""

from dataclasses import dataclass

from sqlalchemy import and_, case, func, literal, select

from ..db import get_session
from ..i18n import gettext as _
from ..i18n import lazy_gettext as _l
from ..models import Unit
from . import summary
from .labels import OVERVIEW_COLUMNS
from .summary import ALL, SERVICE, StatsCount
from .suppression import SMALL, TOTAL
from .table import Table, share

PER_PAGE = 50
SORT_CHOICES = {"name": _l("Namn"), **OVERVIEW_COLUMNS, "share_before": _l("Andel med incheckning")}


@dataclass
class UnitPage:
    """One page of the list: its units and the service's totals last, which page of how many."""

    table: Table
    page: int
    pages: int
    units: int


def _pivot(period_key: str):
    """Per unit with counts in the period: each column's count and why it is hidden."""
    c = StatsCount.__table__.c
    columns = []
    for measure in OVERVIEW_COLUMNS:
        columns.append(func.max(case((c.measure == measure, c.count))).label(f"n_{measure}"))
        columns.append(func.max(case((c.measure == measure, c.hidden))).label(f"h_{measure}"))
    return (
        select(c.unit_id, *columns)
        .where(
            c.period == period_key,
            c.gender == ALL,
            c.measure.in_(list(OVERVIEW_COLUMNS)),
            c.unit_id != SERVICE,
        )
        .group_by(c.unit_id)
        .subquery("per_unit")
    )


def _is_shown(pivot, measure):
    return and_(pivot.c[f"n_{measure}"].is_not(None), pivot.c[f"h_{measure}"].is_(None))


def _order(pivot, name, order: str) -> list:
    """By name; or by a column, largest first, with hidden counts last by name: their order
    would say something about them."""
    by_name = [func.lower(name), pivot.c.unit_id]
    if order in OVERVIEW_COLUMNS:
        shown = _is_shown(pivot, order)
        value = pivot.c[f"n_{order}"]
    elif order == "share_before":
        held = pivot.c.n_held
        shown = and_(_is_shown(pivot, "before"), _is_shown(pivot, "held"), held > 0)
        value = pivot.c.n_before * literal(1.0) / held
    else:
        return by_name
    return [case((shown, 0), else_=1), case((shown, value)).desc(), *by_name]


def _rows(period_key: str, order: str, limit: int | None = None, offset: int = 0):
    pivot = _pivot(period_key)
    name = func.coalesce(Unit.name, literal(""))
    query = (
        select(pivot, name.label("name"), func.count().over().label("listed"))
        .select_from(pivot)
        .outerjoin(Unit, Unit.id == pivot.c.unit_id)
        .order_by(*_order(pivot, name, order))
    )
    if limit is not None:
        query = query.limit(limit).offset(offset)
    return get_session().connection().execute(query).all()


def _table(period_key: str, rows) -> Table:
    """The rows as a table, read by position (a country has thousands): a count not in the
    summary is 0, hidden as small, as everywhere."""
    measures = list(OVERVIEW_COLUMNS)
    values, hidden = {}, {}
    for row in rows:
        unit = row[0]
        for i, measure in enumerate(measures):
            count, reason = row[1 + 2 * i], row[2 + 2 * i]
            if count is None:
                count, reason = 0, SMALL
            values[(unit, measure)] = count
            if reason:
                hidden[(unit, measure)] = reason
    service = summary.cells(period_key, SERVICE, measures)
    for measure in measures:
        count, reason = service.get((SERVICE, ALL, measure), (0, SMALL))
        values[(TOTAL, measure)] = count
        if reason:
            hidden[(TOTAL, measure)] = reason
    return Table(
        "units",
        _("Per enhet"),
        _("Enhet"),
        [(row.unit_id, row.name) for row in rows] + [(TOTAL, _l("Hela verksamheten"))],
        list(OVERVIEW_COLUMNS.items()),
        values,
        hidden,
    )


def every_unit(period, order: str = "name") -> Table:
    """One row per unit for the period, the whole service's totals last."""
    summary.ensure_fresh()
    return _table(period.key, _rows(period.key, order))


def page_of_units(period, order: str = "name", page: int = 1) -> UnitPage:
    """PER_PAGE units of the list, sorted as asked; a page past the last is the last."""
    summary.ensure_fresh()
    page = max(page, 1)
    rows = _rows(period.key, order, PER_PAGE, (page - 1) * PER_PAGE)
    if not rows and page > 1:
        units = _rows(period.key, order, 1)
        last = max(1, -(-units[0].listed // PER_PAGE)) if units else 1
        return page_of_units(period, order, last)
    units = rows[0].listed if rows else 0
    pages = max(1, -(-units // PER_PAGE))
    return UnitPage(_table(period.key, rows), page, pages, units)


def unit_share(table: Table, unit) -> tuple | None:
    """(check-ins before the meeting, meetings held, per cent) when both counts are shown."""
    return share(table, unit, "before", "held")
