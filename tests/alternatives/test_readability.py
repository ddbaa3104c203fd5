"""Every alternative's page reads easily in Swedish: LIX at most 30 on the visible main text."""

import pytest

from tests.conftest import page
from tests.lix import lix, sentences, visible_main_text

DEFAULT_KEYS = [
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


def test_lix_counts_words_sentences_and_long_words():
    # 7 words, 2 sentences, 1 long word ("Stockholm"): 7/2 + 100/7.
    assert lix(["Jag heter Anna. Jag bor i Stockholm."]) == pytest.approx(3.5 + 100 / 7)
    # A heading without a full stop is a sentence of its own; digits are not words.
    assert sentences("Vad är det?") == ["Vad är det"]
    assert lix(["Vem är det för", "Du är 18 år."]) == pytest.approx(7 / 2)
    # Long words and long sentences push it up.
    hard = "Arbetsförmedlingen tillhandahåller individanpassade insatser för arbetssökande."
    assert lix([hard]) > 60


@pytest.mark.parametrize("key", DEFAULT_KEYS)
def test_each_alternative_page_has_lix_at_most_30_in_swedish(anna_client, key):
    soup = page(anna_client.get(f"/andra-vagar/{key}"))
    assert soup.html["lang"] == "sv"
    blocks = visible_main_text(soup)
    assert len(blocks) > 15, blocks  # the six parts are there, not an empty page
    assert lix(blocks) <= 30, (key, round(lix(blocks), 1), blocks)


def test_the_list_and_the_answers_are_easy_too(anna_client):
    for url in ("/andra-vagar", "/andra-vagar/iwork/inte-nu"):
        assert lix(visible_main_text(page(anna_client.get(url)))) <= 30, url
    anna_client.post("/andra-vagar/iwork/veta-mer")
    assert lix(visible_main_text(page(anna_client.get("/andra-vagar/iwork/veta-mer")))) <= 30
