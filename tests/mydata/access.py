"""The access matrix rows of "Mina uppgifter" (see tests/test_access.py)."""

ADMIN = {"admin"}

ROUTES = {
    "mydata.mine": ("GET", "/mina-uppgifter", {}, {"participant", "other_participant"}),
    "mydata.delete_draft": (
        "POST",
        "/mina-uppgifter/svar/{check_in}/ta-bort",
        {},
        {"participant"},
    ),
    # Administrators do not read answers: only the case officer opens them as a page or a file.
    "mydata.for_staff": ("GET", "/personal/deltagare/{anna}/uppgifter", {}, {"case_officer"}),
    "mydata.export_json": (
        "GET",
        "/personal/deltagare/{anna}/uppgifter.json",
        {},
        {"case_officer"},
    ),
    # ... and an administrator's data-rights export is a deliberate step with a stated reason.
    "mydata.break_glass": (
        "POST",
        "/admin/deltagare/{anna}/utlamning",
        {"reason": "access", "reference": "KS 2026/123"},
        ADMIN,
    ),
}
