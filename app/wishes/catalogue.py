"""The card catalogue: topic cards in groups, each a pictogram and a word in every language.

Administrators keep it (word, pictogram, group, order, hidden or shown); nothing is deleted,
so wishes made with a card that is later hidden stay readable.
"""

from dataclasses import dataclass

from sqlmodel import select

from .. import catalogues
from ..db import get_session, save_changes
from ..i18n import N_
from ..i18n import lazy_gettext as _l
from ..models import StaffUser
from .models import WishCard


@dataclass(frozen=True)
class Group:
    key: str
    label: str


# In the order a participant meets them.
GROUPS = [
    Group("activities", _l("Vad jag gillar att göra")),
    Group("places", _l("Var jag gillar att vara")),
    Group("ways", _l("Hur jag gillar att jobba")),
]
GROUP_KEYS = [group.key for group in GROUPS]

# (key, group, pictogram, Swedish, English). Migration 0003 puts a frozen copy of this list into
# every new database; `ensure_defaults()` adds any that are missing (demo data, tests).
DEFAULT_CARDS = [
    ("djur", "activities", "animals", N_("Djur"), "Animals"),
    ("laga-mat", "activities", "cooking", N_("Laga mat"), "Cooking"),
    ("kafe", "activities", "cafe", N_("Kafé"), "Café"),
    ("stada", "activities", "cleaning", N_("Städa"), "Cleaning"),
    ("tradgard", "activities", "garden", N_("Trädgård"), "Garden"),
    ("datorer", "activities", "computers", N_("Datorer"), "Computers"),
    ("musik", "activities", "music", N_("Musik"), "Music"),
    ("bygga", "activities", "building", N_("Bygga saker"), "Building things"),
    ("affar", "activities", "shop", N_("Affär"), "Shop"),
    ("atervinning", "activities", "recycling", N_("Återvinning"), "Recycling"),
    ("tvatt", "activities", "laundry", N_("Tvätta kläder"), "Washing clothes"),
    ("bilar", "activities", "cars", N_("Bilar"), "Cars"),
    ("konst", "activities", "art", N_("Måla och rita"), "Painting and drawing"),
    ("sport", "activities", "sport", N_("Sport"), "Sport"),
    ("natur", "activities", "nature", N_("Natur"), "Nature"),
    ("kontor", "activities", "office_work", N_("Kontor"), "Office work"),
    ("lager", "activities", "warehouse", N_("Lager"), "Warehouse"),
    ("ta-hand-om", "activities", "caring", N_("Ta hand om människor"), "Caring for people"),
    ("barn", "activities", "children", N_("Barn"), "Children"),
    ("inne", "places", "indoors", N_("Vara inne"), "Being indoors"),
    ("ute", "places", "outdoors", N_("Vara ute"), "Being outdoors"),
    ("lugnt", "places", "quiet", N_("Lugnt och tyst"), "Quiet places"),
    ("manga", "places", "many_people", N_("Många människor"), "Many people"),
    ("fa", "places", "few_people", N_("Få människor"), "Few people"),
    ("ensam", "ways", "alone", N_("Jobba ensam"), "Working alone"),
    ("med-andra", "ways", "with_others", N_("Jobba med andra"), "Working with others"),
    ("samma", "ways", "same_every_day", N_("Samma sak varje dag"), "The same every day"),
    ("nya-saker", "ways", "new_things", N_("Nya saker"), "New things"),
    ("korta-dagar", "ways", "short_days", N_("Korta dagar"), "Short days"),
    ("langa-dagar", "ways", "long_days", N_("Långa dagar"), "Long days"),
]


def default_rows() -> list[dict]:
    """The default cards as rows, numbered 10, 20, 30… within each group."""
    rows, counters = [], {}
    for key, group, pictogram, sv, en in DEFAULT_CARDS:
        counters[group] = counters.get(group, 0) + 10
        rows.append(
            {
                "key": key,
                "group": group,
                "position": counters[group],
                "pictogram": pictogram,
                "hidden": False,
                "words": {"sv": sv, "en": en},
            }
        )
    return rows


def ensure_defaults() -> int:
    """Add the default cards that are missing (by key); returns how many were added."""
    db = get_session()
    present = set(db.exec(select(WishCard.key)).all())
    added = 0
    for row in default_rows():
        if row["key"] not in present:
            db.add(WishCard(**row))
            added += 1
    if added:
        save_changes()
    return added


def sort_key(card: WishCard):
    """Catalogue order: by group, then position, then age."""
    group = GROUP_KEYS.index(card.group) if card.group in GROUP_KEYS else len(GROUP_KEYS)
    return (group, card.position, card.id)


def all_cards() -> list[WishCard]:
    """Every card, hidden ones too, in the order participants meet them."""
    return sorted(get_session().exec(select(WishCard)).all(), key=sort_key)


def visible_cards() -> list[WishCard]:
    return [card for card in all_cards() if not card.hidden]


def find(key: str) -> WishCard | None:
    return catalogues.find(WishCard, key)


def find_visible(key: str) -> WishCard | None:
    """The card a participant may sort: it exists and is shown."""
    return catalogues.find_visible(WishCard, key)


def group_label(key: str) -> str:
    return next((str(group.label) for group in GROUPS if group.key == key), key)


def save(card: WishCard | None, *, words: dict[str, str], staff: StaffUser, **values) -> WishCard:
    """Add a card (card=None) or change one: its words, `group`, `position`, `pictogram` and
    `hidden`. Words left empty fall back to Swedish."""
    words = {code: word.strip() for code, word in words.items() if word and word.strip()}
    return catalogues.keep(
        card, WishCard, name=words["sv"], fallback="kort", staff=staff, words=words, **values
    )
