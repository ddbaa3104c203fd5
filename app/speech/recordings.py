"""Recorded voices: an administrator records or uploads a fixed text, per language.

A recording is checked before it is kept (it is sound, not too long, not silent) and stored
as small Ogg Opus; a refused one leaves the earlier recording as it was.
"""

import hashlib
from dataclasses import dataclass

from sqlmodel import select

from ..db import get_session, save_changes
from ..models import StaffUser, utcnow
from . import sound, texts
from .models import Recording

MAX_BYTES = 2 * 1024 * 1024
MAX_SECONDS = 30
# The loudest moment of a recording must reach this (dB below full scale): else it is silence.
SILENT_DB = -45


class RecordingError(ValueError):
    """Why a recording was refused: "too_large", "too_long", "silent", "not_audio",
    "no_file" or "cannot_check"."""


@dataclass(frozen=True)
class Line:
    """One fixed text in the list: its key, its words and its recording, if any."""

    key: str
    text: str
    recording: Recording | None


def lines(language: str) -> list[Line]:
    """Every fixed text in this language with its recording; texts without one first."""
    recordings = {
        r.text_key: r
        for r in get_session().exec(select(Recording).where(Recording.language == language))
    }
    found = [Line(k, text, recordings.get(k)) for k, text in texts.fixed_texts(language).items()]
    return sorted(found, key=lambda line: line.recording is not None)


def find(language: str, text_key: str) -> Recording | None:
    return (
        get_session()
        .exec(
            select(Recording).where(Recording.language == language, Recording.text_key == text_key)
        )
        .first()
    )


def check(data: bytes) -> tuple[bytes, float]:
    """The upload as small Ogg Opus with its length in seconds, or why it is refused."""
    if not data:
        raise RecordingError("no_file")
    if len(data) > MAX_BYTES:
        raise RecordingError("too_large")
    if sound.ffmpeg() is None:
        raise RecordingError("cannot_check")
    try:
        measured = sound.measure(data)
        small = sound.encode(data, "ogg")
    except sound.NotAudio as error:
        raise RecordingError("not_audio") from error
    if measured.seconds > MAX_SECONDS:
        raise RecordingError("too_long")
    if measured.loudest_db < SILENT_DB:
        raise RecordingError("silent")
    return small, measured.seconds


def save(language: str, text_key: str, text: str, data: bytes, staff: StaffUser) -> Recording:
    """Keep a new recording of the text, in place of an earlier one."""
    small, seconds = check(data)
    recording = find(language, text_key) or Recording(language=language, text_key=text_key)
    recording.text = text
    recording.audio = small
    recording.digest = "r" + hashlib.sha256(small).hexdigest()[:9]
    recording.seconds = round(seconds, 2)
    recording.created_at = utcnow()
    recording.created_by_id = staff.id
    db = get_session()
    db.add(recording)
    save_changes()
    return recording


def remove(language: str, text_key: str) -> None:
    """Take the recording away: the text is read by the phone or the server's voice again."""
    recording = find(language, text_key)
    if recording is not None:
        db = get_session()
        db.delete(recording)
        save_changes()
