"""The day a case officer picked on the staff participant page, to count wishes' changes from."""

from datetime import date, datetime, time

from flask import request

from ..i18n import local_zone
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
    zone = local_zone()
    return datetime.combine(day, time.min, tzinfo=zone), day.isoformat()
