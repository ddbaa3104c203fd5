"""The case officer: the caseload flag, the brief's "Vill veta mer om", and the follow-up."""

from datetime import date, timedelta

from sqlmodel import select

from app.models import AuditEvent
from tests.conftest import page

from .helpers import make_interest


def test_caseload_flags_open_interests_until_followed_up(karin_client, anna, db, make_meeting):
    make_meeting(anna)
    assert not page(karin_client.get("/personal/")).select(".flag-know-more")
    interest_id = make_interest(db, anna.id)
    flag = page(karin_client.get("/personal/")).select_one(".flag-know-more")
    assert flag.get_text(strip=True) == "Vill veta mer"
    karin_client.post(
        f"/personal/intressen/{interest_id}/uppfoljning",
        data={"kind": "talked", "day": date.today().isoformat()},
    )
    assert not page(karin_client.get("/personal/")).select(".flag-know-more")


def test_the_brief_lists_interests_and_the_follow_up(
    karin_client, anna, db, make_meeting, follow_ups
):
    meeting = make_meeting(anna)
    interest_id = make_interest(db, anna.id, "samhall")
    soup = page(karin_client.get(f"/personal/moten/{meeting.id}"))
    heading = soup.select_one(".brief-interests-heading")
    assert heading.get_text(strip=True) == "Vill veta mer om"
    item = soup.select_one(f"#interest-{interest_id}")
    assert "Samhall" in item.text and item.select_one(".interest-waiting")
    link = item.select_one("a.no-print")
    assert link["href"].startswith(f"/personal/intressen/{interest_id}/uppfoljning?tillbaka=")

    form_page = page(karin_client.get(link["href"]))
    assert "Samhall" in form_page.h1.text and "Anna" in form_page.h1.text
    response = karin_client.post(
        f"/personal/intressen/{interest_id}/uppfoljning",
        data={
            "kind": "referred",
            "text": "IWork",
            "day": date.today().isoformat(),
            "tillbaka": f"/personal/moten/{meeting.id}",
        },
    )
    assert response.status_code == 303
    assert response.headers["Location"] == f"/personal/moten/{meeting.id}"
    [row] = follow_ups()
    assert (row.kind, row.text, row.day, row.staff_id) == (
        "referred",
        "IWork",
        date.today(),
        row.staff_id,
    )
    done = page(karin_client.get(f"/personal/moten/{meeting.id}")).select_one(
        f"#interest-{interest_id} .interest-done"
    )
    assert "Skickat vidare till IWork" in done.get_text(" ", strip=True)


def test_withdrawn_interests_leave_the_brief(karin_client, anna, db, make_meeting, interests_of):
    meeting = make_meeting(anna)
    make_interest(db, anna.id)
    [row] = interests_of(anna)
    row.withdrawn_at = row.created_at
    db.add(row)
    db.commit()
    soup = page(karin_client.get(f"/personal/moten/{meeting.id}"))
    assert not soup.select(".brief-interests li")
    assert "Inget just nu." in soup.text
    assert karin_client.get(f"/personal/intressen/{row.id}/uppfoljning").status_code == 404


def test_follow_up_bad_input_is_refused_with_the_input_kept(karin_client, anna, db, follow_ups):
    interest_id = make_interest(db, anna.id)
    url = f"/personal/intressen/{interest_id}/uppfoljning"
    cases = [
        ({"kind": "talked", "text": "x" * 121, "day": date.today().isoformat()}, "#text-error"),
        ({"kind": "referred", "text": "", "day": date.today().isoformat()}, "#text-error"),
        ({"kind": "talked", "day": (date.today() + timedelta(days=2)).isoformat()}, "#day-error"),
        ({"kind": "talked", "day": "igår"}, "#day-error"),
        ({"kind": "hacked", "day": date.today().isoformat()}, "#kind-error"),
        ({"day": date.today().isoformat()}, "#kind-error"),
    ]
    for data, error in cases:
        soup = page(karin_client.post(url, data=data), status=422)
        assert soup.title.string.startswith("Fel:"), data
        assert soup.select_one(error), (data, error)
        assert soup.select_one(".error-summary")
        if data.get("text"):
            assert soup.select_one("#text")["value"] == data["text"]
    assert follow_ups() == []
    assert karin_client.post(url, data={"kind": "talked"}, csrf=False).status_code == 400
    assert follow_ups() == []


def test_only_the_own_case_officer_follows_up(
    app, anna, db, make_staff, login_as, follow_ups, make_participant, karin_client
):
    interest_id = make_interest(db, anna.id)
    other = make_staff("case_officer", username="olle")
    client = app.test_client()
    login_as(client, other)
    url = f"/personal/intressen/{interest_id}/uppfoljning"
    assert client.get(url).status_code == 404
    assert client.post(url, data={"kind": "talked", "day": "2024-01-01"}).status_code == 404
    assert karin_client.get("/personal/intressen/999999/uppfoljning").status_code == 404
    assert follow_ups() == []
    # Another participant's interest, with Karin's own login: not hers to see.
    bea = make_participant("Bea", case_officer=other)
    bea_interest = make_interest(db, bea.id)
    assert karin_client.get(f"/personal/intressen/{bea_interest}/uppfoljning").status_code == 404


def test_following_up_is_audit_logged_and_never_leaves_the_app(karin_client, anna, db):
    interest_id = make_interest(db, anna.id)
    response = karin_client.post(
        f"/personal/intressen/{interest_id}/uppfoljning",
        data={"kind": "talked", "day": "2024-01-01", "tillbaka": "//evil.example/personal/"},
    )
    assert response.headers["Location"] == f"/personal/deltagare/{anna.id}"
    actions = db.exec(select(AuditEvent.action).where(AuditEvent.participant_id == anna.id)).all()
    assert "interest.follow_up" in actions
