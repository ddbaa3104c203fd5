"""The server's voice: Debian's espeak-ng speaks a text, ffmpeg makes it small.

Used when a text has no recording and the phone has no voice for the language. Everything
runs on this server: no text is sent anywhere else.
"""

import hashlib
import shutil
import subprocess
from functools import cache

from flask import current_app

from . import sound

# espeak-ng's voice for each language of the app.
VOICES = {"sv": "sv", "en": "en-gb", "ar": "ar"}
# Words a minute: calmer than espeak-ng's 175, for listeners who need time.
RATE = 150
MAX_TEXT = 1000


@cache
def engine() -> str | None:
    """espeak-ng's name and version, or None when it or ffmpeg is missing (no server voice)."""
    espeak = shutil.which("espeak-ng")
    if espeak is None or sound.ffmpeg() is None:
        return None
    result = subprocess.run([espeak, "--version"], capture_output=True, text=True, check=False)  # noqa: S603
    # "eSpeak NG text-to-speech: 1.51  Data at: …"
    version = result.stdout.partition("text-to-speech:")[2].split()[:1]
    return "espeak-ng " + (version[0] if version else "?")


def available(language: str) -> bool:
    """Whether the server can speak this language (it may be turned off: SERVER_VOICE)."""
    return current_app.config["SERVER_VOICE"] and engine() is not None and language in VOICES


def name(language: str) -> str:
    """The voice with everything that changes its sound: a new version makes new audio."""
    return f"{language} {VOICES[language]} {engine()} {RATE} {sound.FORMATS['ogg'][1][3]}"


@cache
def fingerprint(language: str) -> str:
    return "v" + hashlib.sha256(name(language).encode()).hexdigest()[:9]


def speak(text: str, language: str, format: str = "ogg") -> bytes:
    """The text read by the server's voice, as small audio."""
    command = ["espeak-ng", "-v", VOICES[language], "-s", str(RATE), "-b", "1", "--stdout"]
    spoken = subprocess.run(  # noqa: S603
        command, input=text[:MAX_TEXT].encode(), capture_output=True, timeout=sound.TIMEOUT
    )
    if spoken.returncode != 0 or not spoken.stdout:
        raise sound.NotAudio(spoken.stderr.decode(errors="replace")[-300:])
    wave = spoken.stdout
    return sound.encode(wave, format)
