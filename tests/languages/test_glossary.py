"""One word for one thing: the glossary (translations/glossary.toml) is followed everywhere.

Wherever a text uses a glossary word in Swedish, its English and Arabic must use the word the
glossary gives, and the words the glossary says to avoid are used nowhere. The texts checked
are the translation catalogues and the default catalogue content (the other paths, as the
migrations put them in, the check-in questions and the wish cards).
"""

import importlib.util
import re
import tomllib
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from app.checkins.questions import DEFAULT_QUESTIONS
from app.translate import TRANSLATIONS
from app.wishes.catalogue import DEFAULT_CARDS

GLOSSARY = TRANSLATIONS / "glossary.toml"
MIGRATIONS = Path(__file__).parent.parent.parent / "migrations" / "versions"
OTHER_LANGUAGES = ("en", "ar")


def glossary() -> list[dict]:
    with GLOSSARY.open("rb") as file:
        return tomllib.load(file)["term"]


def _default_alternatives() -> dict:
    """The other paths' default texts, as the newest migration that sets them has them."""
    path = next(iter(sorted(MIGRATIONS.glob("*_honest_other_paths.py"))))
    spec = importlib.util.spec_from_file_location("honest_other_paths", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.TEXTS


def catalogue_pairs() -> list[dict[str, str]]:
    """Every text as {"sv": …, "en": …, "ar": …}: the .po catalogues and the default content."""
    catalogues = {}
    for code in OTHER_LANGUAGES:
        with (TRANSLATIONS / code / "LC_MESSAGES" / "messages.po").open("rb") as file:
            catalogues[code] = read_po(file)
    pairs = []
    for message in catalogues["en"]:
        if not message.id:
            continue
        swedish = message.id[-1] if isinstance(message.id, tuple) else message.id
        pair = {"sv": swedish}
        for code in OTHER_LANGUAGES:
            translated = catalogues[code].get(message.id, message.context)
            string = translated.string if translated else ""
            pair[code] = string[-1] if isinstance(string, tuple) else string
        pairs.append(pair)
    for texts in _default_alternatives().values():
        for part in texts["sv"]:
            pairs.append({code: texts[code][part] for code in ("sv", *OTHER_LANGUAGES)})
    arabic = {pair["sv"]: pair["ar"] for pair in pairs}
    for question in DEFAULT_QUESTIONS:
        sv = question["text"]["sv"]
        pairs.append({"sv": sv, "en": question["text"]["en"], "ar": arabic[sv]})
    for card in DEFAULT_CARDS:
        pairs.append({"sv": card[3], "en": card[4], "ar": arabic[card[3]]})
    return pairs


def misused(terms: list[dict], pairs: list[dict[str, str]]) -> list[tuple[str, str, str]]:
    """(concept, language, text) for each text that renders a glossary word with another word,
    or uses a word the glossary says to avoid."""
    found = []
    for term in terms:
        for pair in pairs:
            uses_term = re.search(term["sv"], pair["sv"], re.IGNORECASE)
            for code, text in pair.items():
                if uses_term and code != "sv" and not re.search(term[code], text, re.IGNORECASE):
                    found.append((term["concept"], code, text))
                for avoided in term["avoid"].get(code, []):
                    if re.search(avoided, text, re.IGNORECASE):
                        found.append((term["concept"], code, text))
    return found


def test_the_glossary_has_every_word_in_every_language():
    terms = glossary()
    assert len(terms) >= 15
    for term in terms:
        for code in ("sv", *OTHER_LANGUAGES):
            re.compile(term[code])
            assert term["say"][code].strip(), (term["concept"], code)


@pytest.mark.parametrize("term", glossary(), ids=lambda term: term["concept"].split(":")[0])
def test_each_glossary_word_is_rendered_with_its_own_word_everywhere(term):
    assert misused([term], catalogue_pairs()) == []


def test_a_word_rendered_with_another_word_is_caught():
    terms = glossary()
    wrong = [
        {"sv": "Din handläggare ringer.", "en": "Your caseworker calls.", "ar": "مسؤول ملفك يتصل."},
        {"sv": "Fråga din handläggare.", "en": "Ask your case officer.", "ar": "اسأل مسؤول حالتك."},
        {"sv": "Till startsidan", "en": "Back to Start", "ar": "العودة إلى البداية"},
        {"sv": "Mina uppgifter", "en": "My tasks", "ar": "مهامي"},
    ]
    found = misused(terms, wrong)
    assert {(concept.split(":")[0], code) for concept, code, _ in found} >= {
        ("case officer", "en"),
        ("case officer", "ar"),
        ("the start page, reached from every page", "sv"),
        ("the page with everything the app holds about the participant", "en"),
        ("the page with everything the app holds about the participant", "ar"),
    }
    right = [{"sv": "Fråga din handläggare.", "en": "Ask your case officer.", "ar": "مسؤول ملفك"}]
    assert misused(terms, right) == []
