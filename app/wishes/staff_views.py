"""Wishes on the staff participant page, for the participant's own case officer only."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from flask import current_app, g, request

from ..access import reads_answers
from ..meetings import meetings
from ..web import sensible_day
from . import bp, brief


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


def staff_wishes(person):
    """The wishes for the staff page, or None when the logged-in staff member may not see them.

    Changes are counted from the date the case officer picks, else from the last follow-up
    meeting that was held, else from when the participant first sorted each card.
    """
    staff = g.get("staff")
    if staff is None or not reads_answers(staff, person):
        return None
    since, since_text = since_from_request()
    if since is None:
        last = meetings.last_held(person.id)
        since = last.held_at if last else None
    return {
        "brief": brief.wishes_for_brief(person.id, since),
        "history": brief.history(person.id),
        "since_text": since_text,
    }


bp.add_app_template_global(staff_wishes)
