"""The fixed texts a participant hears: every one can have a recording and a server voice.

A text is known by a hash of its words (`key`), so a changed wording is a new text. The fixed
texts are the page texts of the participant's templates (`_("…")` with nothing filled in) and
the catalogues' texts (check-in questions and answers, wish cards, other paths, tiles, display
choices). Texts written by the participant or staff are not among them: never kept as audio.
"""

import hashlib
import re
from functools import cache
from pathlib import Path

from flask_babel import force_locale

from ..alternatives import catalogue as alternatives
from ..alternatives.models import PARTS
from ..checkins import questions
from ..display.choices import CHOICES as DISPLAY_CHOICES
from ..home.tiles import TILES
from ..i18n import code, gettext, in_language
from ..wishes import catalogue as wish_cards
from ..wishes.sorting import PILES

TEMPLATES = Path(__file__).parent.parent / "templates"
# _("…") in a template: a page text. One with %(name)s filled in is not fixed.
PAGE_TEXT = re.compile(r"""\b_\((?:"([^"%]+)"|'([^'%]+)')\)""")
PARTICIPANT_PAGE = '{% extends "participant_base.html" %}'
# A part of a participant's page (an answer pair, a consent area) offers speakers.
PARTICIPANT_PART = re.compile(r"\bspeaker\(")


def key(text: str) -> str:
    """The text's audio key: the same words give the same key, whatever the spacing."""
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()[:20]


@cache
def page_texts() -> tuple[str, ...]:
    """The Swedish texts of the participant's pages, in the order found."""
    found = []
    for path in sorted(TEMPLATES.rglob("*.html")):
        source = path.read_text(encoding="utf-8")
        participant = PARTICIPANT_PAGE in source or PARTICIPANT_PART.search(source)
        if not participant or path.parent.name == "errors":
            continue
        for match in PAGE_TEXT.finditer(source):
            found.append(match[1] or match[2])
    return tuple(dict.fromkeys(found))


def _catalogue_texts() -> list[str]:
    """The catalogues' texts in the current language."""
    language = code()
    check_in = questions.current_set()
    texts = [in_language(q["text"], language) for q in (check_in.questions if check_in else [])]
    texts += [str(choice.label) for choice in questions.CHOICES.values()]
    texts += [str(tile.label) for tile in TILES]
    texts += [str(choice.label) for choice in DISPLAY_CHOICES]
    texts += [str(group.label) for group in wish_cards.GROUPS]
    texts += [str(pile.label) for pile in PILES]
    texts += [card.word(language) for card in wish_cards.visible_cards()]
    for alternative in alternatives.visible():
        texts += [alternative.title(language), alternative.text(language, "summary")]
        # Each line of a part is a paragraph of its own on the page.
        texts += [line for part in PARTS for line in alternative.text(language, part).splitlines()]
    return texts


def fixed_texts(language: str) -> dict[str, str]:
    """Every fixed text a participant may hear in this language, by key, in a stable order."""
    with force_locale(language):
        texts = [gettext(text) for text in page_texts()] + _catalogue_texts()
    return {key(text): " ".join(text.split()) for text in texts if text and text.strip()}
