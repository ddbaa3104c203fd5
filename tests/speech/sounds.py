"""Small sound files made in the test: a tone, silence, and a file that is not sound."""

import io
import math
import struct
import wave

RATE = 8000


def wav(seconds: float = 1.0, loud: bool = True, pitch: int = 440) -> bytes:
    """A mono WAV file: a tone, or silence."""
    frames = int(seconds * RATE)
    volume = 12000 if loud else 0
    samples = (int(volume * math.sin(2 * math.pi * pitch * n / RATE)) for n in range(frames))
    out = io.BytesIO()
    with wave.open(out, "wb") as file:
        file.setnchannels(1)
        file.setsampwidth(2)
        file.setframerate(RATE)
        file.writeframes(b"".join(struct.pack("<h", s) for s in samples))
    return out.getvalue()


class File(io.BytesIO):
    """A file that can be posted again: the test client closes what it sent, and this one is
    then ready to be read from the start (the fuzz tests post the same form many times)."""

    def close(self):
        self.seek(0)


def upload(data: bytes, name: str = "inspelning.wav") -> tuple[io.BytesIO, str]:
    """A file as a form posts it."""
    return File(data), name
