"""The statistics pages for managers: anonymous totals, as pages and as a CSV file."""

from flask import Response, request

from .. import audit
from ..access import staff_required
from ..i18n import gettext as _
from ..models import Role, utcnow
from ..new_step import figures as step_figures
from ..web import render
from . import bp, charts, csv_export, summary, tables, trend
from .figures import Quarter, Year, first_quarter
from .suppression import TOTAL

MANAGERS = (Role.manager, Role.admin)


def _choices() -> tuple[list, list[tables.UnitName]]:
    """The years and quarters to choose from, newest first, and every unit by name."""
    this_quarter = Quarter.of(utcnow())
    # From the first quarter with data, and at least from the last whole one (the default).
    quarter = min(
        first_quarter() or this_quarter, this_quarter.previous(), key=lambda q: (q.year, q.number)
    )
    quarters = []
    while (quarter.year, quarter.number) <= (this_quarter.year, this_quarter.number):
        quarters.append(quarter)
        quarter = quarter.next()
    units = [tables.UnitName(*item) for item in tables.unit_names().items()]
    years = [Year(year) for year in range(this_quarter.year, quarters[0].year - 1, -1)]
    return years + quarters[::-1], units


def _read_filters(quarters: list[Quarter], units: list[tables.UnitName]):
    """The chosen quarter (the last whole one unless chosen) and unit, and what is wrong."""
    errors = {}
    chosen = request.args.get("kvartal", "")
    quarter = (Year.parse(chosen) or Quarter.parse(chosen)) if chosen else None
    quarter = quarter if chosen else Quarter.of(utcnow()).previous()
    if quarter is None or (chosen and quarter not in quarters):
        errors["kvartal"] = _("Välj ett år eller ett kvartal i listan.")
    unit_text = request.args.get("enhet", "")
    unit = None
    if unit_text:
        unit = next((u for u in units if str(u.id) == unit_text), None)
        if unit is None:
            errors["enhet"] = _("Välj en enhet i listan, eller hela verksamheten.")
    return quarter, unit, errors


def _refused(quarters, units, errors):
    """The choice again, with what to change; what was entered stays chosen where it can."""
    return render(
        "stats/index.html",
        status=422,
        error=errors,
        quarters=quarters,
        units=units,
        chosen={"kvartal": request.args.get("kvartal", ""), "enhet": request.args.get("enhet", "")},
    )


@bp.get("/personal/statistik")
@staff_required(*MANAGERS)
def index():
    """Totals for one quarter, for the whole service or one unit. Never a person."""
    quarters, units = _choices()
    quarter, unit, errors = _read_filters(quarters, units)
    if errors:
        return _refused(quarters, units, errors)
    audit.record("stats.view")
    by_name = {t.name: t for t in tables.build(quarter, unit.id if unit else None)}
    return render(
        "stats/index.html",
        error=None,
        quarters=quarters,
        units=units,
        chosen={"kvartal": quarter.key, "enhet": str(unit.id) if unit else ""},
        quarter=quarter,
        unit=unit,
        by_name=by_name,
        shares=tables.shares(by_name["meetings"]),
        charts=_charts(by_name),
        counted=summary.counted_at(),
        # After the step to work or studies: by the year the step began, whole service only.
        step_years=[] if unit else step_figures.year_tables(),
    )


def _charts(by_name: dict) -> dict:
    return {
        "try": charts.bar_chart(
            "chart-try",
            _("Vill prova något nytt, antal deltagare"),
            by_name["try"].total_column(),
            tables.shown,
        ),
        "ended": charts.bar_chart(
            "chart-ended",
            _("Har lämnat daglig verksamhet, antal deltagare"),
            by_name["ended"].total_column(),
            tables.shown,
        ),
    }


@bp.get("/personal/statistik/enheter")
@staff_required(*MANAGERS)
def units():
    """Totals per unit for one quarter: a long list in a large service, so a page of its own."""
    quarters, unit_choices = _choices()
    quarter, _unit, errors = _read_filters(quarters, [])
    if errors:
        return _refused(quarters, unit_choices, errors)
    order = request.args.get("ordna", "name")
    if order not in tables.SORT_CHOICES:
        order = "name"  # An unknown order is no harm: sort by name.
    audit.record("stats.view_units")
    table = tables.per_unit(quarter, order)
    return render(
        "stats/units.html",
        quarters=quarters,
        chosen={"kvartal": quarter.key, "ordna": order},
        quarter=quarter,
        table=table,
        sort_choices=tables.SORT_CHOICES,
        shares={key: tables.unit_share(table, key) for key, _label in table.rows},
    )


@bp.get("/personal/statistik.csv")
@staff_required(*MANAGERS)
def export():
    """The same protected totals as a CSV file (semicolons, as Swedish spreadsheets expect),
    with the table per unit when it is for the whole service."""
    quarters, units = _choices()
    quarter, unit, errors = _read_filters(quarters, units)
    if errors:
        return _refused(quarters, units, errors)
    audit.record("stats.export")
    built = tables.build(quarter, unit.id if unit else None, with_units=True)
    scope = unit.name if unit else _("Hela verksamheten")
    heading = [quarter.label, scope]
    return Response(
        "\ufeff" + csv_export.write(built, heading),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="statistik-{quarter.key}.csv"'},
    )


@bp.get("/personal/statistik/trend")
@staff_required(*MANAGERS)
def trend_view():
    """Up to ten years side by side, for the whole service by gender or for one unit."""
    _periods, units = _choices()
    unit_text = request.args.get("enhet", "")
    unit = next((u for u in units if str(u.id) == unit_text), None)
    if unit_text and unit is None:
        return render(
            "stats/trend.html",
            status=422,
            error={"enhet": _("Välj en enhet i listan, eller hela verksamheten.")},
            units=units,
            chosen={"enhet": unit_text},
            unit=None,
            tables=[],
        )
    audit.record("stats.view_trend")
    built = trend.build(unit.id if unit else None)
    return render(
        "stats/trend.html",
        error=None,
        units=units,
        chosen={"enhet": unit_text},
        unit=unit,
        tables=[
            (
                table,
                charts.column_chart(
                    f"chart-{table.name}",
                    table.title,
                    [(key, table.cell(key, TOTAL)) for key, _label in table.rows],
                    tables.shown,
                ),
            )
            for table in built
        ],
    )
