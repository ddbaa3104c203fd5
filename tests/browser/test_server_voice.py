"""Read-aloud on a phone without a voice of its own: "Lyssna" fetches the server's audio and
plays it, in Swedish and in Arabic; a recorded voice is played before any other."""

import pytest
from playwright.sync_api import expect

from app.db import get_session
from app.display import offline
from app.models import StaffUser
from app.speech import recordings, texts
from tests.speech.sounds import wav

from .steps import card_address, heading, log_in_with_card

# The phone has no speech engine at all; every audio that starts playing is written down.
# window.fast makes each audio play four times as fast; window.from holds where each play began.
RECORD_PLAYING = """
window.playing = [];
window.from = [];
const play = HTMLMediaElement.prototype.play;
HTMLMediaElement.prototype.play = function () {
  window.player = this;
  window.from.push(this.currentTime);
  if (window.fast) this.playbackRate = 4;
  this.addEventListener("playing", () => window.playing.push(this.currentSrc), {once: true});
  return play.call(this);
};
"""
NO_SPEECH = 'Object.defineProperty(window, "speechSynthesis", {value: undefined});' + RECORD_PLAYING


@pytest.fixture
def anna(make_unit, make_participant, make_meeting):
    anna = make_participant("Anna", unit=make_unit("Kaféet"))
    make_meeting(anna)
    return anna


def until(phone, script):
    """Wait until `script` (a function) is true in the page (10 s at most): polled from here,
    as the page's Content-Security-Policy allows no eval for Playwright's own polling."""
    for _ in range(50):
        if phone.evaluate(script):
            return
        phone.wait_for_timeout(200)
    raise AssertionError(f"never true: {script}")


def phone_without_speech(app, anna, new_page, script=NO_SPEECH):
    phone = new_page()
    phone.add_init_script(script)
    log_in_with_card(phone, card_address(app, anna))
    return phone


def listen_and_hear(phone):
    """Press "Lyssna": the first fixed text's audio the page fetches; something plays."""
    with phone.expect_response(lambda r: "/ljud/" in r.url and r.request.method == "GET") as heard:
        phone.locator("[data-read-aloud]").click()
    response = heard.value
    assert response.status in (200, 206), "206: a media element asks for a range"
    assert response.header_value("content-type").startswith("audio/")
    assert len(response.body()) > 1024
    until(phone, "() => window.playing.length > 0")
    expect(phone.locator("[data-reading]")).to_have_count(1)  # the part being heard is marked
    return response


def test_without_speech_on_the_phone_lyssna_plays_the_servers_voice_in_swedish_and_arabic(
    app, anna, new_page, axe_check
):
    phone = phone_without_speech(app, anna, new_page)
    listen_and_hear(phone)
    expect(phone.locator("[data-read-aloud]")).to_have_text("Pausa")
    axe_check(phone)

    phone.goto("/infor-motet/fraga/how_it_is")
    heading(phone, "Hur har du det på din dagliga verksamhet?")
    listen_and_hear(phone)
    until(phone, "() => window.playing.some(src => src.includes('/ljud/sv/'))")

    phone.goto("/sprak")
    phone.get_by_role("button", name="العربية").click()
    phone.goto("/infor-motet/fraga/how_it_is")
    expect(phone.locator("html")).to_have_attribute("lang", "ar")
    assert "/ljud/ar/" in listen_and_hear(phone).url
    until(phone, "() => window.playing.some(src => src.includes('/ljud/ar/'))")
    expect(phone.locator("[data-read-aloud]")).to_have_text("إيقاف مؤقت")
    axe_check(phone)
    phone.locator("[data-read-aloud]").click()
    expect(phone.locator("[data-read-aloud]")).to_have_text("تابع")


# The audio each part of the page would play, in the page's order (a text that is not fixed
# is made by the server for the request: a blob).
PARTS_AUDIO = """() => [...document.querySelectorAll('#main [data-say]')]
  .filter(el => !el.parentElement.closest('[data-say]'))
  .map(el => el.dataset.say ? new URL(el.dataset.say, location.href).href : 'blob')"""


@pytest.mark.parametrize(
    "script", [NO_SPEECH, RECORD_PLAYING], ids=["speech removed", "speech without voices"]
)
def test_the_server_voice_reads_the_page_in_order_pauses_and_goes_on(
    app, anna, new_page, axe_check, script
):
    phone = phone_without_speech(app, anna, new_page, script)
    phone.goto("/infor-motet/fraga/how_it_is")
    heading(phone, "Hur har du det på din dagliga verksamhet?")
    listen = phone.locator("[data-read-aloud]")
    listen_and_hear(phone)
    expect(listen).to_have_text("Pausa")

    listen.click()
    expect(listen).to_have_text("Fortsätt")
    box = listen.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44
    until(phone, "() => window.player.paused")
    heard, at = phone.evaluate("[window.player.currentSrc, window.player.currentTime]")
    marked = phone.locator("[data-reading]")
    expect(marked).to_have_count(1)  # the part it paused in stays marked
    axe_check(phone)
    phone.wait_for_timeout(600)
    assert phone.evaluate("window.player.currentTime") == at, "silent while paused"
    assert phone.evaluate("window.playing.length") == 1

    phone.evaluate("window.fast = true")
    listen.click()
    expect(listen).to_have_text("Pausa")
    until(phone, f"() => !window.player.paused && window.player.currentTime > {at}")
    assert phone.evaluate("window.from[1]") == at, "it went on from where it paused"
    until(phone, "() => window.playing.length > 1")  # its "playing" may come after time moves
    assert phone.evaluate("window.playing[1]") == heard

    # Then the rest of the page, part after part, in order.
    expected = phone.evaluate(PARTS_AUDIO)
    until(phone, "() => window.playing.length >= 5")
    played = phone.evaluate("window.playing.map(src => src.startsWith('blob:') ? 'blob' : src)")
    del played[1]  # the first part again, when it went on
    assert played[:4] == expected[:4]


def test_a_recording_is_played_rather_than_the_servers_voice(
    app, anna, new_page, make_staff, axe_check
):
    admin = make_staff("admin")
    with app.test_request_context():
        staff = get_session().get(StaffUser, admin.id)
        recording = recordings.save("sv", texts.key("Bra"), "Bra", wav(1.5), staff)
    phone = phone_without_speech(app, anna, new_page)
    phone.goto("/infor-motet/fraga/how_it_is")
    speaker = phone.get_by_role("button", name="Lyssna: Bra")
    expect(speaker).to_be_visible()
    box = speaker.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44
    axe_check(phone)
    with phone.expect_response(lambda r: "/ljud/" in r.url) as heard:
        speaker.click()
    assert heard.value.body() == recording.audio
    until(phone, "() => window.playing.length > 0")
    played = phone.evaluate("window.playing")
    assert played == [heard.value.url], "the recording, and no server voice"
    assert f".{recording.digest}.ogg" in played[0]


# The sizes of the audio files the phone keeps.
KEPT_AUDIO = """() => caches.keys()
  .then(names => Promise.all(names.map(n => caches.open(n).then(c => c.keys()
    .then(keys => Promise.all(keys.filter(k => k.url.includes('/ljud/'))
      .map(k => c.match(k).then(r => +r.headers.get('Content-Length'))))))))).then(s => s.flat())"""


def kept_audio(phone, until):
    """The sizes of the kept audio files, once `until(sizes)` holds (10 s at most)."""
    for _ in range(50):
        sizes = phone.evaluate(KEPT_AUDIO)
        if until(sizes):
            return sizes
        phone.wait_for_timeout(200)
    raise AssertionError(f"kept audio: {sizes}")


def test_the_audio_of_a_kept_page_is_kept_within_the_budget_and_heard_offline(
    app, anna, new_page, monkeypatch
):
    monkeypatch.setattr(offline, "AUDIO_BUDGET", 20_000)  # a few of the page's files, not all
    phone = phone_without_speech(app, anna, new_page)
    until(phone, "() => navigator.serviceWorker.controller !== null")
    phone.reload()  # now through the service worker, which keeps the page and its audio
    heading(phone, "Hej Anna!")
    kept_audio(phone, lambda sizes: len(sizes) >= 2)
    phone.wait_for_timeout(1000)  # let it try to keep the rest of the page's audio
    sizes = phone.evaluate(KEPT_AUDIO)
    assert 0 < sum(sizes) <= 20_000, "kept within the budget"
    assert len(sizes) < len(phone.locator("#main [data-say^='/ljud/']").all()), "not all fit"

    new_page.expect_console_error("ERR_INTERNET_DISCONNECTED|Failed to load resource")
    phone.context.set_offline(True)
    phone.locator("[data-read-aloud]").click()
    until(phone, "() => window.playing.length > 0")
    assert "/ljud/sv/" in phone.evaluate("window.playing[0]")
    phone.context.set_offline(False)

    phone.get_by_role("button", name="Logga ut").click()
    heading(phone, "Välkommen till Mina steg")
    kept_audio(phone, lambda sizes: sizes == [])
