"""The brief as a PDF for the case system: one A4 page for the demo brief, with the line that
was agreed at the meeting; each download audit-logged."""

import shutil
import subprocess

import pytest
from sqlmodel import select

from app import demo
from app.meetings.models import FollowUp
from app.models import AuditEvent, Participant, StaffUser

AGREED = "Anna provar praktik på biblioteket två dagar i veckan från mars."


@pytest.fixture
def demo_brief(app, db, in_request):
    with in_request():
        demo.seed()
    anna = db.exec(select(Participant).where(Participant.first_name == "Anna")).one()
    meeting = db.exec(select(FollowUp).where(FollowUp.participant_id == anna.id)).one()
    karin = db.exec(select(StaffUser).where(StaffUser.username == "handlaggare")).one()
    return anna, meeting, karin


def pdf_facts(tmp_path, data: bytes) -> tuple[int, str]:
    """Pages and text of a PDF, as poppler (installed by `make test-setup`) reads them."""
    path = tmp_path / "underlag.pdf"
    path.write_bytes(data)
    pdfinfo, pdftotext = shutil.which("pdfinfo"), shutil.which("pdftotext")
    info = subprocess.run([pdfinfo, str(path)], capture_output=True, text=True, check=True)  # noqa: S603
    pages = int(
        next(line for line in info.stdout.splitlines() if line.startswith("Pages:")).split()[1]
    )
    text = subprocess.run(  # noqa: S603
        [pdftotext, "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return pages, " ".join(text.split())


def test_the_demo_brief_is_one_page_with_the_agreed_line(
    client, db, demo_brief, login_as, tmp_path
):
    anna, meeting, karin = demo_brief
    login_as(client, karin, password="demo-handlaggare")
    before = client.get(f"/personal/moten/{meeting.id}/underlag.pdf")
    assert before.status_code == 200 and before.mimetype == "application/pdf"
    assert "Anna" not in before.headers["Content-Disposition"]
    pages, text = pdf_facts(tmp_path, before.data)
    assert pages == 1
    assert "Underlag: Anna" in text and "Mötet är inte hållet ännu." in text
    assert "Underlaget gjordes" in text

    response = client.post(f"/personal/moten/{meeting.id}/hallet", data={"agreed": AGREED})
    assert response.status_code == 303
    pages, text = pdf_facts(tmp_path, client.get(f"/personal/moten/{meeting.id}/underlag.pdf").data)
    assert pages == 1
    assert AGREED in text

    downloads = db.exec(
        select(AuditEvent).where(
            AuditEvent.action == "brief.pdf", AuditEvent.participant_id == anna.id
        )
    ).all()
    assert [event.actor_id for event in downloads] == [karin.id, karin.id]
