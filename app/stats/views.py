"""The statistics pages for managers: anonymous totals, as pages and as a CSV file."""

from flask import Response, request

from .. import audit
from ..access import staff_required
from ..i18n import gettext as _
from ..models import Role, utcnow
from ..web import render
from . import bp, charts, csv_export, steps_kept, summary, tables, trend, unit_choice, unit_list
from .figures import Quarter, Year, first_quarter
from .suppression import TOTAL

MANAGERS = (Role.manager, Role.admin)


def _periods() -> list:
    """The years and quarters to choose from, newest first."""
    this_quarter = Quarter.of(utcnow())
    # From the first quarter with data, and at least from the last whole one (the default).
    quarter = min(
        first_quarter() or this_quarter, this_quarter.previous(), key=lambda q: (q.year, q.number)
    )
    quarters = []
    while (quarter.year, quarter.number) <= (this_quarter.year, this_quarter.number):
        quarters.append(quarter)
        quarter = quarter.next()
    years = [Year(year) for year in range(this_quarter.year, quarters[0].year - 1, -1)]
    return years + quarters[::-1]


def _shown_unless_chosen() -> Quarter:
    """The period the page shows when none is chosen: the last whole quarter."""
    return Quarter.of(utcnow()).previous()


def _read_period(periods: list, errors: dict):
    """The chosen quarter or year (the last whole quarter unless chosen)."""
    chosen = request.args.get("kvartal", "")
    period = (Year.parse(chosen) or Quarter.parse(chosen)) if chosen else _shown_unless_chosen()
    if period is None or (chosen and period not in periods):
        errors["kvartal"] = _("Välj ett år eller ett kvartal i listan.")
    return period


def _read_unit(errors: dict) -> unit_choice.UnitChoice:
    choice = unit_choice.read(request.args.get("enhet", ""))
    if choice.error:
        errors["enhet"] = choice.error
    return choice


def _refused(periods, choice, errors):
    """The choice again, with what to change; what was entered stays chosen where it can."""
    return render(
        "stats/index.html",
        status=422,
        error=errors,
        quarters=periods,
        choice=choice,
        chosen={"kvartal": request.args.get("kvartal") or _shown_unless_chosen().key},
    )


@bp.get("/personal/statistik")
@staff_required(*MANAGERS)
def index():
    """Totals for one quarter, for the whole service or one unit. Never a person."""
    periods, errors = _periods(), {}
    quarter = _read_period(periods, errors)
    choice = _read_unit(errors)
    if errors:
        return _refused(periods, choice, errors)
    unit = choice.unit
    audit.record("stats.view")
    by_name = {t.name: t for t in tables.build(quarter, unit.id if unit else None)}
    return render(
        "stats/index.html",
        error=None,
        quarters=periods,
        choice=choice,
        chosen={"kvartal": quarter.key},
        quarter=quarter,
        unit=unit,
        by_name=by_name,
        shares=tables.shares(by_name["meetings"]),
        charts=_charts(by_name),
        counted=summary.counted_at(),
        # After the step to work or studies: by the year the step began, whole service only.
        step_years=[] if unit else steps_kept.year_tables(),
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
    """Totals per unit for one quarter, a page of units at a time, sorted as the manager
    picks."""
    periods, errors = _periods(), {}
    quarter = _read_period(periods, errors)
    if errors:
        return _refused(periods, unit_choice.read(""), errors)
    order = request.args.get("ordna", "name")
    if order not in tables.SORT_CHOICES:
        order = "name"  # An unknown order is no harm: sort by name.
    page_text = request.args.get("sida", "1")
    page = int(page_text) if page_text.isdigit() else 1  # A bad page number is the first.
    audit.record("stats.view_units")
    listed = unit_list.page_of_units(quarter, order, page)
    return render(
        "stats/units.html",
        quarters=periods,
        chosen={"kvartal": quarter.key, "ordna": order},
        quarter=quarter,
        table=listed.table,
        listed=listed,
        sort_choices=tables.SORT_CHOICES,
        shares={key: tables.unit_share(listed.table, key) for key, _label in listed.table.rows},
    )


@bp.get("/personal/statistik.csv")
@staff_required(*MANAGERS)
def export():
    """The same protected totals as a CSV file (semicolons, as Swedish spreadsheets expect),
    with the table per unit when it is for the whole service."""
    periods, errors = _periods(), {}
    quarter = _read_period(periods, errors)
    choice = _read_unit(errors)
    if errors:
        return _refused(periods, choice, errors)
    unit = choice.unit
    audit.record("stats.export")
    heading = [quarter.label, unit.name if unit else _("Hela verksamheten")]
    return Response(
        "\ufeff" + csv_export.for_period(quarter, unit, heading),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="statistik-{quarter.key}.csv"'},
    )


@bp.get("/personal/statistik/trend")
@staff_required(*MANAGERS)
def trend_view():
    """Up to ten years side by side, for the whole service by gender or for one unit."""
    errors = {}
    choice = _read_unit(errors)
    if errors:
        return render(
            "stats/trend.html", status=422, error=errors, choice=choice, unit=None, tables=[]
        )
    unit = choice.unit
    audit.record("stats.view_trend")
    built = trend.build(unit.id if unit else None)
    return render(
        "stats/trend.html",
        error=None,
        choice=choice,
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
