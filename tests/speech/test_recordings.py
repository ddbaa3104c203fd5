"""Recorded voices: an administrator sees which texts lack a recording, records or uploads one,
replaces or removes it; a recording that is not fine is refused kindly and changes nothing."""

import pytest
from sqlmodel import select

from app.speech import recordings, texts
from app.speech.models import Recording
from tests.conftest import page

from .sounds import upload, wav

GOOD = texts.key("Bra")
RECORD_GOOD = f"/admin/ljud/sv/{GOOD}"


def test_the_list_shows_which_texts_lack_a_recording_per_language(admin_client, record):
    soup = page(admin_client.get("/admin/ljud?sprak=sv"))
    missing = int(soup.h2.text.split()[0])
    rows = soup.select("tbody tr")
    assert missing == len(rows) > 150
    record("Bra", wav(1.0))
    soup = page(admin_client.get("/admin/ljud?sprak=sv"))
    assert int(soup.h2.text.split()[0]) == missing - 1
    last = soup.select("tbody tr")[-1]
    assert last.td.text == "Bra" and "1.0 s" in last.text, "recorded texts come last"
    arabic = page(admin_client.get("/admin/ljud?sprak=ar"))
    assert int(arabic.h2.text.split()[0]) == len(arabic.select("tbody tr")), "one language each"
    assert arabic.select_one("tbody td")["lang"] == "ar"


def test_recording_a_text_keeps_it_small_and_plays_it_on_the_page(admin_client, db):
    soup = page(admin_client.get(RECORD_GOOD))
    assert soup.select_one(".quoted-text").text == "Bra"
    assert soup.select_one("input[type=file][name=audio]")
    response = admin_client.post(RECORD_GOOD, data={"audio": upload(wav(2.0))})
    assert response.status_code == 303
    recording = db.exec(select(Recording)).one()
    assert (recording.language, recording.text, recording.seconds) == ("sv", "Bra", 2.0)
    assert recording.audio[:4] == b"OggS" and len(recording.audio) < len(wav(2.0))
    soup = page(admin_client.get(RECORD_GOOD))
    assert admin_client.get(soup.select_one("audio")["src"]).data == recording.audio


def test_a_new_recording_replaces_the_old_one_at_a_new_address(admin_client, record, db):
    old = record("Bra", wav(1.0, pitch=300))
    admin_client.post(RECORD_GOOD, data={"audio": upload(wav(1.5, pitch=600))})
    db.expire_all()
    new = db.exec(select(Recording)).one()
    assert new.digest != old.digest and new.seconds == 1.5
    old_address = f"/ljud/sv/{GOOD}.{old.digest}.ogg"
    assert admin_client.get(old_address).status_code == 404


def test_a_recording_can_be_removed(admin_client, record, db):
    record("Bra", wav(1.0))
    response = admin_client.post(f"{RECORD_GOOD}/ta-bort")
    assert response.status_code == 303
    assert db.exec(select(Recording)).all() == []


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (wav(31.0), "lang.wav", "för lång"),
        (b"\0" * (recordings.MAX_BYTES + 1), "stor.wav", "för stor"),
        (wav(2.0, loud=False), "tyst.wav", "tyst"),
        ("Det här är en textfil, inget ljud.".encode(), "text.txt", "inte ljud"),
        (b"", "tom.wav", "Spela in texten"),
    ],
)
def test_a_recording_that_is_not_fine_is_refused_and_the_earlier_one_kept(
    admin_client, record, db, data, name, message
):
    earlier = record("Bra", wav(1.0))
    response = admin_client.post(RECORD_GOOD, data={"audio": upload(data, name)})
    soup = page(response, status=422)
    assert soup.title.text.startswith("Fel:")
    error = soup.select_one(".error-summary a")
    assert message in error.text and error["href"] == "#audio"
    assert soup.select_one("#audio")["aria-describedby"] == "audio-hint audio-error"
    assert "Den här inspelningen finns kvar." in soup.text
    db.expire_all()
    assert db.exec(select(Recording.digest)).all() == [earlier.digest]


def test_a_file_larger_than_any_form_takes_is_refused_kindly(admin_client):
    response = admin_client.post(RECORD_GOOD, data={"audio": upload(b"\0" * 3_000_000)})
    assert "för stor" in page(response, status=422).select_one(".error-summary").text


def test_a_recording_without_the_forms_token_is_refused(admin_client, db):
    response = admin_client.post(RECORD_GOOD, data={"audio": upload(wav(1.0))}, csrf=False)
    assert response.status_code == 422
    assert db.exec(select(Recording)).all() == []


def test_other_forms_still_take_no_file(admin_client):
    response = admin_client.post("/admin/enheter/ny", data={"name": "X", "f": upload(wav(0.1))})
    assert response.status_code == 400


def test_only_the_recording_page_may_use_the_microphone(admin_client):
    assert "microphone=(self)" in admin_client.get(RECORD_GOOD).headers["Permissions-Policy"]
    assert "microphone=()" in admin_client.get("/admin/ljud").headers["Permissions-Policy"]


def test_a_text_that_is_not_fixed_cannot_be_recorded(admin_client):
    assert admin_client.get(f"/admin/ljud/sv/{texts.key('Hej Anna!')}").status_code == 404
    assert admin_client.get(f"/admin/ljud/xx/{GOOD}").status_code == 404
