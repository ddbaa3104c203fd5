"""The day a case officer picked on the staff participant page, to count wishes' changes from."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from flask import current_app, request

from ..web import sensible_day


def since_from_request() -> tuple[datetime | None, str]:
    """The `sedan` date a case officer picked (start of that day, Swedish time), if valid."""
    raw = request.args.get("sedan", "").strip()
    try:
        day = date.fromisoformat(raw)
    except ValueError:
        return None, ""
    if not sensible_day(day):
        return None, ""
    zone = ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])
    return datetime.combine(day, time.min, tzinfo=zone), day.isoformat()
