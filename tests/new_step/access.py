"""The new step's rows of the access matrix (tests/test_access.py). In the plain world Anna is in
daily activity: her step pages send her home, and no support person supports her;
tests/new_step/test_access.py puts her in a step."""

from sqlmodel import select

from app.models import StaffUser
from tests.actors import PARTICIPANTS


def a_support_person(db, ids):
    return db.exec(select(StaffUser.id).where(StaffUser.role == "support_person")).first()


SUPPORT_PEOPLE = {"support_person", "support_person_elsewhere"}

ROUTES = {
    "new_step.questions": ("GET", "/mitt-steg/fragor", {}, PARTICIPANTS),
    "new_step.question": ("GET", "/mitt-steg/fraga/how_it_is", {}, PARTICIPANTS),
    "new_step.thanks": ("GET", "/mitt-steg/tack", {}, PARTICIPANTS),
    "new_step.come_back": ("POST", "/mitt-steg/tillbaka", {}, PARTICIPANTS),
    "new_step.consent": ("GET", "/mitt-steg/vem-far-se", {}, PARTICIPANTS),
    "new_step.start": (
        "POST",
        "/personal/deltagare/{anna}/nytt-steg",
        {
            "kind": "work",
            "support_months": "12",
            "support_by": a_support_person,
            "checkin_days": "14",
        },
        {"case_officer", "admin"},
    ),
    "new_step.restart": (
        "POST",
        "/personal/deltagare/{anna}/aterstarta",
        {},
        {"case_officer", "admin"},
    ),
    "new_step.people": ("GET", "/personal/stod", {}, SUPPORT_PEOPLE),
    "new_step.person": ("GET", "/personal/stod/{anna}", {}, set()),
    "new_step.answers": ("GET", "/personal/stod/{anna}/svar", {}, set()),
    "new_step.hand_over": ("POST", "/personal/stod/{anna}/lamna-over", {}, set()),
}
