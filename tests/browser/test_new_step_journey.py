"""Lisa's step to a job at 360×740: her case officer ends daily activity with support going on
for 12 months; her card still logs in and her home shows the job; she answers the job check-in
on her support person's phone; she presses "Jag vill komma tillbaka"; the case officer sees the
flag and starts daily activity again, and Lisa's wishes are there. Every new page is scanned
with axe."""

from playwright.sync_api import expect
from sqlmodel import select

from app.wishes.models import Wish, WishCard

from .steps import card_address, heading, log_in_as_staff, log_in_with_card


def test_lisa_steps_to_a_job_answers_with_help_and_comes_back(
    app, db, new_page, axe_check, make_unit, make_staff, make_participant
):
    unit = make_unit("Kaféet")
    karin = make_staff("case_officer", username="karin")
    make_staff("support_person", username="jonna")
    lisa = make_participant("Lisa", unit=unit, case_officer=karin)
    animals = db.exec(select(WishCard).where(WishCard.key == "djur")).one()
    db.add(Wish(participant_id=lisa.id, card_id=animals.id, pile="like"))
    db.commit()
    lisas_card = card_address(app, lisa)

    # The case officer ends daily activity for a job, with support for 12 months by Jonna.
    office = new_page()
    log_in_as_staff(office, "karin")
    office.goto(f"/personal/deltagare/{lisa.id}")
    office.get_by_role("link", name="Avsluta för arbete eller studier, med fortsatt stöd").click()
    heading(office, "Nytt steg för Lisa")
    axe_check(office)
    office.get_by_label("Ett arbete").check()
    expect(office.get_by_label("Hur många månader fortsätter stödet?")).to_have_value("12")
    office.get_by_label("Vem ger stödet?").select_option(label="Jonna, stödperson")
    office.get_by_role("button", name="Avsluta daglig verksamhet, stödet fortsätter").click()
    heading(office, "Lisa")
    expect(office.locator("#new-step")).to_contain_text("Stödet fortsätter till")
    axe_check(office)

    # Lisa's card still logs in; her home shows the job and "Jag vill komma tillbaka".
    phone = new_page()
    log_in_with_card(phone, lisas_card, name="Lisa", axe_check=axe_check)
    expect(phone.locator("#step-heading")).to_have_text("Mitt jobb")
    expect(phone.get_by_role("link", name="Jag vill komma tillbaka")).to_be_visible()
    # She says yes to Jonna seeing her answers about the job.
    phone.get_by_role("link", name="Du har en stödperson").click()
    heading(phone, "Vem får se?")
    axe_check(phone)
    phone.locator("#area-checkins-yes").click()
    expect(phone.locator("#area-checkins .consent-now")).to_have_text(
        "Just nu: Ja. Din stödperson får se det."
    )

    # Jonna helps Lisa with the questions on Jonna's own phone.
    coach = new_page()
    log_in_as_staff(coach, "jonna", axe_check=axe_check)
    heading(coach, "Mina personer i nytt steg")
    coach.get_by_role("link", name="Lisa").click()
    heading(coach, "Lisa")
    axe_check(coach)
    coach.get_by_role("button", name="Hjälp Lisa med frågorna").click()
    heading(coach, "Hur har du det på jobbet?")
    axe_check(coach)
    # The phone opens the questions only.
    new_page.expect_console_error(r"status of 403 .*/onskemal")
    coach.goto("/onskemal")
    heading(coach, "Den här sidan är stängd nu")
    coach.go_back()
    for question, answer in [
        ("Hur har du det på jobbet?", "Bra"),
        ("Känner du dig trygg på jobbet?", "Ja"),
        ("Får du den hjälp du behöver?", "Ibland"),
        ("Vill du ha mer stöd?", "Ja"),
        ("Vill du gå tillbaka till daglig verksamhet?", "Vet inte"),
        ("Vem hjälpte dig att svara?", "Min stödperson"),
    ]:
        heading(coach, question)
        coach.get_by_role("button", name=answer, exact=True).click()
    heading(coach, "Tack!")
    expect(coach.get_by_text("Ge tillbaka telefonen till din stödperson.")).to_be_visible()
    axe_check(coach)
    coach.get_by_role("link", name="Stödpersonen loggar in igen").click()
    heading(coach, "Logga in som personal")
    log_in_as_staff(coach, "jonna")
    expect(coach.locator("tbody tr", has_text="Lisa")).to_contain_text("Vill ha mer stöd")
    coach.get_by_role("link", name="Lisa").click()
    expect(coach.locator(".step-helpers")).to_have_text("Jonna")
    coach.get_by_role("link", name="Alla svar under steget").click()
    heading(coach, "Svar från Lisa")
    axe_check(coach)

    # Later Lisa presses "Jag vill komma tillbaka".
    phone.goto("/")
    phone.get_by_role("link", name="Jag vill komma tillbaka").click()
    heading(phone, "Jag vill komma tillbaka")
    expect(phone.get_by_text("Det är okej att vilja komma tillbaka.")).to_be_visible()
    expect(phone.locator(".come-back-text").first).to_have_text(
        "När du börjar ett jobb, kan beslutet om daglig verksamhet ta slut."
    )
    axe_check(phone)
    phone.get_by_role("button", name="Ja, jag vill komma tillbaka").click()
    expect(phone.locator("#come-back-sent")).to_be_visible()
    axe_check(phone)

    # The case officer sees the flag on her caseload and starts daily activity again.
    office.goto("/personal/")
    flagged = office.locator("tr", has_text="Lisa").filter(has=office.locator(".flag-wants-back"))
    expect(flagged).to_have_count(1)
    axe_check(office)
    flagged.get_by_role("link", name="Lisa").click()
    office.get_by_role("button", name="Starta daglig verksamhet igen").click()
    expect(office.locator("#new-step")).to_contain_text("Kom tillbaka till daglig verksamhet")

    # Lisa's home is the daily-activity home again, and her wishes are there.
    phone.goto("/")
    heading(phone, "Hej Lisa!")
    expect(phone.locator("#step-heading")).to_have_count(0)
    phone.goto("/onskemal/oversikt")
    expect(phone.locator("#pile-like ~ ul a")).to_contain_text(["Djur"])
