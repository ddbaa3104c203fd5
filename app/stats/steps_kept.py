"""The figures after the step to work or studies, as the statistics page shows them: counted
once per count of the summary (they read every step and its check-ins, which grows with the
service), and counted again on the page while the data has changed since."""

from ..i18n import code
from ..models import utcnow
from ..new_step import figures as step_figures
from . import summary

_kept: dict = {}


def year_tables() -> list:
    """The step figures of the last years, newest first."""
    mark = summary.count_mark()
    if mark is None:
        return step_figures.year_tables()
    key = (mark, code(), utcnow().date())
    if key not in _kept:
        _kept.clear()
        _kept[key] = step_figures.year_tables()
    return _kept[key]
