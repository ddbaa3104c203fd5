"""LIX, the Swedish readability index (Björnsson 1968): words per sentence plus the share of
long words (more than six letters) in per cent. Under 30 is very easy text, under 40 easy.

Written out rather than taken from `textstat`: the formula is short and well defined, and
this way the app decides what a word and a sentence are (a heading or a button with no full
stop is a sentence of its own; "18" is not a word). The case officer sees the LIX of the line
a participant will read; the tests measure the participant's pages with the same rule.
"""

import re

WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
SENTENCE_END = re.compile(r"[.!?:]+")
EASY = 30
FAIRLY_EASY = 40


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
