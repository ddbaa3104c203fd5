"""The access matrix rows of administration (see tests/test_access.py)."""

from sqlmodel import select

from app.models import LoginCard, StaffUser


def newest_card(db, participant_id):
    """What the page's form would carry: the newest card as the page was shown."""
    db.expire_all()
    ids = db.exec(select(LoginCard.id).where(LoginCard.participant_id == participant_id)).all()
    return max(ids, default=0)


def supervisor_id(db):
    """The world's supervisor at Anna's unit (its first staff member)."""
    return db.exec(select(StaffUser.id).where(StaffUser.username == "supervisor1")).one()


ADMIN = {"admin"}

ROUTES = {
    "admin.import_file": ("GET", "/admin/import", {}, ADMIN),
    # Without a preview of one's own, the save starts again at the upload.
    "admin.import_save": ("POST", "/admin/import/spara", {}, ADMIN),
    "admin.edit_staff": (
        "POST",
        "/admin/personal/andra",
        {
            "id": lambda db, ids: supervisor_id(db),
            "display_name": "Sara",
            "role": "supervisor",
            "units": "{unit}",
            "active": "y",
        },
        ADMIN,
    ),
    "admin.edit_participant": (
        "POST",
        "/admin/deltagare/{anna}",
        {
            "first_name": "Anna",
            "language": "sv",
            "unit": "{unit}",
            "case_officer": "0",
            "gender": "woman",
        },
        ADMIN,
    ),
    "admin.end_participant": (
        "POST",
        "/admin/deltagare/{anna}/avsluta",
        {"reason": "work"},
        ADMIN,
    ),
    "admin.card_list_page": ("GET", "/admin/kort", {}, ADMIN),
    "admin.revoke_card": ("POST", "/admin/kort/{card}/sparra", {}, ADMIN),
    "admin.new_card": (
        "POST",
        "/admin/deltagare/{anna}/nytt-kort",
        {"cards_seen": lambda db, ids: newest_card(db, ids["anna"])},
        ADMIN,
    ),
    "admin.unit_cards": (
        "POST",
        "/admin/enheter/{unit}/kort",
        {"participant": "{anna}", "cards_seen": lambda db, ids: newest_card(db, ids["anna"])},
        ADMIN,
    ),
}
