"""The display area's rows of the access matrix."""

from sqlmodel import select

from app.models import Participant
from tests.actors import EVERYONE, PARTICIPANTS

ROUTES = {
    "display.choices_page": ("GET", "/sa-vill-jag-se-det", {}, PARTICIPANTS),
    "display.choose": ("POST", "/sa-vill-jag-se-det", {"large_text": "1"}, PARTICIPANTS),
    "display.offline_page": ("GET", "/utan-nat", {}, EVERYONE),
    "display.service_worker": ("GET", "/sw.js", {}, EVERYONE),
}


def snapshot(db):
    """Display choices: a refused request changes nobody's."""
    return [
        (p.id, p.large_text, p.high_contrast, p.reduce_motion)
        for p in db.exec(select(Participant).order_by(Participant.id))
    ]
