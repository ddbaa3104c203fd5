"""Options: what a page offers as a picture and a few words, such as an answer to a check-in
question, a pile for wish cards, a tile on the home page or who does a step.

Every option is a key (what is stored, or the endpoint a tile opens), a label and a pictogram
(app.pictograms). Labels are lazy translations, so each request reads them in its own language:
write them with `lazy_gettext`, never with `gettext`, at import time.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from .i18n import lazy_gettext as _l


@dataclass(frozen=True)
class Option:
    key: str
    label: str
    pictogram: str


@dataclass(frozen=True)
class StaffWordedOption(Option):
    """An option staff read in other words than the participant: `label` is what the
    participant reads, `staff_label` what staff read."""

    staff_label: str


AnOption = TypeVar("AnOption", bound=Option)


def by_key(options: Iterable[AnOption]) -> dict[str, AnOption]:
    """The options by key, in the order given."""
    return {option.key: option for option in options}


# How it is or went: the three faces, in the check-ins, the new step and the goals' steps.
FACES = [
    Option("good", _l("Bra"), "face_good"),
    Option("so_so", _l("Sådär"), "face_so_so"),
    Option("not_good", _l("Inte bra"), "face_not_good"),
]
# "Ja", "Ibland", "Nej", in the check-ins and the new step.
YES_SOMETIMES_NO = [
    Option("yes", _l("Ja"), "yes"),
    Option("sometimes", _l("Ibland"), "face_so_so"),
    Option("no", _l("Nej"), "no"),
]
