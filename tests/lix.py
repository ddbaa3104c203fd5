"""LIX of a participant's page: the rule is the app's own (app/readability.py); this decides
which text of a page a reader meets."""

from app.readability import lix, sentences

__all__ = ["lix", "sentences", "visible_main_text"]


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
