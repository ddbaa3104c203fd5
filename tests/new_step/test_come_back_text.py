""" "Kan jag komma tillbaka?" is written once per group of paths in the catalogue: every job
path's page and the participant's "Jag vill komma tillbaka" during a job say the same words;
the study paths and a participant in studies share theirs."""

from sqlmodel import select

from app.alternatives.models import Alternative, CatalogueText
from app.models import StaffUser
from app.new_step import steps
from app.new_step.models import StepKind
from tests.conftest import page

OWN_WORDS = "När du börjar jobba tar daglig verksamhet slut.\nRing Karin på kommunen: 08-123 45 67."


def in_a_step(in_request, officer, coach, person, kind):
    with in_request(officer) as session:
        plan = steps.StepPlan(kind, 12, session.get(StaffUser, coach.id), [14])
        steps.start(session.merge(person), plan, session.get(StaffUser, officer.id))


def test_the_municipalitys_words_show_on_the_paths_and_on_jag_vill_komma_tillbaka(
    app, db, in_request, make_staff, make_participant, make_card, login_as
):
    admin, officer = make_staff("admin"), make_staff("case_officer")
    coach = make_staff("support_person")
    anna = make_participant("Anna", case_officer=officer)
    lisa = make_participant("Lisa", case_officer=officer)
    omar = make_participant("Omar", case_officer=officer)
    in_a_step(in_request, officer, coach, lisa, StepKind.work)
    in_a_step(in_request, officer, coach, omar, StepKind.studies)
    phones = {}
    for person in (anna, lisa, omar):
        phones[person.first_name] = app.test_client()
        phones[person.first_name].post("/k", data={"token": make_card(person)[1]})
    office = app.test_client()
    login_as(office, admin)

    def said(name, path):
        shown = page(phones[name].get(path))
        return [p.get_text(strip=True) for p in shown.select(".come-back-text")]

    # The migration wrote each group's words once, from the paths' own default texts.
    job = db.exec(select(CatalogueText).where(CatalogueText.key == "come_back_job")).one()
    assert {"iwork", "lonebidrag", "samhall", "serviceassistent"} <= set(job.alternative_keys)
    job_lines = job.texts["sv"].splitlines()
    assert said("Anna", "/andra-vagar/iwork") == job_lines
    assert said("Anna", "/andra-vagar/samhall") == job_lines
    assert said("Lisa", "/mitt-steg/tillbaka") == job_lines
    studies = said("Omar", "/mitt-steg/tillbaka")
    assert studies == said("Anna", "/andra-vagar/komvux") and studies != job_lines
    # Each path says its words once, and keeps what it says more.
    iwork = page(phones["Anna"].get("/andra-vagar/iwork"))
    assert iwork.get_text().count(job_lines[0]) == 1
    assistant = db.exec(select(Alternative).where(Alternative.key == "serviceassistent")).one()
    assert assistant.texts["sv"]["back"].startswith("Jobbet tar slut")

    # Swedish left empty: a kind message, and what was written in English is kept.
    form = {"come_back_job_sv": " ", "come_back_job_en": "Yes.", "come_back_studies_sv": "Ja."}
    refused = page(office.post("/admin/kan-jag-komma-tillbaka", data=form), 422)
    assert refused.title.get_text().startswith("Fel:")
    assert refused.select_one("textarea[name=come_back_job_en]").get_text().strip() == "Yes."
    assert said("Anna", "/andra-vagar/iwork") == job_lines

    shown = page(office.get("/admin/kan-jag-komma-tillbaka"))
    form = {t["name"]: t.get_text().strip() for t in shown.select("textarea")}
    form["come_back_job_sv"] = OWN_WORDS
    assert office.post("/admin/kan-jag-komma-tillbaka", data=form).status_code == 303
    own = OWN_WORDS.splitlines()
    assert said("Anna", "/andra-vagar/iwork") == own
    assert said("Anna", "/andra-vagar/sius") == own
    assert said("Lisa", "/mitt-steg/tillbaka") == own
    assert said("Omar", "/mitt-steg/tillbaka") == studies
