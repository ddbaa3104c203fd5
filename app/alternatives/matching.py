"""Which alternatives answer the check-in's "Vill du prova något nytt?"."""

from sqlmodel import select

from ..db import get_session
from .catalogue import sort_key
from .models import Alternative

# Check-in choice → alternative keys (from the default catalogue), in the order to show them.
MATCHES = {
    "internship": ["praktik", "iwork", "stod-till-jobb"],
    "job": ["iwork", "stod-till-jobb", "sius", "lonebidrag", "serviceassistent", "samhall"],
    "studies": ["folkhogskola", "komvux"],
    "another_activity": ["annan-daglig-verksamhet", "steg-for-steg"],
}


def for_choices(choice_keys) -> list[Alternative]:
    """The shown alternatives that match these answers, each once, in catalogue order."""
    wanted = {key for choice in choice_keys for key in MATCHES.get(choice, [])}
    if not wanted:
        return []
    found = get_session().exec(
        select(Alternative).where(Alternative.key.in_(wanted), Alternative.hidden.is_(False))
    )
    return sorted(found, key=sort_key)
