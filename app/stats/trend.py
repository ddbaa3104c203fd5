"""The trend: a few measures year by year, up to ten years, for the service by gender or for
one unit as totals. Each year's counts are the summary's, hidden as on the year's own page."""

from ..i18n import gettext as _
from ..i18n import lazy_gettext as _l
from ..models import utcnow
from . import summary
from .figures import GENDERS, Quarter, Year, first_quarter
from .labels import gender_columns
from .summary import ALL, SERVICE
from .suppression import SMALL, TOTAL
from .table import Table

YEARS = 10
MEASURES = {
    "ended_onward": _l("Gick vidare till arbete, studier eller praktik"),
    "try_any": _l("Vill prova något nytt"),
    "held": _l("Uppföljningsmöten som hölls"),
    "before": _l("Möten med incheckning före mötet"),
    "alone": _l("Incheckningar som deltagaren svarade själv"),
    "helped": _l("Incheckningar som deltagaren svarade med hjälp"),
}


def years() -> list[Year]:
    """Up to ten years, oldest first, ending with this year."""
    now = Quarter.of(utcnow()).year
    first = (first_quarter() or Quarter(now, 1)).year
    return [Year(year) for year in range(max(first, now - YEARS + 1), now + 1)]


def year_label(year: Year) -> str:
    now = Quarter.of(utcnow()).year
    return _("%(year)s (hittills)", year=year.year) if year.year == now else str(year.year)


def build(unit_id: int | None) -> list[Table]:
    """One table per measure: a row per year; columns per gender, or the unit's total."""
    chosen = years()
    keys = [year.key for year in chosen]
    rows = [(year.key, year_label(year)) for year in chosen]
    if unit_id is None:
        scopes = [(g, (SERVICE, g)) for g in GENDERS] + [(TOTAL, (SERVICE, ALL))]
        columns = gender_columns()
    else:
        scopes = [(TOTAL, (unit_id, ALL))]
        columns = [(TOTAL, _l("Antal"))]
    every = summary.series(keys, [scope for _c, scope in scopes], list(MEASURES))
    found = {}
    for column, (unit, gender) in scopes:
        for key in keys:
            for measure in MEASURES:
                if (key, unit, gender, measure) in every:
                    found[(measure, key, column)] = every[(key, unit, gender, measure)]
    tables = []
    for measure, title in MEASURES.items():
        values, hidden = {}, {}
        for key, _label in rows:
            for column, _clabel in columns:
                count, reason = found.get((measure, key, column), (0, SMALL))
                values[(key, column)] = count
                if reason:
                    hidden[(key, column)] = reason
        tables.append(Table(f"trend-{measure}", title, _("År"), rows, columns, values, hidden))
    return tables
