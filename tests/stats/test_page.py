"""The statistics page: figures from a small data set counted by hand, protection of small
counts on the page and in the CSV, bad input, and managers seeing totals only."""

import csv
import io
from datetime import UTC, date, datetime

import pytest
from sqlmodel import select, update

from app.alternatives.models import Alternative, AlternativeInterest, InterestFollowUp
from app.checkins.models import CheckIn, CheckInAnswer, QuestionSet
from app.meetings.models import FollowUp
from app.models import AuditEvent, Participant, Unit
from app.stats import summary, tables
from app.stats.figures import Quarter
from app.stats.suppression import PROTECTED, SMALL, TOTAL
from tests.conftest import page

QUARTER = Quarter(2025, 2)  # April to June 2025
BEFORE = datetime(2024, 1, 1, tzinfo=UTC)
IN_QUARTER = datetime(2025, 5, 10, 12, tzinfo=UTC)
HELD = datetime(2025, 5, 15, 12, tzinfo=UTC)


def at(month, day, hour=12):
    return datetime(2025, month, day, hour, tzinfo=UTC)


@pytest.fixture
def town(db, make_unit, make_staff):
    """Kaféet: six women and six men. Tvätteriet: three who have not stated a gender and one
    who said "other". Everything happens in the second quarter of 2025 unless said."""
    cafe, laundry = make_unit("Kaféet"), make_unit("Tvätteriet")
    officer = make_staff("case_officer")
    helper = make_staff("supervisor", units=[cafe])
    question_set = db.exec(select(QuestionSet)).first().id

    def person(name, unit, gender, created=BEFORE, ended=None, reason=None):
        p = Participant(
            first_name=name,
            unit_id=unit.id,
            gender=gender,
            created_at=created,
            ended_at=ended,
            end_reason=reason,
        )
        db.add(p)
        db.commit()
        return p

    people = {}
    for i in range(1, 7):
        people[f"W{i}"] = person(f"W{i}", cafe, "woman")
        people[f"M{i}"] = person(f"M{i}", cafe, "man")
    for i in range(1, 4):
        people[f"N{i}"] = person(f"N{i}", laundry, None)
    people["O1"] = person("O1", laundry, "other")
    person("Later", laundry, "woman", created=at(7, 1))  # starts after the quarter
    person("Gone", laundry, "man", ended=at(3, 1), reason="work")  # left before it
    for name, reason in [("W1", "work"), ("W2", "work"), ("M1", "studies"), ("N1", "moved")]:
        people[name].ended_at, people[name].end_reason = IN_QUARTER, reason
        db.add(people[name])
    db.commit()

    def meeting(name, held=HELD, completed=None, answers=None, device_helper=False):
        f = FollowUp(participant_id=people[name].id, starts_at=held, held_at=held)
        db.add(f)
        db.commit()
        if completed is None and answers is None:
            return
        c = CheckIn(
            follow_up_id=f.id,
            participant_id=people[name].id,
            question_set_id=question_set,
            completed_at=completed,
        )
        db.add(c)
        db.commit()
        for minute, (key, choices) in enumerate(answers or []):
            db.add(
                CheckInAnswer(
                    check_in_id=c.id,
                    question_key=key,
                    choices=choices,
                    helper_id=helper.id if device_helper else None,
                    answered_at=held.replace(hour=8, minute=minute),
                )
            )
        db.commit()

    early = at(5, 14)
    meeting("W1", completed=early, answers=[("who_helped", ["nobody"]), ("try_new", ["job"])])
    meeting(
        "W2", completed=early, answers=[("who_helped", ["nobody"]), ("try_new", ["job", "studies"])]
    )
    meeting(
        "W3", completed=early, answers=[("who_helped", ["nobody"]), ("try_new", ["like_it_here"])]
    )
    meeting(
        "W4", completed=early, answers=[("who_helped", ["supervisor"]), ("try_new", ["internship"])]
    )
    meeting(
        "W5",
        completed=early,
        answers=[("who_helped", ["nobody"]), ("try_new", ["job"])],
        device_helper=True,
    )
    # Done after the meeting was held: not "before".
    meeting("W6", completed=at(5, 16), answers=[("try_new", ["job"])])
    meeting("M1", completed=early, answers=[("who_helped", ["nobody"]), ("try_new", ["job"])])
    meeting("M2", completed=early, answers=[("who_helped", ["nobody"]), ("try_new", ["studies"])])
    meeting("M3", completed=early, answers=[("who_helped", ["family"]), ("try_new", ["job"])])
    meeting("M4", completed=early, answers=[("try_new", ["another_activity"])])
    # The latest answer counts: M5 changed "nobody" to "supervisor" and "job" to "like it here".
    meeting(
        "M5",
        completed=early,
        answers=[
            ("who_helped", ["nobody"]),
            ("try_new", ["job"]),
            ("who_helped", ["supervisor"]),
            ("try_new", ["like_it_here"]),
        ],
    )
    meeting("M6")  # held, no check-in
    meeting(
        "N2", completed=early, answers=[("who_helped", ["nobody"]), ("try_new", ["internship"])]
    )
    meeting("W1", held=at(3, 20), completed=at(3, 19), answers=[("try_new", ["studies"])])
    db.add(FollowUp(participant_id=people["M1"].id, starts_at=HELD))  # booked, never held
    db.commit()

    iwork = db.exec(select(Alternative).where(Alternative.key == "iwork")).one()
    for name in ["W1", "W2", "W3", "M1", "M2", "M3"]:
        interest = AlternativeInterest(
            participant_id=people[name].id, alternative_id=iwork.id, created_at=at(4, 20)
        )
        db.add(interest)
        db.commit()
        if name in ("W1", "W2"):
            db.add(
                InterestFollowUp(
                    interest_id=interest.id,
                    kind="talked",
                    day=date(2025, 5, 2),
                    staff_id=officer.id,
                )
            )
    db.add(
        AlternativeInterest(
            participant_id=people["M4"].id, alternative_id=iwork.id, created_at=at(1, 5)
        )
    )
    db.commit()
    return {"cafe": cafe, "laundry": laundry, "iwork": iwork, "people": people}


def built(in_request, unit_id=None):
    with in_request():
        return {t.name: t for t in tables.build(QUARTER, unit_id, with_units=True)}


def test_figures_match_the_hand_count(town, in_request):
    t = built(in_request)
    meetings = t["meetings"].values
    assert [meetings[("participants", g)] for g in ("woman", "man", "other", "not_stated")] == [
        6,
        6,
        1,
        3,
    ]
    assert meetings[("participants", TOTAL)] == 16
    assert meetings[("held", TOTAL)] == 13
    assert (meetings[("before", "woman")], meetings[("before", "man")]) == (5, 5)
    assert meetings[("before", TOTAL)] == 11
    assert (meetings[("alone", "woman")], meetings[("alone", "man")]) == (3, 2)
    assert meetings[("alone", "not_stated")] == 1
    assert (meetings[("helped", "woman")], meetings[("helped", "man")]) == (2, 2)
    assert meetings[("helped", TOTAL)] == 4
    tries = t["try"].values
    assert tries[("try_job", TOTAL)] == 5
    assert (tries[("try_job", "woman")], tries[("try_job", "man")]) == (3, 2)
    assert tries[("try_studies", TOTAL)] == 2
    assert tries[("try_internship", TOTAL)] == 2
    assert tries[("try_another_activity", TOTAL)] == 1
    assert tries[("try_any", TOTAL)] == 9
    ended = t["ended"].values
    assert ended[("work", "woman")] == 2 and ended[("studies", "man")] == 1
    assert ended[("moved", "not_stated")] == 1 and ended[(TOTAL, TOTAL)] == 4
    iwork = town["iwork"].id
    assert t["interests"].values[(iwork, "interested")] == 6
    assert t["interests"].values[(iwork, "followed_up")] == 2
    units = t["units"].values
    cafe, laundry = town["cafe"].id, town["laundry"].id
    assert [units[(cafe, c)] for c in tables.OVERVIEW_COLUMNS] == [12, 12, 10, 8, 3]
    assert [units[(laundry, c)] for c in tables.OVERVIEW_COLUMNS] == [4, 1, 1, 1, 1]


def test_one_unit_shows_totals_only_hidden_as_in_the_list_per_unit(town, in_request):
    cafe = built(in_request, town["cafe"].id)
    laundry = built(in_request, town["laundry"].id)
    assert "units" not in laundry
    assert [column for column, _label in cafe["meetings"].columns] == [TOTAL]
    assert laundry["meetings"].values[("participants", TOTAL)] == 4
    assert laundry["try"].values[("try_internship", TOTAL)] == 1
    assert cafe["ended"].values[(TOTAL, TOTAL)] == 3
    # Kaféet's 12 and the service's 16 would give Tvätteriet's 4 away.
    assert laundry["meetings"].cell("participants", TOTAL) == SMALL
    assert cafe["meetings"].cell("participants", TOTAL) == PROTECTED


def test_every_page_hides_a_service_total_that_another_hides(town, in_request):
    """The service's totals stand on the page, on the list per unit and in the CSV."""
    whole = built(in_request)
    units = whole["units"]
    for name, measures in [("meetings", tables.MEETING_MEASURES), ("try", list(tables.TRY_LABELS))]:
        for measure in measures:
            in_list = (TOTAL, measure) in units.hidden or measure not in tables.OVERVIEW_COLUMNS
            if measure in tables.OVERVIEW_COLUMNS:
                assert ((measure, TOTAL) in whole[name].hidden) == (
                    (TOTAL, measure) in units.hidden
                )
            assert in_list or (measure, TOTAL) not in whole[name].hidden


def test_small_counts_are_hidden_and_cannot_be_worked_out(town, in_request):
    t = built(in_request)
    meetings = t["meetings"]
    assert meetings.cell("participants", "other") == SMALL
    assert meetings.cell("participants", "woman") == 6
    assert meetings.cell("helped", TOTAL) == SMALL
    units = t["units"]
    cafe = town["cafe"].id
    # Tvätteriet's small counts would follow from the total: Kaféet's are hidden too.
    assert units.cell(town["laundry"].id, "participants") == SMALL
    assert units.cell(cafe, "participants") == PROTECTED
    assert units.cell(TOTAL, "participants") == 16
    for table in t.values():
        for (row, column), value in table.values.items():
            if value < 5:
                assert table.cell(row, column) == SMALL


def rows_of(soup, table_id):
    return {
        tr.th.get_text(strip=True): [td.get_text(strip=True) for td in tr.select("td")]
        for tr in soup.select(f"#{table_id} tbody tr")
    }


def test_manager_reads_the_page(client, town, make_staff, login_as, db):
    manager = make_staff("manager")
    login_as(client, manager)
    assert client.get("/personal/").headers["Location"] == "/personal/statistik"
    soup = page(client.get(f"/personal/statistik?kvartal={QUARTER.key}"))
    assert soup.h1.get_text(strip=True) == "Statistik"
    meetings = rows_of(soup, "table-meetings")
    assert meetings["Deltagare"] == ["6", "6", "färre än 5", "färre än 5", "16"]
    assert meetings["Svarade med hjälp"] == ["färre än 5"] * 5
    assert not soup.select("#table-units")
    for chart in soup.select("svg.chart"):
        assert chart["role"] == "img" and chart.title.get_text()
        assert chart.find_parent("div", class_="stats-pair").select_one("table")
    assert soup.select_one("#h-how")
    text = soup.get_text()
    for person in ("W1", "M1", "N2", "O1"):
        assert person not in text
    events = db.exec(select(AuditEvent).where(AuditEvent.actor_id == manager.id)).all()
    assert [e.action for e in events if e.action.startswith("stats")] == ["stats.view"]
    assert all(e.participant_id is None for e in events)


def test_manager_reads_the_totals_per_unit(client, town, make_staff, login_as):
    login_as(client, make_staff("manager"))
    soup = page(client.get(f"/personal/statistik/enheter?kvartal={QUARTER.key}"))
    units = rows_of(soup, "table-units")
    # Tvätteriet is small in every column, so Kaféet is hidden too: else total minus Kaféet.
    assert units["Kaféet"] == ["visas inte"] * 4 + ["färre än 5", "visas inte"]
    assert units["Tvätteriet"] == ["färre än 5"] * 5 + ["visas inte"]
    # The share shows the counts behind it.
    assert units["Hela verksamheten"] == ["16", "13", "11", "9", "färre än 5", "85 % (11 av 13)"]


def test_csv_holds_the_same_protected_counts(client, town, make_staff, login_as):
    login_as(client, make_staff("manager"))
    response = client.get(f"/personal/statistik.csv?kvartal={QUARTER.key}")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    rows = list(
        csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff")), delimiter=";")
    )
    assert ["Deltagare", "6", "6", "färre än 5", "färre än 5", "16"] in rows
    # Tvätteriet is small in every column, so Kaféet is hidden too: else total minus Kaféet.
    assert ["Kaféet", *["visas inte"] * 4, "färre än 5"] in rows
    assert ["Hela verksamheten", "16", "13", "11", "9", "färre än 5"] in rows
    for row in rows:
        for cell in row[1:]:
            assert not (cell.isdigit() and int(cell) < 5), row


def test_a_quarter_or_unit_not_in_the_list_gets_a_kind_message(client, town, make_staff, login_as):
    login_as(client, make_staff("admin"))
    soup = page(client.get("/personal/statistik?kvartal=1999-9&enhet=abc"), status=422)
    assert soup.title.string.startswith("Fel:")
    assert soup.select_one(".error-summary a[href='#kvartal']")
    assert soup.select_one(".error-summary a[href='#enhet']")
    assert soup.select_one("#kvartal")["aria-invalid"] == "true"
    assert not soup.select("#table-meetings")


def test_other_staff_are_refused(client, town, make_staff, login_as):
    for role in ("supervisor", "case_officer", "auditor"):
        fresh = client.application.test_client()
        login_as(fresh, make_staff(role))
        assert fresh.get("/personal/statistik").status_code == 403
        assert fresh.get("/personal/statistik.csv").status_code == 403


def test_a_new_service_can_open_the_last_whole_quarter(client, make_unit, make_staff, login_as):
    """With data only from this quarter, the default (the last whole quarter) still works."""
    make_unit("Kaféet")
    login_as(client, make_staff("manager"))
    soup = page(client.get("/personal/statistik"))
    per_unit = soup.select_one("a[href^='/personal/statistik/enheter']")["href"]
    assert page(client.get(per_unit)).h1


def _csv_rows(client, path=f"/personal/statistik.csv?kvartal={QUARTER.key}"):
    text = client.get(path).get_data(as_text=True).lstrip("\ufeff")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def test_the_whole_services_csv_is_written_once_per_count_and_language(
    client, town, db, make_staff, login_as
):
    """The file holds the summary's counts only, so it is kept until the next count: a unit
    renamed behind the summary's back shows in it after the next count. Each language has a
    file of its own."""
    login_as(client, make_staff("manager"))
    assert ["Kaféet", *["visas inte"] * 4, "färre än 5"] in _csv_rows(client)
    # Renamed without the change being noted: the kept file is still the count's.
    db.exec(update(Unit).where(Unit.name == "Kaféet").values(name="Caféet"))
    db.commit()
    assert ["Kaféet", *["visas inte"] * 4, "färre än 5"] in _csv_rows(client)
    with client.session_transaction() as session:
        session["lang"] = "en"
    # Not the Swedish file kept before it: the English one is written now.
    assert ["Caféet", *["not shown"] * 4, "fewer than 5"] in _csv_rows(client)
    db.add(summary.StatsChange())  # a change noted: the next page counts again
    db.commit()
    with client.session_transaction() as session:
        session["lang"] = "sv"
    rows = _csv_rows(client)
    assert ["Caféet", *["visas inte"] * 4, "färre än 5"] in rows
    assert not any(row and row[0] == "Kaféet" for row in rows)
