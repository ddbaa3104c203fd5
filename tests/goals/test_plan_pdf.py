"""The plan as a PDF for the provider's records: the order's goals with the plan's steps, who
does each and when, and how far it has come; how a done step went only for staff the
participant lets see it; each download audit-logged."""

import pytest
from sqlmodel import select

from app import demo
from app.consent import sharing
from app.goals.models import GoalStep
from app.models import AuditEvent, Participant, StaffUser, utcnow
from tests.meetings.test_brief_pdf import pdf_facts


@pytest.fixture
def anna_with_a_plan(app, db, in_request):
    """The demo: Anna's two goals, three steps for the first; the first step done, "Inte bra"."""
    with in_request():
        demo.seed()
    anna = db.exec(select(Participant).where(Participant.first_name == "Anna")).one()
    step = db.exec(
        select(GoalStep).where(GoalStep.what == "Besöka kaféet och träffa chefen.")
    ).one()
    step.done_at, step.feeling = utcnow(), "not_good"
    db.add(step)
    db.commit()
    with in_request():
        sharing.choose(db.get(Participant, anna.id), "goal_comments", False)
    staff = {s.username: s for s in db.exec(select(StaffUser))}
    return anna, staff["handledare"], staff["handlaggare"]


def test_the_supervisor_files_the_plan_with_goals_steps_and_who(
    client, db, anna_with_a_plan, login_as, tmp_path
):
    anna, sara, _karin = anna_with_a_plan
    login_as(client, sara, password="demo-handledare")
    page = client.get(f"/personal/deltagare/{anna.id}")
    link = f"/personal/deltagare/{anna.id}/plan.pdf"
    assert f'href="{link}"' in page.get_data(as_text=True)

    response = client.get(link)
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert "Anna" not in response.headers["Content-Disposition"]
    assert response.headers["Content-Disposition"].startswith('attachment; filename="plan-')
    pages, text = pdf_facts(tmp_path, response.data)
    assert pages == 1
    for words in [
        "Plan: Anna",
        "Planen stämmer inte med beställningen.",
        "Jag vill jobba i ett kafé två dagar i veckan.",
        "Anna ska utveckla sin arbetsförmåga i kaféverksamhet",
        "Lära sig kassan",
        "Åka buss själv till kaféet",
        "Besöka kaféet och träffa chefen. Deltagaren",
        "Deltagaren har gjort det",
        "Prata med kaféet om vilka dagar. Handledaren",
        "Jag vill åka buss själv.",
        "Inga steg ännu.",
    ]:
        assert words in text, words
    assert "inte bra" not in text, "Anna has not let her supervisor see how her steps went"

    [download] = db.exec(select(AuditEvent).where(AuditEvent.action == "plan.pdf")).all()
    assert (download.actor_id, download.participant_id) == (sara.id, anna.id)


def test_the_case_officer_sees_how_a_done_step_went(client, anna_with_a_plan, login_as, tmp_path):
    anna, _sara, karin = anna_with_a_plan
    login_as(client, karin, password="demo-handlaggare")
    _pages, text = pdf_facts(tmp_path, client.get(f"/personal/deltagare/{anna.id}/plan.pdf").data)
    assert "Deltagaren har gjort det (inte bra)" in text
