""" "Kan jag komma tillbaka?" is written once in the catalogue: every path's page and the
participant's "Jag vill komma tillbaka" say the same words."""

from app.models import StaffUser
from app.new_step import steps
from app.new_step.models import StepKind
from tests.conftest import page

OWN_WORDS = "Ja. Du får alltid komma tillbaka.\nRing Karin på 08-123 45 67."


def test_the_municipalitys_words_show_on_the_path_and_on_jag_vill_komma_tillbaka(
    app, db, in_request, make_staff, make_participant, make_card, login_as
):
    admin = make_staff("admin")
    officer = make_staff("case_officer")
    coach = make_staff("support_person")
    anna = make_participant("Anna", case_officer=officer)
    lisa = make_participant("Lisa", case_officer=officer)
    with in_request(officer) as session:
        plan = steps.StepPlan(StepKind.work, 12, session.get(StaffUser, coach.id), [14])
        steps.start(session.merge(lisa), plan, session.get(StaffUser, officer.id))
    annas_phone, lisas_phone, office = app.test_client(), app.test_client(), app.test_client()
    annas_phone.post("/k", data={"token": make_card(anna)[1]})
    lisas_phone.post("/k", data={"token": make_card(lisa)[1]})
    login_as(office, admin)

    def said(client, path):
        return [p.get_text(strip=True) for p in page(client.get(path)).select(".come-back-text")]

    # Until the municipality writes its own, both say the default, once.
    default = ["Ja. Daglig verksamhet är din rätt.", "Du kan komma tillbaka om det inte blir bra."]
    assert said(annas_phone, "/andra-vagar/iwork") == default
    assert said(lisas_phone, "/mitt-steg/tillbaka") == default
    assert page(annas_phone.get("/andra-vagar/iwork")).get_text().count("din rätt") == 1

    form = page(office.get("/admin/kan-jag-komma-tillbaka"))
    assert form.select_one("textarea[name=text_sv]").get_text().strip().startswith("Ja. Daglig")

    # Swedish left empty: a kind message, and the English already written is kept.
    refused = page(
        office.post("/admin/kan-jag-komma-tillbaka", data={"text_sv": " ", "text_en": "Yes."}), 422
    )
    assert refused.title.get_text().startswith("Fel:")
    assert refused.select_one("textarea[name=text_en]").get_text().strip() == "Yes."
    assert said(annas_phone, "/andra-vagar/iwork") == default

    saved = office.post("/admin/kan-jag-komma-tillbaka", data={"text_sv": OWN_WORDS})
    assert saved.status_code == 303
    own = OWN_WORDS.splitlines()
    assert said(annas_phone, "/andra-vagar/iwork") == own
    assert said(annas_phone, "/andra-vagar/komvux") == own
    assert said(lisas_phone, "/mitt-steg/tillbaka") == own
