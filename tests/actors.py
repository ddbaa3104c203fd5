"""Who the access matrix tries every route as."""

PARTICIPANTS = {"participant", "other_participant"}
# Anna's check-in on her supervisor's device ("Hjälp Anna med frågorna"): the check-in only.
HAND_OVER = "hand_over"
STAFF = {
    "supervisor_elsewhere",
    "case_officer_elsewhere",
    "supervisor",
    "case_officer",
    "admin",
    "manager",
    "auditor",
    # Gives the support after Anna's step to work (tests/new_step/test_access.py puts her in one);
    # the other supports somebody else.
    "support_person",
    "support_person_elsewhere",
}
EVERYONE = {"anonymous", HAND_OVER} | PARTICIPANTS | STAFF
# In a fixed order, so test ids and failures read the same every run.
ACTORS = sorted(EVERYONE)
# Who opens the check-in pages: Anna with her card, or Anna on her supervisor's device.
CHECK_IN = {"participant", HAND_OVER}
