"""The catalogues follow the code: the .pot file is up to date, every language in the app has
a complete catalogue of the same texts, and `flask translate` adds a language end to end."""

import shutil

import pytest
from babel.messages.pofile import read_po

from app import translate
from app.i18n import DEFAULT, LANGUAGES


def ids(path) -> set:
    with open(path, "rb") as file:
        return {message.id for message in read_po(file) if message.id}


def test_the_pot_file_holds_exactly_the_texts_in_the_code(tmp_path):
    fresh = tmp_path / "messages.pot"
    translate.extract(fresh)
    missing = ids(fresh) - ids(translate.TEMPLATE)
    stale = ids(translate.TEMPLATE) - ids(fresh)
    assert (missing, stale) == (set(), set()), "run `make translations-update`"


@pytest.mark.parametrize("code", [code for code in LANGUAGES if code != DEFAULT])
def test_every_language_has_a_catalogue_of_every_text(code):
    catalogue = translate.TRANSLATIONS / code / "LC_MESSAGES" / "messages.po"
    assert catalogue.is_file(), f"run `flask --app app translate init {code}`"
    assert ids(catalogue) == ids(translate.TEMPLATE), "run `make translations-update`"
    # Untranslated, fuzzy or broken entries are caught by tests/test_translations.py, which
    # checks every catalogue on disk.


def test_every_catalogue_belongs_to_a_language_of_the_app():
    assert set(translate.languages()) == set(LANGUAGES) - {DEFAULT}


@pytest.fixture
def translations(tmp_path, monkeypatch):
    """A copy of the catalogues, so adding a language here leaves the real ones alone."""
    copy = tmp_path / "translations"
    shutil.copytree(translate.TRANSLATIONS, copy)
    monkeypatch.setattr(translate, "TRANSLATIONS", copy)
    monkeypatch.setattr(translate, "TEMPLATE", copy / "messages.pot")
    return copy


def test_adding_a_language_is_init_translate_compile(app, translations):
    real_template = translate.ROOT / "translations" / "messages.pot"
    before = real_template.read_bytes()
    runner = app.test_cli_runner()
    result = runner.invoke(args=["translate", "init", "so"])
    assert result.exit_code == 0, result.output
    catalogue = translations / "so" / "LC_MESSAGES" / "messages.po"
    assert ids(catalogue) == ids(translate.TEMPLATE)
    assert runner.invoke(args=["translate", "init", "so"]).exit_code != 0  # not twice

    assert runner.invoke(args=["translate", "update"]).exit_code == 0
    assert runner.invoke(args=["translate", "compile"]).exit_code == 0
    assert (translations / "so" / "LC_MESSAGES" / "messages.mo").is_file()
    assert real_template.read_bytes() == before  # the real catalogues are left alone
