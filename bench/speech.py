"""Read-aloud: the server's voice (espeak-ng, then ffmpeg to Opus), and what the audio costs.

Time to make one sentence on the server, bytes per second of audio, and the total audio of one
full check-in per language: every text marked on the check-in's pages (the start, each question,
the summary and the thanks), as a phone downloads or keeps it.
"""

import re
import statistics
import time

from bench import world

SENTENCES = {
    "sv": "Hur har du det på din dagliga verksamhet?",
    "en": "How do you like it at your daily activity?",
    "ar": "كيف حالك في نشاطك اليومي؟",
}
ROUNDS = 5
SAID = re.compile(r'data-say="(/ljud/[^"]+)"')


def time_to_make(app, language: str) -> tuple[float, int, float]:
    """Median seconds to make the sentence, its size in bytes and its length in seconds."""
    from app.speech import sound, voice

    with app.app_context():
        times = []
        for _ in range(ROUNDS):
            started = time.perf_counter()
            audio = voice.speak(SENTENCES[language], language)
            times.append(time.perf_counter() - started)
        return statistics.median(times), len(audio), sound.measure(audio).seconds


def check_in_pages() -> list[str]:
    """The pages of one full check-in (every question asked), in the order they come."""
    from app.checkins.questions import DEFAULT_QUESTIONS

    questions = [f"/infor-motet/fraga/{q['key']}" for q in DEFAULT_QUESTIONS]
    return ["/infor-motet", *questions, "/infor-motet/svar", "/infor-motet/tack"]


def check_in_audio(client, language: str) -> tuple[int, int, float]:
    """(texts, bytes, seconds made) of the audio on every page of one full check-in."""
    client.post("/sprak", data={"lang": language, "csrf_token": _token(client)})
    addresses = []
    for path in check_in_pages():
        page = client.get(path)
        if page.status_code != 200:  # a question this person is not asked
            continue
        for address in SAID.findall(page.get_data(as_text=True)):
            if address not in addresses:
                addresses.append(address)
    started = time.perf_counter()
    sizes = [len(client.get(address).data) for address in addresses]
    return len(addresses), sum(sizes), time.perf_counter() - started


def _token(client) -> str:
    html = client.get("/sprak").get_data(as_text=True)
    return re.search(r'name="csrf-token" content="([^"]+)"', html)[1]


def main() -> None:
    rows = []
    with world.demo_app() as (app, token):
        client = app.test_client()
        client.post("/k", data={"token": token, "csrf_token": _token(client)})
        for language in SENTENCES:
            seconds, size, length = time_to_make(app, language)
            texts, total, made = check_in_audio(client, language)
            rows.append((language, seconds, size, length, texts, total, made))
    lines = [
        "| language | one sentence made in | its audio | bytes per second of audio "
        "| texts in one full check-in | their audio | made first time in |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for language, seconds, size, length, texts, total, made in rows:
        lines.append(
            f"| {language} | {seconds * 1000:.0f} ms | {size / 1024:.1f} KB, {length:.1f} s "
            f"| {size / length:.0f} B/s | {texts} | {total / 1024:.0f} KB | {made:.1f} s |"
        )
    print("## Read-aloud: the server's voice (espeak-ng, Opus 24 kbit/s)\n\n" + "\n".join(lines))


if __name__ == "__main__":
    main()
