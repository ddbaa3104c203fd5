"""LIX, the Swedish readability index (Björnsson 1968): words per sentence plus the share of
long words (more than six letters) in per cent. Under 30 is very easy text.

Computed here rather than with `textstat`: the formula is short and well defined, and this way
the test decides what a word and a sentence are on a web page (a heading or a button with no
full stop is a sentence of its own; "18" is not a word).
"""

import re

WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
SENTENCE_END = re.compile(r"[.!?:]+")


def sentences(block: str) -> list[str]:
    """The sentences of one block of text (a paragraph, a heading, a button)."""
    return [part for part in SENTENCE_END.split(block) if WORD.search(part)]


def lix(blocks: list[str]) -> float:
    """LIX of a text given as blocks; each block ends a sentence even without a full stop."""
    all_sentences = [s for block in blocks for s in sentences(block)]
    words = [w for s in all_sentences for w in WORD.findall(s)]
    if not words:
        raise ValueError("no words")
    long_words = [w for w in words if len(w) > 6]
    return len(words) / len(all_sentences) + 100 * len(long_words) / len(words)


def visible_main_text(soup) -> list[str]:
    """The text a reader meets in <main>: headings, paragraphs, links, buttons, labels and
    legends, each a block of its own. Hidden parts, and words in another language (a language's
    own name, say), are left out."""
    main = soup.select_one("main")
    language = soup.html.get("lang") if soup.html else None
    for hidden in main.select("[hidden], .visually-hidden, script, template"):
        hidden.decompose()
    for foreign in main.select("[lang]"):
        if language and foreign.get("lang") != language:
            foreign.decompose()
    return [
        element.get_text(" ", strip=True)
        for element in main.select("h1, h2, h3, p, a, button, label, legend, dt, dd")
        if element.get_text(strip=True)
    ]
