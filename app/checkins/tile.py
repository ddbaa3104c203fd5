"""The "Inför mötet" tile on the participant's home page."""

from flask_babel import format_date, format_time

from . import answers, meetings


def meeting_tile(participant_id: int) -> dict | None:
    """The open check-in's meeting in words, and how far the participant has come, if any."""
    found = meetings.open_with_check_in(participant_id)
    if found is None:
        return None
    meeting, check_in, _has_goals = found
    return {
        "meeting": meeting,
        "status": answers.status(check_in),
        **meeting_words(meeting),
    }


def meeting_words(meeting) -> dict:
    """The day and time in words a person says aloud: "måndag 30 november", "klockan 10.00"."""
    return {
        "day": format_date(meeting.starts_at, "EEEE d MMMM"),
        "day_number": format_date(meeting.starts_at, "d"),
        "month": format_date(meeting.starts_at, "MMMM"),
        "time": format_time(meeting.starts_at, "HH:mm"),
    }
