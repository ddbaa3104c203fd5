"""Statistics of the new steps, for managers: how many were still in work or studies after 3, 6
and 12 months, how many came back, how long the step lasted, how many asked for more support.
By gender and the year the step began; no count under 5 is shown (app.stats.suppression)."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from statistics import median

from sqlmodel import func, select

from ..db import get_session
from ..i18n import gettext as _
from ..i18n import lazy_gettext as _l
from ..models import Participant, utcnow
from ..stats import suppression
from ..stats.figures import GENDERS, NOT_STATED
from ..stats.tables import GENDER_LABELS, Table
from .models import NewStep, StepAnswer, StepCheckIn
from .steps import DAYS_PER_MONTH

MEASURES = ["started", "in_step_3", "in_step_6", "in_step_12", "came_back", "more_support"]
MEASURE_LABELS = {
    "started": _l("Började ett nytt steg"),
    "in_step_3": _l("Kvar i arbete eller studier efter 3 månader"),
    "in_step_6": _l("Kvar i arbete eller studier efter 6 månader"),
    "in_step_12": _l("Kvar i arbete eller studier efter 12 månader"),
    "came_back": _l("Kom tillbaka till daglig verksamhet"),
    "more_support": _l("Bad om mer stöd"),
}
# The page shows the steps of this many years, newest first.
YEARS_SHOWN = 3


@dataclass
class StepFigures:
    year: int
    # {(measure, gender or TOTAL): count}; hidden ones are in `hidden` with the reason.
    counts: dict
    hidden: dict
    # Median days in the step per gender (and TOTAL); None when fewer than 5 people.
    median_days: dict


def _months_later(start: datetime, months: int) -> datetime:
    return start + timedelta(days=round(months * DAYS_PER_MONTH))


def _asked_for_more(step_ids: list[int]) -> set[int]:
    if not step_ids:
        return set()
    rows = get_session().exec(
        select(StepCheckIn.new_step_id)
        .join(StepAnswer, StepAnswer.check_in_id == StepCheckIn.id)
        .where(
            StepCheckIn.new_step_id.in_(step_ids),
            StepAnswer.question_key == "more_support",
            StepAnswer.choice == "yes",
        )
    )
    return set(rows.all())


def for_year(year: int, now: datetime | None = None) -> StepFigures:
    """The figures of the steps that began in `year`."""
    now = now or utcnow()
    start, end = datetime(year, 1, 1, tzinfo=UTC), datetime(year + 1, 1, 1, tzinfo=UTC)
    rows = (
        get_session()
        .exec(
            select(NewStep, Participant.gender)
            .join(Participant, Participant.id == NewStep.participant_id)
            .where(NewStep.started_at >= start, NewStep.started_at < end)
        )
        .all()
    )
    more = _asked_for_more([step.id for step, _gender in rows])
    cells, days = {}, {}

    def add(measure, gender):
        cells[(measure, gender)] = cells.get((measure, gender), 0) + 1

    for step, stated in rows:
        gender = stated if stated in GENDERS else NOT_STATED
        add("started", gender)
        for months in (3, 6, 12):
            later = _months_later(step.started_at, months)
            if later <= now and (step.returned_at is None or step.returned_at > later):
                add(f"in_step_{months}", gender)
        if step.returned_at is not None:
            add("came_back", gender)
        if step.id in more:
            add("more_support", gender)
        lasted = (step.returned_at or now) - step.started_at
        days.setdefault(gender, []).append(lasted.days)
    counts = suppression.with_totals(cells, MEASURES, GENDERS, column_totals=False)
    lines = suppression.grid_lines(MEASURES, GENDERS, column_totals=False)
    hidden = suppression.protect(counts, lines)
    everyone = [d for values in days.values() for d in values]
    days[suppression.TOTAL] = everyone
    median_days = {
        gender: (median(values) if len(values) >= suppression.LIMIT else None)
        for gender, values in days.items()
    }
    return StepFigures(year, counts, hidden, median_days)


def first_year() -> int | None:
    """The year the first step began, if any did."""
    first = get_session().exec(select(func.min(NewStep.started_at))).one()
    return first.year if first else None


@dataclass
class YearTable:
    """One year's figures as the statistics page shows them."""

    year: int
    table: Table
    median_days: list[tuple[str, str]]  # (column label, days or "visas inte")


def year_tables(now: datetime | None = None) -> list[YearTable]:
    """The steps of the last years, newest first: counts by gender with small ones hidden, and
    the median number of days in the step."""
    now = now or utcnow()
    first = first_year()
    if first is None:
        return []
    columns = [(g, GENDER_LABELS[g]) for g in GENDERS] + [(suppression.TOTAL, _l("Totalt"))]
    shown = []
    for year in range(now.year, max(first, now.year - YEARS_SHOWN + 1) - 1, -1):
        result = for_year(year, now)
        table = Table(
            name=f"steps-{year}",
            title=_("Nytt steg som började %(year)s", year=year),
            corner=_("Antal personer"),
            rows=[(m, MEASURE_LABELS[m]) for m in MEASURES],
            columns=columns,
            values=result.counts,
            hidden=result.hidden,
        )
        days = [
            (
                str(label),
                _("visas inte")
                if result.median_days.get(key) is None
                else str(round(result.median_days[key])),
            )
            for key, label in columns
        ]
        shown.append(YearTable(year, table, days))
    return shown
