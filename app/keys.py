"""Readable keys for what admins add to a catalogue (a wish card, an alternative)."""

import re
import unicodedata
from collections.abc import Callable


def readable_key(text: str, fallback: str, taken: Callable[[str], bool]) -> str:
    """A short, unused address made from Swedish text: "Måla och rita" → "mala-och-rita"."""
    plain = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:50] or fallback
    key, number = base, 1
    while taken(key):
        number += 1
        key = f"{base}-{number}"
    return key
