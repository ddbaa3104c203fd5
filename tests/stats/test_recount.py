"""Counting again: a year whose counts did not change keeps what it hid at the last count
(its protection depends on its counts only), and ends up hidden exactly as a whole new count
would hide it."""

from datetime import UTC, datetime

from sqlalchemy import update
from sqlmodel import select

from app.models import Participant
from app.stats import summary
from app.stats.summary import COUNTED, StatsCount


def every_row(db) -> dict:
    rows = db.exec(select(StatsCount).where(StatsCount.period != COUNTED)).all()
    return {(r.period, r.unit_id, r.gender, r.measure): (r.count, r.hidden) for r in rows}


def test_an_unchanged_year_keeps_its_protection(db, make_unit, in_request, monkeypatch):
    cafe, laundry = make_unit("Kaféet"), make_unit("Tvätteriet")
    for year, sizes in ((2023, (3, 9)), (2024, (6, 2)), (2025, (7, 4))):
        for unit, size in zip((cafe, laundry), sizes, strict=True):
            for i in range(size):
                db.add(
                    Participant(
                        first_name="P",
                        unit_id=unit.id,
                        gender=("woman", "man")[i % 2],
                        created_at=datetime(year, 2, 1, tzinfo=UTC),
                        ended_at=datetime(year, 5 + i % 6, 1, tzinfo=UTC),
                        end_reason=("work", "moved", "studies")[i % 3],
                    )
                )
    db.commit()
    with in_request():
        summary.rebuild()
    protected = []
    db.add(
        Participant(
            first_name="Q",
            unit_id=laundry.id,
            created_at=datetime(2025, 3, 1, tzinfo=UTC),
            ended_at=datetime(2025, 8, 1, tzinfo=UTC),
            end_reason="work",
        )
    )
    db.commit()
    with in_request():
        real = summary._protect
        monkeypatch.setattr(
            summary, "_protect", lambda db, year: (protected.append(year.year), real(db, year))
        )
        summary.rebuild()
        again = every_row(db)
    # Only the year that changed (and the years after the data, with nothing in them) were
    # protected again.
    assert 2025 in protected and 2023 not in protected and 2024 not in protected
    # A whole new count, protecting every year, hides the same counts.
    db.exec(update(StatsCount).where(StatsCount.period == COUNTED).values(hidden=None))
    db.add(summary.StatsChange())
    db.commit()
    with in_request():
        monkeypatch.undo()
        summary.rebuild()
    assert every_row(db) == again
