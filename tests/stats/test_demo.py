"""The demo shows the product: the demo manager sees real figures, not "färre än 5" in every
cell, and the demo case officer has participants with answered check-ins."""

from sqlmodel import func, select

from app.checkins.models import CheckIn
from app.models import Participant
from app.staff.accounts import find_by_username
from tests.conftest import page


def test_the_demo_manager_sees_figures_of_five_or_more(app, db, client):
    assert app.test_cli_runner().invoke(args=["seed-demo"]).exit_code == 0
    form = page(client.get("/personal/logga-in"))
    assert form.h1
    response = client.post(
        "/personal/logga-in", data={"username": "chef", "password": "demo-chef-2026"}
    )
    assert response.status_code == 303
    soup = page(client.get("/personal/statistik"))
    counts = [
        int(td.get_text(strip=True))
        for td in soup.select("#table-meetings td, #table-try td, #table-ended td")
        if td.get_text(strip=True).isdigit()
    ]
    assert len([count for count in counts if count >= 5]) >= 5
    trend = page(client.get("/personal/statistik/trend"))
    years = [
        td.get_text(strip=True)
        for td in trend.select("#table-trend-held td.total")
        if td.get_text(strip=True).isdigit()
    ]
    assert len(years) >= 5 and all(int(count) >= 5 for count in years)


def test_the_demo_case_officer_has_answered_check_ins_to_read(app, db, in_request):
    assert app.test_cli_runner().invoke(args=["seed-demo"]).exit_code == 0
    with in_request():
        officer = find_by_username("handlaggare")
    answered = db.exec(
        select(func.count())
        .select_from(CheckIn)
        .join(Participant, Participant.id == CheckIn.participant_id)
        .where(Participant.case_officer_id == officer.id, CheckIn.completed_at.is_not(None))
    ).one()
    assert answered >= 10
