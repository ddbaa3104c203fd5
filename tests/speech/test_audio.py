"""Every fixed text can be heard: a recording or the server's voice, made once and kept, at an
address that changes with the audio. Texts that are not fixed are made and kept nowhere."""

import pytest
from sqlmodel import func, select

from app.i18n import LANGUAGES
from app.speech import audio, texts, voice
from app.speech.models import SpokenAudio
from tests.conftest import page

from .sounds import wav


def said(soup):
    """The audio addresses a page marks, in the page's order."""
    return [el["data-say"] for el in soup.select("#main [data-say]") if el["data-say"]]


def test_every_participant_text_in_every_language_has_audio(app, in_request):
    for language in LANGUAGES:
        with in_request():
            fixed = texts.fixed_texts(language)
            assert len(fixed) > 150, "page texts and catalogue texts"
            for text in fixed.values():
                url, _recorded = audio.address(text, language)
                assert url, f"no audio for {text!r} in {language}"
            # The address's text is found again when the audio is made.
            assert texts.fixed_texts(language) == fixed


def test_the_pages_texts_are_marked_with_audio_that_plays(app, anna, client, login_participant):
    login_participant(client, anna)
    home = said(page(client.get("/")))
    question = said(page(client.get("/infor-motet/fraga/how_it_is")))
    assert len(home) >= 8 and len(question) >= 5, "tiles; the question and its answers"
    for url in home[:2] + question:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.mimetype == "audio/ogg"
        assert len(response.data) > 1000


def test_arabic_pages_are_marked_with_arabic_audio(app, anna, client, login_participant):
    login_participant(client, anna)
    client.post("/sprak", data={"lang": "ar"})
    soup = page(client.get("/infor-motet/fraga/how_it_is"))
    legend = soup.select_one("legend[data-say]")
    assert legend["data-say"].startswith("/ljud/ar/")
    response = client.get(legend["data-say"])
    assert response.status_code == 200 and response.mimetype == "audio/ogg"


def kept(db):
    return db.exec(select(func.count()).select_from(SpokenAudio)).one()


def test_a_questions_server_voice_is_made_once_then_served_from_the_cache(
    app, anna, client, login_participant, db, monkeypatch
):
    login_participant(client, anna)
    url = page(client.get("/infor-motet/fraga/how_it_is")).select_one("legend")["data-say"]
    assert kept(db) == 0
    first = client.get(url)
    assert first.status_code == 200 and len(first.data) > 1000
    assert kept(db) == 1

    def no_more_speaking(*args):
        raise AssertionError("made again")

    monkeypatch.setattr(voice, "speak", no_more_speaking)
    again = client.get(url)
    assert again.status_code == 200 and again.data == first.data
    assert kept(db) == 1
    assert again.headers["Cache-Control"] == "public, max-age=31536000, immutable"


def test_a_browser_without_opus_gets_mp3(app, anna, client, login_participant):
    login_participant(client, anna)
    url = page(client.get("/")).select_one(".tiles .tile")["data-say"]
    response = client.get(url.replace(".ogg", ".mp3"))
    assert response.status_code == 200 and response.mimetype == "audio/mpeg"
    assert response.data[:3] == b"ID3" or response.data[:2] == b"\xff\xfb"


@pytest.mark.parametrize(
    "change", [lambda url: url.replace(".v", ".x"), lambda url: url.replace("/sv/", "/sv/0")]
)
def test_an_address_that_is_not_right_is_not_found(app, anna, client, login_participant, change):
    login_participant(client, anna)
    url = page(client.get("/")).select_one(".tiles .tile")["data-say"]
    assert client.get(change(url)).status_code == 404


def test_a_recording_is_marked_and_played_in_place_of_the_server_voice(
    app, anna, client, login_participant, record
):
    recording = record("Bra", wav(1.0))
    login_participant(client, anna)
    soup = page(client.get("/infor-motet/fraga/how_it_is"))
    good = soup.select_one("button[value=good]")
    assert good.has_attr("data-say-recorded")
    assert f".{recording.digest}.ogg" in good["data-say"]
    assert client.get(good["data-say"]).data == recording.audio
    assert not soup.select_one("button[value=so_so]").has_attr("data-say-recorded")


def test_a_text_that_is_not_fixed_is_made_for_the_request_and_kept_nowhere(
    app, anna, client, login_participant, db
):
    login_participant(client, anna)
    response = client.post("/ljud/las-upp", data={"text": "Hej Anna!", "format": "ogg"})
    assert response.status_code == 200 and response.mimetype == "audio/ogg"
    assert len(response.data) > 1000
    assert response.headers["Cache-Control"] == "no-store"
    assert kept(db) == 0


def test_a_text_that_is_not_fixed_needs_a_participant(client):
    assert client.post("/ljud/las-upp", data={"text": "Hej"}).status_code == 401


def test_without_the_server_voice_pages_offer_recordings_and_the_phones_voice(
    new_app, anna, login_participant, record, admin, login_as
):
    new_app.config["SERVER_VOICE"] = False  # as deployed without it, before the first page
    recording = record("Bra", wav(1.0))
    client = new_app.test_client()
    login_participant(client, anna)
    soup = page(client.get("/infor-motet/fraga/how_it_is"))
    assert soup.select_one("legend").get("data-say") == "", "in the page's order, no audio"
    assert not soup.select_one("[data-read-aloud]").has_attr("data-own-text")
    assert client.get(soup.select_one("button[value=good]")["data-say"]).data == recording.audio
    assert client.post("/ljud/las-upp", data={"text": "Hej Anna!"}).status_code == 404
    staff = new_app.test_client()
    login_as(staff, admin)
    notice = page(staff.get("/admin/ljud?sprak=sv")).select_one(
        ".notice.warning:not(#connection-status)"
    )
    assert "Serverns röst är av" in notice.text


def test_a_part_that_says_its_texts_only_through_a_shared_macro_reads_aloud(app):
    """consent/_area.html has no `say` of its own: its answer buttons (`answer_button`) say
    their texts, so the recordings are read before it is drawn, as for any page that says."""
    assert "say(" not in (texts.TEMPLATES / "consent" / "_area.html").read_text()
    assert audio._says(app, "consent/_area.html", set())
    assert not audio._says(app, "errors/error.html", set())
