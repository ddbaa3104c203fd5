"""The new steps' statistics: 3, 6 and 12 months, returns, more support; small counts hidden."""

from datetime import UTC, datetime, timedelta

from app.models import Participant
from app.new_step import figures
from app.new_step.models import NewStep, StepAnswer, StepCheckIn
from app.stats.suppression import TOTAL

NAMES = iter(range(1_000_000))
NOW = datetime(2026, 12, 1, tzinfo=UTC)


def a_step(db, make_participant, make_staff, gender, started, returned=None, more=False):
    person = make_participant(f"P{next(NAMES)}")
    db.get(Participant, person.id).gender = gender
    step = NewStep(
        participant_id=person.id,
        kind="work",
        started_at=started,
        support_until=started + timedelta(days=365),
        support_by_id=make_staff("case_officer").id,
        checkin_days=[14],
        returned_at=returned,
    )
    db.add(step)
    db.commit()
    if more:
        check_in = StepCheckIn(new_step_id=step.id, completed_at=started)
        db.add(check_in)
        db.commit()
        db.add(StepAnswer(check_in_id=check_in.id, question_key="more_support", choice="yes"))
        db.commit()


def test_still_in_the_step_after_3_6_12_months_and_the_small_counts_hidden(
    app, db, in_request, make_participant, make_staff
):
    start = datetime(2025, 1, 10, tzinfo=UTC)
    # Eight women: two came back after 2 months, one after 8; six asked for more support.
    for n in range(8):
        returned = start + timedelta(days=60) if n < 2 else None
        if n == 2:
            returned = start + timedelta(days=240)
        a_step(db, make_participant, make_staff, "woman", start, returned, more=n < 6)
    # Two men, both still in work: too few to show.
    for _n in range(2):
        a_step(db, make_participant, make_staff, "man", start)
    with in_request():
        result = figures.for_year(2025, now=NOW)
    counts, hidden = result.counts, result.hidden
    assert counts[("started", "woman")] == 8
    assert counts[("in_step_3", "woman")] == 6
    assert counts[("in_step_6", "woman")] == 6
    assert counts[("in_step_12", "woman")] == 5
    assert counts[("came_back", "woman")] == 3
    assert counts[("more_support", "woman")] == 6
    assert ("started", "woman") not in hidden and ("in_step_12", "woman") not in hidden
    # Small counts are hidden, and so is a total that would give them away.
    assert ("started", "man") in hidden
    assert hidden[("came_back", "woman")] == "small"
    # The row total (3 + 0 + ...) would give the hidden counts away: hidden as well.
    assert ("came_back", TOTAL) in hidden
    assert result.median_days["woman"] is not None and result.median_days.get("man") is None


def test_a_step_not_yet_12_months_old_is_not_counted_at_12_months(
    app, db, in_request, make_participant, make_staff
):
    start = NOW - timedelta(days=200)
    for _n in range(6):
        a_step(db, make_participant, make_staff, "woman", start)
    with in_request():
        result = figures.for_year(start.year, now=NOW)
    assert result.counts[("in_step_6", "woman")] == 6
    assert result.counts[("in_step_12", "woman")] == 0
