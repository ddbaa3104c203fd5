"""Easy-to-read Swedish, measured: every participant page has LIX at most 30.

LIX is computed on the visible text of <main> (tests/lix.py), on every page a participant
reaches from home by links, the pages that follow an answer, and the card login pages.
"""

from tests.conftest import page
from tests.lix import lix, visible_main_text

from .crawl import crawl

LIX_LIMIT = 30
# Pages a participant reaches by sending a form rather than by a link.
AFTER_AN_ANSWER = [
    "/infor-motet/trygg",
    "/infor-motet/tack",
    "/andra-vagar/iwork/veta-mer",
    "/andra-vagar/iwork/inte-nu",
    "/finns-inte",
]


def scores(pages) -> dict[str, float]:
    return {path: round(lix(visible_main_text(soup)), 1) for path, soup in pages.items()}


def too_hard(pages) -> list[tuple[str, float, list[str]]]:
    scores = [(path, lix(visible_main_text(soup)), soup) for path, soup in pages.items()]
    return [(path, round(score, 1), visible_main_text(soup)) for path, score, soup in scores
            if score > LIX_LIMIT]  # fmt: skip


def test_every_participant_page_reads_easily_in_swedish(anna_client, seeded):
    pages = crawl(anna_client, ["/", *AFTER_AN_ANSWER])
    assert all(soup.html["lang"] == "sv" for soup in pages.values())
    # Home, pictures, language, goals, a step, wishes, the cards, check-in, its questions ...
    assert len(pages) >= 30, sorted(pages)
    for path in ("/infor-motet/fraga/how_helped", "/onskemal/oversikt", "/mina-mal"):
        assert path in pages or any(p.startswith(path) for p in pages), sorted(pages)
    assert too_hard(pages) == []


def test_the_login_pages_read_easily_too(client, seeded):
    pages = crawl(client, ["/", f"/k/{seeded['anna_token']}", "/k/inte-jag"])
    pages = {path: soup for path, soup in pages.items() if not path.startswith("/personal")}
    assert len(pages) >= 3
    assert too_hard(pages) == []


def test_hard_words_on_a_page_are_caught(anna_client, seeded):
    soup = page(anna_client.get("/"))
    hard = "Verksamhetsuppföljningen kräver individanpassade insatser och dokumentation."
    for _ in range(5):
        soup.main.append(soup.new_tag("p", string=hard))
    assert lix(visible_main_text(soup)) > LIX_LIMIT
