"""The access matrix's rows for "Vem får se?": only the participant themself."""

from tests.actors import PARTICIPANTS

ROUTES = {
    "consent.page": ("GET", "/vem-far-se", {}, PARTICIPANTS),
    "consent.choose": (
        "POST",
        "/vem-far-se",
        {"area": "checkins", "answer": "ja"},
        PARTICIPANTS,
    ),
}
