"""The access matrix's rows for the access reports: auditors and administrators only."""

AUDITORS = {"auditor", "admin"}

ROUTES = {
    "auditing.index": ("GET", "/granskning/", {}, AUDITORS),
    "auditing.participant_report": ("GET", "/granskning/deltagare?id={anna}", {}, AUDITORS),
    "auditing.participant_csv": ("GET", "/granskning/deltagare/csv?id={anna}", {}, AUDITORS),
    # The world names no staff member by id: without one the report sends back to the choice.
    "auditing.staff_report": ("GET", "/granskning/personal", {}, AUDITORS),
    "auditing.staff_csv": ("GET", "/granskning/personal/csv", {}, AUDITORS),
    # Its GET shows what the POST saves a check of; the crawl shows the GET to auditors.
    "auditing.log_review": ("POST", "/granskning/kontroll", {"note": "Inget."}, AUDITORS),
}
