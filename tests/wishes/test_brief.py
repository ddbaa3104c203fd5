"""What the case officer sees: the piles, the participant's text, and what changed since."""

from datetime import timedelta

import pytest
from sqlmodel import select

from app.models import AuditEvent, Unit, utcnow
from app.wishes import brief
from app.wishes.models import Wish, WishCard, WishNote
from tests.conftest import page

NOW = utcnow()


@pytest.fixture
def sorted_long_ago(db, anna):
    """Anna sorted four cards 40 days ago, then moved one and added two 2 days ago."""
    cards = {c.key: c.id for c in db.exec(select(WishCard))}

    def wish(key, pile, days_ago):
        db.add(
            Wish(
                participant_id=anna.id,
                card_id=cards[key],
                pile=pile,
                created_at=NOW - timedelta(days=days_ago),
            )
        )

    wish("djur", "like", 40)
    wish("musik", "like", 40)
    wish("stada", "dislike", 40)
    wish("datorer", "not_sure", 40)
    wish("datorer", "want_to_try", 2)
    wish("kafe", "like", 2)
    wish("lager", "not_sure", 2)
    wish("lager", "want_to_try", 1)
    db.add(WishNote(participant_id=anna.id, text="Hästar", created_at=NOW - timedelta(days=40)))
    db.add(WishNote(participant_id=anna.id, text="Hästar och bilar", created_at=NOW))
    db.commit()


def summary(result):
    piles = {p.key: [c.card.key for c in cards] for p, cards in result.piles}
    changes = [
        (c.card.key, c.before.key if c.before else None, c.after.key) for c in result.changes
    ]
    return piles, changes


def test_the_current_piles_and_the_changes_since_the_last_follow_up(
    in_request, anna, sorted_long_ago
):
    with in_request():
        result = brief.wishes_for_brief(anna.id, since=NOW - timedelta(days=10))
    piles, changes = summary(result)
    assert piles == {
        "like": ["djur", "kafe", "musik"],
        "not_sure": [],
        "dislike": ["stada"],
        "want_to_try": ["datorer", "lager"],
    }
    # Newest first; a card sorted after `since` is new, even if moved again since.
    assert changes == [
        ("lager", None, "want_to_try"),
        ("kafe", None, "like"),
        ("datorer", "not_sure", "want_to_try"),
    ]
    assert result.note == "Hästar och bilar"
    assert result.note_changed


def test_nothing_changed_since_a_moment_after_the_last_change(in_request, anna, sorted_long_ago):
    with in_request():
        result = brief.wishes_for_brief(anna.id, since=NOW + timedelta(minutes=1))
    assert summary(result)[1] == []
    assert not result.note_changed


def test_without_a_follow_up_the_changes_are_the_moves_since_first_sorting(
    in_request, anna, sorted_long_ago
):
    with in_request():
        result = brief.wishes_for_brief(anna.id, since=None)
    assert summary(result)[1] == [
        ("lager", "not_sure", "want_to_try"),
        ("datorer", "not_sure", "want_to_try"),
    ]
    assert result.note_changed


def test_the_state_long_ago_is_still_there(in_request, anna, sorted_long_ago):
    """History is kept: the brief since before anything was sorted lists every card as new."""
    with in_request():
        result = brief.wishes_for_brief(anna.id, since=NOW - timedelta(days=100))
    assert {key for key, before, _after in summary(result)[1] if before is None} == {
        "djur",
        "musik",
        "stada",
        "datorer",
        "kafe",
        "lager",
    }


def test_a_card_moved_back_is_no_change(in_request, db, anna, card):
    for pile, days in [("like", 40), ("dislike", 5), ("like", 1)]:
        db.add(
            Wish(
                participant_id=anna.id,
                card_id=card("musik").id,
                pile=pile,
                created_at=NOW - timedelta(days=days),
            )
        )
    db.commit()
    with in_request():
        assert brief.wishes_for_brief(anna.id, NOW - timedelta(days=10)).changes == []
        assert len(brief.history(anna.id)) == 3


def test_nobody_has_sorted_anything(in_request, anna):
    with in_request():
        result = brief.wishes_for_brief(anna.id)
    assert result.empty and result.changes == [] and result.note == ""


def test_the_brief_fragment_renders_piles_changes_and_text(app, anna, sorted_long_ago):
    from bs4 import BeautifulSoup
    from flask import render_template

    with app.test_request_context():
        wishes = brief.wishes_for_brief(anna.id, NOW - timedelta(days=10))
        soup = BeautifulSoup(render_template("wishes/_brief.html", wishes=wishes), "html.parser")
    changes = [li.get_text(" ", strip=True) for li in soup.select(".wish-changes li")]
    assert changes[0].startswith("Lager: nytt kort under Jag vill prova")
    assert changes[2].startswith("Datorer: flyttat från Vet inte till Jag vill prova")
    assert changes[3].startswith("Något annat? ny text")
    headings = [h.get_text(" ", strip=True) for h in soup.select(".brief-pile h3")]
    assert headings == [
        "Jag gillar (3)",
        "Vet inte (0)",
        "Jag gillar inte (1)",
        "Jag vill prova (2)",
    ]
    assert soup.select_one(".wish-own-words").get_text(strip=True) == "Hästar och bilar"
    assert all(img["alt"] == "" for img in soup.select("img"))


def test_the_case_officer_sees_wishes_on_the_participant_page(
    client, db, anna, sorted_long_ago, login_as
):
    from app.models import StaffUser

    karin = db.get(StaffUser, anna.case_officer_id)
    login_as(client, karin)
    soup = page(client.get(f"/personal/deltagare/{anna.id}"))
    section = soup.select_one("section#wishes")
    assert section.h2.get_text(strip=True) == "Önskemål"
    like = section.select(".brief-pile.pile-like li")
    assert [li.get_text(strip=True) for li in like] == ["Djur", "Kafé", "Musik"]
    assert "Ändrat sedan första gången" in section.get_text()
    changes = [li.get_text(" ", strip=True) for li in section.select(".wish-changes li")]
    assert changes[0].startswith("Lager: flyttat från Vet inte till Jag vill prova")
    assert len(section.select(".wish-history tbody tr")) == 10
    events = db.exec(select(AuditEvent).where(AuditEvent.participant_id == anna.id)).all()
    assert [e.action for e in events][-1] == "participant.view"

    # Since a date the case officer picks (Swedish time).
    day = (NOW - timedelta(days=10)).date().isoformat()
    soup = page(client.get(f"/personal/deltagare/{anna.id}?sedan={day}"))
    assert soup.select_one("#wishes-since")["value"] == day
    changes = [li.get_text(" ", strip=True) for li in soup.select(".wish-changes li")]
    assert [c.split(":")[0] for c in changes[:3]] == ["Lager", "Kafé", "Datorer"]
    # A date that is not a date is ignored.
    soup = page(client.get(f"/personal/deltagare/{anna.id}?sedan=igår"))
    assert "Ändrat sedan första gången" in soup.select_one("#wishes").get_text()


@pytest.mark.parametrize("who", ["supervisor", "admin", "other_case_officer"])
def test_nobody_else_sees_the_wishes(client, db, anna, sorted_long_ago, make_staff, login_as, who):
    """Supervisors may see wishes only with the participant's consent (not in the app yet)."""
    if who == "supervisor":
        staff = make_staff("supervisor", units=[db.get(Unit, anna.unit_id)])
    elif who == "admin":
        staff = make_staff("admin")
    else:
        staff = make_staff("case_officer")
    login_as(client, staff)
    response = client.get(f"/personal/deltagare/{anna.id}")
    if who == "other_case_officer":
        assert response.status_code == 404
        return
    soup = page(response)
    assert not soup.select("#wishes")
    assert "Hästar" not in soup.get_text()


def test_wishes_as_such_are_read_only_by_the_own_case_officer(db, anna, make_staff, in_request):
    from app.access import reads_answers
    from app.models import StaffUser

    karin = db.get(StaffUser, anna.case_officer_id)
    others = [make_staff(role) for role in ["supervisor", "admin", "case_officer"]]
    with in_request():
        assert reads_answers(karin, anna)
        for staff in others:
            assert not reads_answers(staff, anna)
