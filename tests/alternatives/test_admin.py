"""Administrators keep the catalogue: add, hide, reorder, change the words, pick the picture."""

from sqlmodel import select

from app.alternatives.models import TEXT_FIELDS, Alternative, CatalogueText
from tests.conftest import page

from .helpers import make_interest


def form_of(alternative: Alternative, **changes) -> dict:
    """What the edit form posts for this alternative, with some fields changed."""
    data = {
        f"{part}_{code}": (alternative.texts.get(code) or {}).get(part, "")
        for code in ("sv", "en")
        for part in TEXT_FIELDS
    }
    data.update(
        pictogram=alternative.pictogram,
        position=str(alternative.position),
        visibility="hidden" if alternative.hidden else "shown",
    )
    data.update(changes)
    return data


def admin_client(app, make_staff, login_as):
    client = app.test_client()
    login_as(client, make_staff("admin"))
    return client


def test_the_list_shows_all_eleven(app, make_staff, login_as):
    soup = page(admin_client(app, make_staff, login_as).get("/admin/andra-vagar"))
    assert len(soup.select("tbody tr")) == 11
    assert soup.select_one("a[href='/admin/andra-vagar/komvux']")


def test_the_edit_form_is_filled_in(app, make_staff, login_as):
    soup = page(admin_client(app, make_staff, login_as).get("/admin/andra-vagar/iwork"))
    assert soup.select_one("#title_sv")["value"] == "IWork"
    assert "coach" in soup.select_one("#what_en").text
    assert soup.select_one("#pictogram input[value=iwork][checked]") or soup.select_one(
        "input[name=pictogram][value=iwork][checked]"
    )


def test_change_words_picture_order_and_contact(
    app, make_staff, login_as, alternative, anna_client
):
    client = admin_client(app, make_staff, login_as)
    iwork = alternative("iwork")
    response = client.post(
        "/admin/andra-vagar/iwork",
        data=form_of(
            iwork,
            what_sv="IWork hjälper dig.",
            contact_sv="Ring Lisa.",
            position="500",
            pictogram="job",
        ),
    )
    assert response.status_code == 303
    changed = alternative("iwork")
    assert changed.texts["sv"]["what"] == "IWork hjälper dig."
    assert changed.texts["sv"]["contact"] == "Ring Lisa."
    assert changed.texts["en"]["title"] == "IWork"
    assert (changed.position, changed.pictogram) == (500, "job")
    assert changed.updated_by_id is not None
    cards = page(anna_client.get("/andra-vagar")).select(".alternative-cards a")
    assert cards[-1]["href"] == "/andra-vagar/iwork"  # reordered to the end
    soup = page(anna_client.get("/andra-vagar/iwork"))
    assert "IWork hjälper dig." in soup.text and "Ring Lisa." in soup.text


def test_hide_keeps_interests_for_staff(
    app, make_staff, login_as, alternative, anna_client, anna, db, karin_client, make_meeting
):
    meeting = make_meeting(anna)
    make_interest(db, anna.id, "samhall")
    client = admin_client(app, make_staff, login_as)
    client.post(
        "/admin/andra-vagar/samhall", data=form_of(alternative("samhall"), visibility="hidden")
    )
    assert alternative("samhall").hidden
    assert anna_client.get("/andra-vagar/samhall").status_code == 404
    assert "Dold" in page(client.get("/admin/andra-vagar")).text
    brief = page(karin_client.get(f"/personal/moten/{meeting.id}"))
    assert "Samhall" in brief.select_one(".brief-interests").text


def test_add_an_alternative(app, make_staff, login_as, db, anna_client):
    client = admin_client(app, make_staff, login_as)
    data = {f"{part}_sv": "Kort text." for part in TEXT_FIELDS}
    data.update(title_sv="Café Måsen", pictogram="cafe", position="5", visibility="shown")
    assert client.post("/admin/andra-vagar/ny", data=data).status_code == 303
    added = db.exec(select(Alternative).where(Alternative.key == "cafe-masen")).one()
    assert added.texts["sv"]["title"] == "Café Måsen" and "en" not in added.texts
    first = page(anna_client.get("/andra-vagar")).select(".alternative-cards a")[0]
    assert first["href"] == "/andra-vagar/cafe-masen"


def test_bad_input_is_refused_and_kept(app, make_staff, login_as, alternative):
    client = admin_client(app, make_staff, login_as)
    iwork = alternative("iwork")
    cases = [
        (form_of(iwork, title_sv=""), "#title_sv-error"),
        (form_of(iwork, what_sv="x" * 601), "#what_sv-error"),
        (form_of(iwork, title_en="x" * 81), "#title_en-error"),
        (form_of(iwork, pictogram="not-a-picture"), "#pictogram-error"),
        (form_of(iwork, position="-1"), "#position-error"),
        (form_of(iwork, visibility="maybe"), "#visibility-error"),
    ]
    for data, error in cases:
        soup = page(client.post("/admin/andra-vagar/iwork", data=data), status=422)
        assert soup.select_one(error), error
        assert soup.select_one("#what_sv").text.strip() == data["what_sv"].strip()
    assert alternative("iwork").texts == iwork.texts
    assert client.post("/admin/andra-vagar/finns-inte", data=form_of(iwork)).status_code == 404
    assert (
        client.post("/admin/andra-vagar/iwork", data=form_of(iwork), csrf=False).status_code == 400
    )


def test_the_migration_put_in_eleven_pages_in_the_same_shape(db):
    rows = db.exec(select(Alternative).order_by(Alternative.position)).all()
    assert [a.key for a in rows] == [
        "iwork",
        "praktik",
        "stod-till-jobb",
        "sius",
        "lonebidrag",
        "serviceassistent",
        "samhall",
        "folkhogskola",
        "komvux",
        "annan-daglig-verksamhet",
        "steg-for-steg",
    ]
    # "Kan jag komma tillbaka?" is written once for the job paths and once for the study paths
    # (catalogue_text); those paths keep only what they say more.
    shared = {row.key: row for row in db.exec(select(CatalogueText)).all()}
    assert set(shared) == {"come_back_job", "come_back_studies"}
    for alternative in rows:
        group = next((r for r in shared.values() if alternative.key in r.alternative_keys), None)
        for code in ("sv", "en", "ar"):
            texts = alternative.texts[code]
            for part in ("title", "summary", "what", "who", "start", "help", "money"):
                assert texts[part].strip(), (alternative.key, code, part)
            back = texts.get("back", "") + (group.texts[code] if group else "")
            assert back.strip(), (alternative.key, code, "back")
            # No promise that coming back is always possible.
            assert "alltid" not in back
        assert "handläggare" in alternative.texts["sv"]["money"]
        # "Stöd" is a person who helps; money is called money.
        assert "stöd" not in alternative.texts["sv"]["money"].lower()
        assert alternative.facts_checked_on is not None and alternative.facts_check_note
