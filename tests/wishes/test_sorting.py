"""Sorting as history: each placement is a new row, the current piles are the latest rows."""

from datetime import timedelta

import pytest
from sqlmodel import select

from app.models import Participant, Unit
from app.wishes import catalogue, sorting
from app.wishes.models import Wish, WishNote


def test_a_fresh_database_has_the_default_catalogue(in_request):
    with in_request():
        cards = catalogue.visible_cards()
        assert len(cards) == len(catalogue.DEFAULT_CARDS) == 30
        assert [c.group for c in cards] == sorted(
            (c.group for c in cards), key=catalogue.GROUP_KEYS.index
        )
        djur = catalogue.find("djur")
        assert djur.words == {"sv": "Djur", "en": "Animals"}
        assert djur.word("en") == "Animals"
        assert djur.word("ar") == "Djur", "a language without a word falls back to Swedish"
        assert catalogue.ensure_defaults() == 0, "the migration put every default card in"


def test_placing_stores_a_row_per_change_and_none_for_the_same_pile(in_request, anna, wishes):
    with in_request() as db:
        person, djur = db.get(Participant, anna.id), catalogue.find("djur")
        assert sorting.place(person, djur, "like") is not None
        assert sorting.place(person, djur, "like") is None, "a double tap stores one row"
        assert sorting.place(person, djur, "want_to_try") is not None
        assert sorting.state(anna.id)[djur.id].pile == "want_to_try"
    assert wishes(anna) == [("djur", "like"), ("djur", "want_to_try")]


def test_the_state_at_a_moment_in_the_past(in_request, anna):
    with in_request() as db:
        person, musik = db.get(Participant, anna.id), catalogue.find("musik")
        first = sorting.place(person, musik, "like")
        first.created_at -= timedelta(days=10)
        db.add(first)
        db.commit()
        sorting.place(person, musik, "dislike")
        then = sorting.state(anna.id, at=first.created_at + timedelta(days=1))
        assert then[musik.id].pile == "like"
        assert sorting.state(anna.id)[musik.id].pile == "dislike"
        assert sorting.state(anna.id, at=first.created_at - timedelta(days=1)) == {}


def test_hidden_cards_and_unknown_piles_are_refused(in_request, anna, wishes):
    with in_request() as db:
        person, djur = db.get(Participant, anna.id), catalogue.find("djur")
        with pytest.raises(ValueError):
            sorting.place(person, djur, "love")
        djur.hidden = True
        with pytest.raises(ValueError):
            sorting.place(person, djur, "like")
    assert wishes(anna) == []


def test_the_walk_goes_to_the_next_unsorted_card(in_request, anna):
    with in_request() as db:
        person = db.get(Participant, anna.id)
        cards = catalogue.visible_cards()
        assert sorting.next_unsorted(anna.id).key == cards[0].key
        sorting.place(person, cards[1], "like")
        assert sorting.next_unsorted(anna.id, after=cards[0]).key == cards[2].key
        assert sorting.next_unsorted(anna.id, after=cards[-1]) is None


def test_the_text_is_history_too(in_request, anna, notes):
    with in_request() as db:
        person = db.get(Participant, anna.id)
        assert sorting.current_note(anna.id) == ""
        sorting.save_note(person, "  Hästar  ")
        assert sorting.save_note(person, "Hästar") is None, "the same text stores nothing"
        sorting.save_note(person, "")
        assert sorting.current_note(anna.id) == ""
        with pytest.raises(ValueError):
            sorting.save_note(person, "x" * 301)
    assert notes(anna) == ["Hästar", ""]


def test_a_supervisors_device_handed_over_for_the_check_in_does_not_sort_wishes(
    client, db, anna, make_staff, make_meeting, login_as
):
    sara = make_staff("supervisor", units=[db.get(Unit, anna.unit_id)])
    make_meeting(anna)
    login_as(client, sara)
    assert client.post(f"/personal/deltagare/{anna.id}/lamna-over").status_code == 303
    assert client.post("/onskemal/kort/djur", data={"pile": "like"}).status_code == 403
    assert client.post("/onskemal/nagot-annat", data={"text": "Hästar"}).status_code == 403
    db.expire_all()
    assert db.exec(select(Wish)).all() == []
    assert db.exec(select(WishNote)).all() == []


def test_on_their_own_card_nobody_is_recorded_as_helper(anna_client, db):
    anna_client.post("/onskemal/kort/djur", data={"pile": "like"})
    assert db.exec(select(Wish)).one().helper_id is None
