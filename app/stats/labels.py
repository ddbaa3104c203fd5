"""The words of the statistics tables: rows, columns and what each count is called."""

from ..i18n import lazy_gettext as _l
from .figures import END_REASONS, GENDERS
from .suppression import TOTAL

GENDER_LABELS = {
    "woman": _l("Kvinnor"),
    "man": _l("Män"),
    "other": _l("Annat kön"),
    "not_stated": _l("Inte angivet"),
}
MEETING_ROWS = {
    "participants": _l("Deltagare"),
    "held": _l("Uppföljningsmöten som hölls"),
    "before": _l("Incheckning gjord före mötet"),
    "alone": _l("Svarade själv"),
    "helped": _l("Svarade med hjälp"),
}
TRY_LABELS = {
    "try_internship": _l("Praktik"),
    "try_job": _l("Ett jobb"),
    "try_studies": _l("Studera"),
    "try_another_activity": _l("En annan daglig verksamhet"),
    "try_any": _l("Något av detta"),
}
END_LABELS = {
    "work": _l("Arbete"),
    "studies": _l("Studier"),
    "internship": _l("Praktik"),
    "measure": _l("Arbetsmarknadsinsats"),
    "moved": _l("Flyttat"),
    "other": _l("Annat"),
}
OVERVIEW_COLUMNS = {
    "participants": _l("Deltagare"),
    "held": _l("Möten som hölls"),
    "before": _l("Incheckning före mötet"),
    "try_any": _l("Vill prova något nytt"),
    "ended": _l("Har lämnat"),
}
MEETING_MEASURES = list(MEETING_ROWS)
END_MEASURES = [f"ended_{reason}" for reason in END_REASONS]
INTEREST_COLUMNS = {"interested": _l("Vill veta mer"), "followed_up": _l("Har följts upp")}


def gender_columns() -> list[tuple]:
    return [(g, GENDER_LABELS[g]) for g in GENDERS] + [(TOTAL, _l("Totalt"))]


def end_rows() -> list[tuple]:
    return [(r, END_LABELS[r]) for r in END_REASONS] + [(TOTAL, _l("Totalt"))]
