"""Read-aloud with a stand-in for the phone's speech engine: the page's language, a calm rate,
the sentence being read marked, pause and go on, and a kind word where the phone has no voice."""

import pytest
from playwright.sync_api import expect

from tests.conftest import restart_with

from .steps import card_address, heading, log_in_with_card

# The phone's speech engine, replaced so the test decides which voices exist and when each
# sentence ends. Every utterance is written down in window.spoken.
FAKE_SPEECH = """
(() => {
  const queue = [];
  window.spoken = [];
  window.cancelled = 0;
  const engine = {
    speaking: false,
    pending: false,
    getVoices: () => window.voices || [],
    speak(u) {
      queue.push(u);
      const voice = u.voice && u.voice.lang;
      window.spoken.push({text: u.text, lang: u.lang, rate: u.rate, voice});
      engine.pending = queue.length > 1;
      if (queue.length === 1) engine.next();
    },
    next() {
      engine.speaking = queue.length > 0;
      if (queue.length && queue[0].onstart) queue[0].onstart();
    },
    cancel() {
      window.cancelled += 1;
      queue.length = 0;
      engine.speaking = engine.pending = false;
    },
    addEventListener() {},
  };
  window.finishSentence = () => {
    const done = queue.shift();
    engine.pending = queue.length > 1;
    if (done && done.onend) done.onend();
    engine.next();
  };
  Object.defineProperty(window, "speechSynthesis", {value: engine});
  window.SpeechSynthesisUtterance = function (text) { this.text = text; };
})();
"""
SWEDISH = "[{lang: 'sv-SE', name: 'Alva'}, {lang: 'en-GB', name: 'Daniel'}]"


@pytest.fixture
def anna(make_unit, make_participant):
    return make_participant("Anna", unit=make_unit("Kaféet"))


def phone_with_voices(app, anna, new_page, voices):
    phone = new_page()
    phone.add_init_script(FAKE_SPEECH + f"window.voices = {voices};")
    log_in_with_card(phone, card_address(app, anna))
    phone.get_by_role("link", name="Min bild").click()
    heading(phone, "Välj din bild")
    return phone


def marked(phone):
    """The sentence marked on screen, and the text of the part it is in."""
    return phone.evaluate(
        """() => {
          const mark = CSS.highlights.get("reading");
          const part = document.querySelector("[data-reading]");
          return [mark ? [...mark][0].toString() : null, part ? part.innerText : null];
        }"""
    )


def test_reads_in_the_pages_language_a_sentence_at_a_time_calmly_pauses_and_goes_on(
    app, anna, new_page, axe_check
):
    phone = phone_with_voices(app, anna, new_page, SWEDISH)
    listen = phone.locator("[data-read-aloud]")
    expect(listen).to_have_text("Lyssna")
    listen.click()
    expect(listen).to_have_text("Pausa")
    box = listen.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44
    first = phone.evaluate("window.spoken[0]")
    assert first == {"text": "Välj din bild", "lang": "sv", "rate": 0.9, "voice": "sv-SE"}
    assert marked(phone) == ["Välj din bild", "Välj din bild"]
    axe_check(phone)

    phone.evaluate("window.finishSentence()")
    sentence, part = marked(phone)
    assert sentence == "Bilden visar att det är du."
    assert part.startswith("Bilden visar att det är du. Tryck på"), "its paragraph is marked too"

    # Paused in the middle of a paragraph: the phone stops talking, the sentence stays marked.
    listen.click()
    expect(listen).to_have_text("Fortsätt")
    assert phone.evaluate("window.cancelled") >= 1
    spoken = phone.evaluate("window.spoken.length")
    phone.evaluate("window.finishSentence()")
    assert phone.evaluate("window.spoken.length") == spoken, "nothing more while paused"
    assert marked(phone)[0] == "Bilden visar att det är du."
    axe_check(phone)

    # It goes on with the sentence it paused in, then the rest in order.
    listen.click()
    expect(listen).to_have_text("Pausa")
    went_on = phone.evaluate(f"window.spoken.slice({spoken}).map(s => s.text)")
    assert went_on == ["Bilden visar att det är du.", "Tryck på den bild du vill ha."]
    assert marked(phone)[0] == "Bilden visar att det är du."
    phone.evaluate("window.finishSentence()")
    assert marked(phone)[0] == "Tryck på den bild du vill ha."


def test_a_speaker_stops_the_page_and_reads_its_answer_alone(app, anna, new_page):
    phone = phone_with_voices(app, anna, new_page, SWEDISH)
    phone.goto("/sa-vill-jag-se-det")
    heading(phone, "Så vill jag se det")
    phone.locator("[data-read-aloud]").click()
    phone.get_by_role("button", name="Lyssna: Större text").click()
    expect(phone.locator("[data-read-aloud]")).to_have_text("Pausa")
    assert phone.evaluate("window.spoken.at(-1).text").split() == ["Större", "text", "Av"]
    phone.evaluate("window.finishSentence()")
    expect(phone.locator("[data-read-aloud]")).to_have_text("Lyssna")
    assert marked(phone) == [None, None]


def test_when_the_page_is_read_to_the_end_the_button_is_ready_again(app, anna, new_page):
    phone = phone_with_voices(app, anna, new_page, SWEDISH)
    listen = phone.locator("[data-read-aloud]")
    listen.click()
    # Part after part, in the page's order, each once the one before has ended.
    for _ in range(100):
        if listen.inner_text() == "Lyssna":
            break
        phone.evaluate("window.finishSentence()")
    expect(listen).to_have_text("Lyssna")
    texts = phone.evaluate("window.spoken.map(s => s.text)")
    assert texts[:2] == ["Välj din bild", "Bilden visar att det är du."]
    assert "Äpple" in texts and "Logga ut" not in texts, "only the page's own content is read"
    assert marked(phone) == [None, None]


def test_an_english_page_is_read_with_an_english_voice(app, anna, new_page):
    phone = phone_with_voices(app, anna, new_page, SWEDISH)
    phone.goto("/sprak")
    phone.get_by_role("button", name="English").click()
    heading(phone, "Hello Anna!")
    phone.locator("[data-read-aloud]").click()
    first = phone.evaluate("window.spoken[0]")
    assert (first["lang"], first["voice"], first["text"]) == ("en", "en-GB", "Hello Anna!")
    expect(phone.locator("[data-read-aloud]")).to_have_text("Pause")
    phone.locator("[data-read-aloud]").click()
    expect(phone.locator("[data-read-aloud]")).to_have_text("Continue")


def test_without_a_voice_for_the_language_the_button_says_so_kindly(app, anna, new_page, axe_check):
    restart_with(app, SERVER_VOICE=False)  # a server without espeak-ng: no voice of its own
    phone = phone_with_voices(app, anna, new_page, "[{lang: 'en-GB', name: 'Daniel'}]")
    listen = phone.locator("[data-read-aloud]")
    expect(listen).to_have_text("Lyssna")
    listen.click()
    expect(listen).to_have_text("Telefonen kan inte läsa upp på det här språket")
    assert phone.evaluate("window.spoken") == []
    assert marked(phone) == [None, None]
    axe_check(phone)
    # In English the phone has a voice: the button reads.
    phone.goto("/sprak")
    phone.get_by_role("button", name="English").click()
    heading(phone, "Hello Anna!")
    expect(listen).to_have_text("Listen")
    listen.click()
    assert phone.evaluate("window.spoken[0].lang") == "en"
