"""The audio of a text: a recording or the server's voice, at a fingerprinted address."""

from flask import abort, make_response, request

from ..access import participant_required
from ..extensions import limiter
from ..fingerprint import IMMUTABLE
from ..i18n import LANGUAGES, code
from . import audio, bp, sound, texts, voice

MAX_OWN_TEXT = 600


def _audio_response(data: bytes, format: str, cache_control: str):
    response = make_response(data)
    response.mimetype = sound.FORMATS[format][0]
    response.headers["Cache-Control"] = cache_control
    return response


@bp.get("/ljud/<language>/<text_key>.<fingerprint>.<any(ogg, mp3):format>")
def audio_file(language, text_key, fingerprint, format):
    """A fixed text read aloud. The address changes when the audio does: kept for a year."""
    if language not in LANGUAGES:
        abort(404)
    data = audio.find(language, text_key, fingerprint, format)
    if data is None:
        abort(404)
    return _audio_response(data, format, IMMUTABLE)


@bp.post("/ljud/las-upp")
@participant_required
@limiter.limit("60 per minute")
def own_text():
    """A text that is not fixed (a name, a goal, a date) read by the server's voice, for a
    phone without a voice of its own. Made for this request and kept nowhere."""
    text = " ".join(request.form.get("text", "").split())
    format = request.form.get("format", "ogg")
    language = code()
    if not text or len(text) > MAX_OWN_TEXT or format not in sound.FORMATS:
        abort(400)
    recording = audio.recorded(language).get(texts.key(text))
    if recording is not None:
        data = audio.find(language, texts.key(text), recording, format)
    elif voice.available(language):
        data = voice.speak(text, language, format)
    else:
        abort(404)
    return _audio_response(data, format, "no-store")
