"""The translation catalogues: every entry translated, and every placeholder kept."""

import re
from collections import defaultdict
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from flask import render_template_string, session
from flask_babel import force_locale, refresh

from app.i18n import code, gettext, lazy_gettext

TRANSLATIONS = Path(__file__).parent.parent / "translations"
CATALOGUES = sorted(TRANSLATIONS.glob("*/LC_MESSAGES/messages.po"))
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def _as_tuple(value):
    return value if isinstance(value, tuple) else (value,)


def format_problem(message) -> str | None:
    """Why a translation would fail or lose words when filled in, if it would."""
    names = {name for source in _as_tuple(message.id) for name in PLACEHOLDER.findall(source)}
    values = defaultdict(lambda: 1, {name: 1 for name in names})
    for text in _as_tuple(message.string):
        if not set(PLACEHOLDER.findall(text)) <= names:
            return f"unknown placeholder in {text!r}"
        if "python-format" in message.flags:
            try:
                text % values
            except (ValueError, TypeError, KeyError) as error:
                return f"{error} in {text!r}"
    return None


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parts[-3])
def test_catalogue_is_complete_and_its_placeholders_match(path):
    with path.open("rb") as file:
        catalogue = read_po(file)
    untranslated, fuzzy, broken = [], [], []
    for message in catalogue:
        if not message.id:
            continue
        if not all(_as_tuple(message.string)):
            untranslated.append(message.id)
        if message.fuzzy:
            fuzzy.append(message.id)
        problem = format_problem(message)
        if problem:
            broken.append((message.id, problem))
    assert untranslated == []
    assert fuzzy == []
    assert broken == []


def test_the_format_check_catches_a_broken_placeholder():
    from babel.messages.catalog import Message

    broken = Message(
        ("%(done)s av %(num)s", "%(done)s av %(num)s"), ("%", "("), flags=["python-format"]
    )
    assert format_problem(broken)
    fine = Message("Hej %(name)s!", "Hello %(name)s!", flags=["python-format"])
    assert format_problem(fine) is None


def test_texts_in_templates_are_translated_and_only_their_values_escaped(app):
    template = (
        '{{ _("Fråga %(number)s av %(total)s", number="<b>", total=7) }}|'
        '{{ _("Avslutade deltagarens insats") }}'
    )
    with app.test_request_context("/"):
        assert (
            render_template_string(template) == "Fråga &lt;b&gt; av 7|Avslutade deltagarens insats"
        )
        session["lang"] = "en"
        refresh()
        assert render_template_string(template) == (
            "Question &lt;b&gt; of 7|Ended the participant's support"
        )


def test_texts_follow_every_change_of_language_within_a_request(app):
    yes = lazy_gettext("Ja")
    with app.test_request_context("/"):
        assert (code(), gettext("Ja"), str(yes)) == ("sv", "Ja", "Ja")
        with force_locale("en"):
            assert (code(), gettext("Ja"), str(yes)) == ("en", "Yes", "Yes")
        assert (code(), gettext("Ja"), str(yes)) == ("sv", "Ja", "Ja")
        session["lang"] = "ar"
        refresh()
        assert (code(), gettext("Ja"), str(yes)) == ("ar", "نعم", "نعم")
