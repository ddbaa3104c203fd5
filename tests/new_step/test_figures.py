"""The new steps' statistics: 3, 6 and 12 months, returns, more support; small counts hidden."""

from datetime import UTC, datetime, timedelta

from sqlmodel import select

from app.models import Participant
from app.new_step import figures
from app.new_step.models import NewStep, StepAnswer, StepCheckIn
from app.stats.suppression import TOTAL
from tests.conftest import page

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


def test_the_managers_page_shows_the_steps_by_year_with_small_counts_hidden(
    app, db, make_participant, make_staff, login_as
):
    this_year = datetime.now(UTC).year
    start = datetime(this_year - 1, 1, 10, tzinfo=UTC)
    # Six women, one of them came back after 2 months; two men, both still in work.
    for n in range(6):
        returned = start + timedelta(days=60) if n == 0 else None
        a_step(db, make_participant, make_staff, "woman", start, returned, more=n < 5)
    for _n in range(2):
        a_step(db, make_participant, make_staff, "man", start)
    manager = app.test_client()
    login_as(manager, make_staff("manager"))

    shown = page(manager.get("/personal/statistik"))
    table = shown.select_one(f"#table-steps-{this_year - 1}")
    assert table.caption.get_text(strip=True) == f"Nytt steg som började {this_year - 1}"
    header = [th.get_text(strip=True) for th in table.select("thead th")]
    rows = {
        tr.th.get_text(strip=True): dict(
            zip(header[1:], [td.get_text(strip=True) for td in tr.select("td")], strict=True)
        )
        for tr in table.select("tbody tr")
    }
    started = rows["Började ett nytt steg"]
    assert started["Kvinnor"] == "6"
    assert started["Män"] == "färre än 5"
    # Zero is a small count too, so the total of 8 leaves the two men between 0 and 2.
    assert started["Annat kön"] == started["Inte angivet"] == "färre än 5"
    assert started["Totalt"] == "8"
    assert rows["Kvar i arbete eller studier efter 3 månader"]["Kvinnor"] == "5"
    came_back = rows["Kom tillbaka till daglig verksamhet"]
    assert came_back["Kvinnor"] == "färre än 5" and came_back["Totalt"] == "färre än 5"
    # Five women of five in all would say that no one else asked: both are hidden.
    assert rows["Bad om mer stöd"]["Kvinnor"] == rows["Bad om mer stöd"]["Totalt"] == "visas inte"
    # This year's steps: none yet, every cell a hidden small count or zero, never a person.
    assert shown.select_one(f"#table-steps-{this_year}")
    median = shown.select_one(f"#median-{this_year - 1}").get_text(" ", strip=True)
    assert "Män visas inte" in median and "Kvinnor visas inte" not in median

    # For one unit the steps are not shown: small numbers could be worked out.
    unit_id = db.exec(select(Participant.unit_id)).first()
    one_unit = page(manager.get(f"/personal/statistik?enhet={unit_id}"))
    assert one_unit.select_one("#new-steps") is None
