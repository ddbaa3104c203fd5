"""The recording form: one sound file, recorded in the browser or chosen from the computer."""

from flask_wtf import FlaskForm
from flask_wtf.file import FileField

from ..i18n import lazy_gettext as _l

# Why a recording was refused (recordings.RecordingError), said so the person can fix it.
PROBLEMS = {
    "no_file": _l("Spela in texten, eller välj en ljudfil."),
    "too_large": _l("Filen är för stor. Den får vara högst 2 MB."),
    "too_long": _l("Inspelningen är för lång. Den får vara högst 30 sekunder."),
    "silent": _l("Inspelningen är tyst. Kolla mikrofonen och spela in igen."),
    "not_audio": _l("Filen är inte ljud. Välj en ljudfil, till exempel MP3, Ogg, WebM eller WAV."),
    "cannot_check": _l("Servern kan inte ta emot ljud nu: programmet ffmpeg saknas."),
}


class RecordingForm(FlaskForm):
    audio = FileField(
        _l("Ljudfil"),
        description=_l("Högst 30 sekunder och 2 MB. MP3, Ogg, WebM, M4A eller WAV."),
    )
