"""What a participant chooses about themselves: their picture and their language."""

from flask import session

from ..db import get_session, save_changes
from ..i18n import LANGUAGES
from ..models import Participant


def choose_picture(participant: Participant, pictogram: str) -> None:
    participant.pictogram = pictogram
    db = get_session()
    db.add(participant)
    save_changes()


def choose_language(participant: Participant | None, code: str) -> None:
    """Save a participant's language with them; anyone else's in this browser only."""
    if code not in LANGUAGES:
        raise ValueError(code)
    session["lang"] = code
    if participant is not None:
        participant.language = code
        db = get_session()
        db.add(participant)
        save_changes()
