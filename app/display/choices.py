"""Display choices: larger text, high contrast and fewer animations, saved with the person."""

from dataclasses import dataclass

from flask import g

from ..db import get_session, save_changes
from ..i18n import lazy_gettext as _l
from ..models import Participant
from ..options import Option


@dataclass(frozen=True)
class DisplayChoice(Option):
    """A choice turned on or off: its key is the Participant field that keeps it, `css_class`
    the class <body> gets while it is on."""

    css_class: str


CHOICES = [
    DisplayChoice("large_text", _l("Större text"), "adult_education", "large-text"),
    DisplayChoice("high_contrast", _l("Tydligare färger"), "info", "high-contrast"),
    DisplayChoice("reduce_motion", _l("Lugnare skärm"), "quiet", "reduce-motion"),
]
FIELDS = {choice.key for choice in CHOICES}


class ChoiceError(ValueError):
    """The form did not say which choice to turn on or off; nothing was changed."""


def body_classes() -> str:
    """The logged-in participant's choices as classes for <body>, on every page."""
    person = g.get("participant")
    if person is None:
        return ""
    return "".join(f" {c.css_class}" for c in CHOICES if getattr(person, c.key))


def choose(participant: Participant, form) -> None:
    """Turn one choice on ("1") or off ("0"). Sending the same again changes nothing."""
    changes = {field: form[field] for field in FIELDS if field in form}
    if len(changes) != 1 or set(changes.values()) - {"0", "1"}:
        raise ChoiceError(form)
    for field, value in changes.items():
        setattr(participant, field, value == "1")
    db = get_session()
    db.add(participant)
    save_changes()
