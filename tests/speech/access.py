"""Read-aloud's rows of the access matrix."""

from app.speech import texts, voice
from tests.actors import EVERYONE, PARTICIPANTS

from .sounds import upload, wav

GOOD = texts.key("Bra")
# The server voice of "Bra": the address a question page gives its first answer.
AUDIO = f"/ljud/sv/{GOOD}.{voice.fingerprint('sv')}.ogg"

ROUTES = {
    "speech.audio_file": ("GET", AUDIO, {}, EVERYONE),
    "speech.own_text": ("POST", "/ljud/las-upp", {"text": "Hej Anna!"}, PARTICIPANTS),
    "speech.admin_list": ("GET", "/admin/ljud", {}, {"admin"}),
    "speech.admin_record": (
        "POST",
        f"/admin/ljud/sv/{GOOD}",
        {"audio": lambda db, ids: upload(wav(1.0))},
        {"admin"},
    ),
    "speech.admin_remove": ("POST", f"/admin/ljud/sv/{GOOD}/ta-bort", {}, {"admin"}),
}
