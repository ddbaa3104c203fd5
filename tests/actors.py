"""Who the access matrix tries every route as."""

PARTICIPANTS = {"participant", "other_participant"}
STAFF = {
    "supervisor_elsewhere",
    "case_officer_elsewhere",
    "supervisor",
    "case_officer",
    "admin",
    "manager",
    "auditor",
}
EVERYONE = {"anonymous"} | PARTICIPANTS | STAFF
# In a fixed order, so test ids and failures read the same every run.
ACTORS = sorted(EVERYONE)
