"""The tiles on the participant's home page: one for each part of the app that exists."""

from ..i18n import lazy_gettext as _l
from ..i18n import lazy_pgettext as pgettext  # so the extraction finds the context
from ..options import Option

# Later parts of the app (check-ins, wishes, goals, other paths) add their tiles here. A tile's
# key is the endpoint it opens.
TILES = [
    Option("goals.mine", _l("Mina mål"), "goals"),
    Option("wishes.start", _l("Mina önskemål"), "wishes"),
    Option("alternatives.index", _l("Andra vägar"), "alternatives"),
    Option("consent.page", _l("Vem får se?"), "consent"),
    Option("mydata.mine", pgettext("personal data", "Mina uppgifter"), "info"),
    Option("home.my_picture", _l("Min bild"), "my_picture"),
    Option("home.language", _l("Språk"), "language"),
    Option("display.choices_page", _l("Så vill jag se det"), "settings"),
]
