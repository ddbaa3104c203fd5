"""The translation routine: `flask --app app translate init LANG | update | compile`.

Swedish is the source text. `update` collects every text in the code into
translations/messages.pot and merges it into each language's catalogue; a translator fills in
translations/<lang>/LC_MESSAGES/messages.po; `compile` makes the .mo files the app reads.
The commands need no app or database, so `python -m app.translate ...` runs them too.
"""

from pathlib import Path

import click
from babel.messages.frontend import CommandLineInterface

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "translations"
TEMPLATE = TRANSLATIONS / "messages.pot"
EXTRACT_OPTIONS = ["-k", "_l", "-k", "lazy_gettext", "--no-location", "--sort-output"]


def _pybabel(*args: str) -> None:
    CommandLineInterface().run(["pybabel", "-q", *args])


def extract(template: Path | None = None) -> None:
    """Collect the Swedish texts of the code and templates into a .pot file."""
    template = template or TEMPLATE
    _pybabel(
        "extract", "-F", str(ROOT / "babel.cfg"), *EXTRACT_OPTIONS,
        "--project", "Mina steg", "-o", str(template), str(ROOT),
    )  # fmt: skip


def languages() -> list[str]:
    """The languages that have a catalogue."""
    return sorted(path.parts[-3] for path in TRANSLATIONS.glob("*/LC_MESSAGES/messages.po"))


@click.group("translate", help="Translations: add a language, update and compile them.")
def translate_cli():
    pass


@translate_cli.command("init")
@click.argument("lang")
def init(lang):
    """Start a catalogue for a new language LANG (e.g. ar, so, ti)."""
    if lang in languages():
        raise click.ClickException(f"{lang} already has a catalogue: use `update`.")
    extract()
    _pybabel("init", "-i", str(TEMPLATE), "-d", str(TRANSLATIONS), "-l", lang, "--no-wrap")
    click.echo(f"Now translate translations/{lang}/LC_MESSAGES/messages.po and add {lang} to ")
    click.echo("LANGUAGES in app/i18n.py.")


@translate_cli.command("update")
def update():
    """Collect the texts from the code and merge them into every language's catalogue."""
    extract()
    _pybabel(
        "update", "-N", "--no-wrap", "--ignore-obsolete",
        "-i", str(TEMPLATE), "-d", str(TRANSLATIONS),
    )  # fmt: skip


@translate_cli.command("compile")
def compile_():
    """Make the .mo files the app reads (refuses a catalogue with fuzzy entries)."""
    _pybabel("compile", "-d", str(TRANSLATIONS))


if __name__ == "__main__":
    translate_cli()
