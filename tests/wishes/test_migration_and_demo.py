"""A fresh database has the default catalogue; the demo participant Omar has sorted cards."""

import json

from sqlalchemy import inspect, text
from sqlmodel import func, select

from app import demo, migrate
from app.db import make_engine
from app.models import Participant, Unit
from app.pictograms import manifest
from app.wishes import brief, catalogue
from app.wishes.models import Wish, WishNote


def test_the_migration_puts_the_default_catalogue_in_a_fresh_database(tmp_path, app):
    url = f"sqlite:///{tmp_path / 'fresh.sqlite'}"
    migrate.upgrade(url)
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                text('SELECT key, "group", position, pictogram, hidden, words FROM wish_card')
            ).all()
        with app.app_context():
            expected = catalogue.default_rows()
        found = [
            {
                "key": key,
                "group": group,
                "position": position,
                "pictogram": pictogram,
                "hidden": bool(hidden),
                "words": json.loads(words) if isinstance(words, str) else words,
            }
            for key, group, position, pictogram, hidden, words in rows
        ]
        assert sorted(found, key=lambda r: r["key"]) == sorted(expected, key=lambda r: r["key"])
        with app.app_context():
            assert all(row["pictogram"] in manifest() for row in found)

        migrate.downgrade(url, "0001")
        assert not {"wish", "wish_card", "wish_note"} & set(inspect(engine).get_table_names())
        migrate.upgrade(url)
        assert {"wish", "wish_card", "wish_note"} <= set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def counts(db):
    db.expire_all()
    return [db.exec(select(func.count()).select_from(m)).one() for m in (Wish, WishNote)]


def test_omar_has_sorted_some_cards_and_seeding_twice_changes_nothing(app, db, in_request):
    runner = app.test_cli_runner()
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    first = counts(db)
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    assert counts(db) == first
    # The demo's Omar, in the demo's unit (not one of the made-up municipality's people).
    omar = db.exec(
        select(Participant)
        .join(Unit, Unit.id == Participant.unit_id)
        .where(Participant.first_name == "Omar", Unit.name == demo.UNIT)
    ).one()
    anna = db.exec(select(Participant).where(Participant.first_name == "Anna")).one()
    with in_request():
        wishes = brief.wishes_for_brief(omar.id)
        assert brief.wishes_for_brief(anna.id).empty
    assert all(cards for _pile, cards in wishes.piles), "at least one card in each pile"
    assert wishes.note
    assert [(c.card.key, c.before.key, c.after.key) for c in wishes.changes] == [
        ("datorer", "not_sure", "want_to_try")
    ]


def test_ensure_defaults_adds_only_what_is_missing(db, in_request, card):
    djur = card("djur")
    djur.words = {"sv": "Djur och natur"}
    db.add(djur)
    db.commit()
    with in_request():
        assert catalogue.ensure_defaults() == 0
    assert card("djur").words == {"sv": "Djur och natur"}, "an administrator's change stays"
