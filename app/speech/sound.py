"""Audio on the server with ffmpeg: made small (Ogg Opus, or MP3 for a browser without Opus),
and measured (how long, how loud), so a recording that is not audio or is silent is refused."""

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from functools import cache

# Speech needs little: one channel, Opus at 24 kbit/s (3 kB a second).
FORMATS = {
    "ogg": ("audio/ogg", ["-c:a", "libopus", "-b:a", "24k", "-application", "voip", "-f", "ogg"]),
    "mp3": ("audio/mpeg", ["-c:a", "libmp3lame", "-b:a", "32k", "-ar", "22050", "-f", "mp3"]),
}
MEASURE_RATE = 16000
TIMEOUT = 60


class NotAudio(ValueError):
    """ffmpeg could not read the file as sound."""


@dataclass(frozen=True)
class Measure:
    seconds: float
    loudest_db: float


@cache
def ffmpeg() -> str | None:
    """Where ffmpeg is, or None: then the app offers no server voice and takes no recording."""
    return shutil.which("ffmpeg")


def _run(arguments: list[str], data: bytes) -> subprocess.CompletedProcess:
    """ffmpeg on a file: a pipe cannot be read back, and some recordings (MP4) need that."""
    with tempfile.NamedTemporaryFile(suffix=".audio") as source:
        source.write(data)
        source.flush()
        command = [ffmpeg(), "-hide_banner", "-nostdin", "-i", source.name, "-vn", *arguments]
        result = subprocess.run(command, capture_output=True, timeout=TIMEOUT, check=False)  # noqa: S603
    if result.returncode != 0:
        raise NotAudio(result.stderr.decode(errors="replace")[-300:])
    return result


def encode(data: bytes, format: str = "ogg") -> bytes:
    """Any sound ffmpeg can read, as small mono audio in this format."""
    audio = _run(["-ac", "1", *FORMATS[format][1], "pipe:1"], data).stdout
    if not audio:
        raise NotAudio("no sound")
    return audio


def measure(data: bytes) -> Measure:
    """How long the sound is and how loud its loudest moment (dB below full scale)."""
    chain = f"aformat=sample_fmts=s16:sample_rates={MEASURE_RATE}:channel_layouts=mono,volumedetect"
    log = _run(["-af", chain, "-f", "null", "-"], data).stderr.decode(errors="replace")
    samples = re.search(r"n_samples: (\d+)", log)
    loudest = re.search(r"max_volume: (-?[\d.]+|-inf) dB", log)
    if not samples or not loudest or not int(samples[1]):
        raise NotAudio("no sound")
    return Measure(int(samples[1]) / MEASURE_RATE, float(loudest[1]))
