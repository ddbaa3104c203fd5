"""Which audio a text has, best first: a recording, else the server's voice (made once and
kept). Pages mark each text with `say(text)`: its audio's address, fingerprinted, so the
phone keeps it for a year and a new recording gets a new address."""

from flask import g, url_for
from jinja2 import nodes
from markupsafe import Markup
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from ..db import attempt, get_session, save_changes
from ..i18n import LANGUAGES, code
from ..web import made_once
from . import sound, texts, voice
from .models import Recording, SpokenAudio


def recorded(language: str) -> dict[str, str]:
    """The recordings of this language as {text key: digest}, read once per request."""
    known = g.setdefault("recorded", {})
    if language not in known:
        rows = get_session().exec(
            select(Recording.text_key, Recording.digest).where(Recording.language == language)
        )
        known[language] = dict(rows.all())
    return known[language]


def read_before_page(app, template, **_context) -> None:
    """Every language's recordings, read in one statement before a page that reads texts
    aloud is drawn, so that `say` in its templates reads no database."""
    known = g.setdefault("recorded", {})
    if known.keys() >= LANGUAGES.keys() or not _reads_aloud(app, template.name):
        return
    every = {language: {} for language in LANGUAGES}
    rows = get_session().exec(select(Recording.language, Recording.text_key, Recording.digest))
    for language, text_key, digest in rows:
        every.setdefault(language, {})[text_key] = digest
    known.update(every)


def _reads_aloud(app, name: str | None) -> bool:
    """Whether the template, or one it extends, includes or calls a shared macro of, marks texts
    with `say` (a page drawn while the database is away, such as the outage page, must not need
    it)."""
    if name is None:  # a template made from a string
        return True
    return made_once(("reads aloud", name), lambda: _says(app, name, set()))


def _says(app, name: str, seen: set[str]) -> bool:
    seen.add(name)
    environment = app.jinja_env
    source, _filename, _uptodate = environment.loader.get_source(environment, name)
    parsed = environment.parse(source)
    if any(node.name == "say" for node in parsed.find_all(nodes.Name)):
        return True
    return any(
        other not in seen and _says(app, other, seen)
        for other in _referenced(parsed, app.extensions["shared_macros"])
    )


def _referenced(parsed, shared_macros: dict[str, str]) -> set[str]:
    """The templates a template extends, includes or imports, each branch of a condition
    (`extends "participant_base.html" if g.participant else "base.html"`) included, and the
    files of the shared macros it calls (`web.SHARED_MACROS`)."""
    names = set()
    for node in parsed.find_all((nodes.Extends, nodes.Include, nodes.Import, nodes.FromImport)):
        found = [node.template, *node.template.find_all(nodes.Const)]
        names |= {c.value for c in found if isinstance(c, nodes.Const) and isinstance(c.value, str)}
    names |= {shared_macros[n.name] for n in parsed.find_all(nodes.Name) if n.name in shared_macros}
    return names


def address(text: str, language: str) -> tuple[str | None, bool]:
    """Where this text's audio is (without the format's ending) and whether it is recorded;
    None when it has neither a recording nor a server voice."""
    text_key = texts.key(text)
    digest = recorded(language).get(text_key)
    if digest is None and not voice.available(language):
        return None, False
    return _url(language, text_key, digest or voice.fingerprint(language)), bool(digest)


def _url(language: str, text_key: str, fingerprint: str) -> str:
    return url_for(
        "speech.audio_file",
        language=language,
        text_key=text_key,
        fingerprint=fingerprint,
        format="ogg",
    )


def recording_address(recording: Recording) -> str:
    return _url(recording.language, recording.text_key, recording.digest)


def server_voice() -> bool:
    """Whether the server reads this page's language aloud (for the read-aloud button)."""
    return voice.available(code())


def say(text, language: str | None = None) -> Markup:
    """Attributes for an element that holds a fixed text: read aloud in the page's order, in
    the page's language or in `language` (a text shown in Swedish because it has no
    translation is read with a Swedish voice)."""
    url, is_recorded = address(str(text), language or code())
    if url is None:
        return Markup(" data-say")
    marked = Markup(' data-say="%s"') % url
    return marked + Markup(" data-say-recorded") if is_recorded else marked


def _kept(voice_name: str, text_key: str, format: str) -> bytes | None:
    row = (
        get_session()
        .exec(
            select(SpokenAudio.audio).where(
                SpokenAudio.voice == voice_name,
                SpokenAudio.text_key == text_key,
                SpokenAudio.format == format,
            )
        )
        .first()
    )
    return row


def _keep(voice_name: str, text_key: str, format: str, make) -> bytes:
    """The kept audio, or `make()`'s, kept for next time (once, however many ask at once)."""
    audio = _kept(voice_name, text_key, format)
    if audio is not None:
        return audio
    audio = make()
    db = get_session()
    try:
        with attempt():
            db.add(SpokenAudio(voice=voice_name, text_key=text_key, format=format, audio=audio))
    except IntegrityError:  # another request made it at the same moment
        return audio
    save_changes()
    return audio


def find(language: str, text_key: str, fingerprint: str, format: str) -> bytes | None:
    """The audio at this address, made now if it is the server voice of a fixed text; None
    when the address is not (or no longer) right."""
    db = get_session()
    recording = db.exec(
        select(Recording).where(Recording.language == language, Recording.text_key == text_key)
    ).first()
    if recording is not None and recording.digest == fingerprint:
        if format == "ogg":
            return recording.audio
        return _keep(
            f"recording {recording.digest}",
            text_key,
            format,
            lambda: sound.encode(recording.audio, format),
        )
    if not voice.available(language) or fingerprint != voice.fingerprint(language):
        return None
    name = voice.name(language)
    audio = _kept(name, text_key, format)
    if audio is not None:
        return audio
    text = texts.fixed_texts(language).get(text_key)
    if text is None:
        return None
    return _keep(name, text_key, format, lambda: voice.speak(text, language, format))
