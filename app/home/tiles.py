"""The tiles on the participant's home page: one for each part of the app that exists."""

from dataclasses import dataclass

from ..i18n import lazy_gettext as _l
from ..i18n import lazy_pgettext as pgettext  # so the extraction finds the context


@dataclass(frozen=True)
class Tile:
    endpoint: str
    label: str
    pictogram: str


# Later parts of the app (check-ins, wishes, goals, other paths) add their tiles here.
TILES = [
    Tile("goals.mine", _l("Mina mål"), "goals"),
    Tile("wishes.start", _l("Mina önskemål"), "wishes"),
    Tile("alternatives.index", _l("Andra vägar"), "alternatives"),
    Tile("consent.page", _l("Vem får se?"), "consent"),
    Tile("mydata.mine", pgettext("personal data", "Mina uppgifter"), "info"),
    Tile("home.my_picture", _l("Min bild"), "my_picture"),
    Tile("home.language", _l("Språk"), "language"),
    Tile("display.choices_page", _l("Så vill jag se det"), "settings"),
]
