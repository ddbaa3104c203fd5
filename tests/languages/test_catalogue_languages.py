"""Every catalogue text (check-in questions and answers, wish cards, other paths) exists in every
language; a text the municipality has written only in Swedish is shown marked lang="sv", so it
is read aloud with a Swedish voice and not with the page's."""

import pytest
from babel.messages.pofile import read_po
from sqlalchemy.orm.attributes import flag_modified
from sqlmodel import select

from app.alternatives import come_back
from app.alternatives.models import PARTS, Alternative
from app.checkins import questions
from app.checkins.models import QuestionSet
from app.db import get_session
from app.i18n import DEFAULT, LANGUAGES
from app.translate import TRANSLATIONS
from app.wishes import catalogue as wish_cards
from app.wishes.models import WishCard
from tests.conftest import page

TRANSLATED = [code for code in LANGUAGES if code != DEFAULT]


def translated(code: str):
    """Whether a Swedish default text has a translation in this language's catalogue."""
    with (TRANSLATIONS / code / "LC_MESSAGES" / "messages.po").open("rb") as file:
        catalogue = read_po(file)

    def has(swedish: str, own: str | None = None) -> bool:
        message = catalogue.get(swedish)
        return bool(own) or bool(message and message.string)

    return has


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_default_catalogue_text_exists_in_every_language(app, code):
    has = translated(code)
    missing = []
    with app.test_request_context():
        for question in questions.current_set().questions:
            if not has(question["text"]["sv"], question["text"].get(code)):
                missing.append(("question", question["key"]))
            for choice in questions.choices_of(question):
                if not has(choice.label._args[0]):
                    missing.append(("answer", choice.key))
        for card in wish_cards.visible_cards():
            if not has(card.words["sv"], card.words.get(code)):
                missing.append(("card", card.key))
        for alternative in get_session().exec(select(Alternative)).all():
            # "Kan jag komma tillbaka?" may be the group's text, written once (come_back).
            shared = come_back.for_alternative(alternative.key, code)
            for part in ["title", "summary", *PARTS]:
                if (alternative.texts.get(code) or {}).get(part):
                    continue
                if part == "back" and shared.lines and shared.language == code:
                    continue
                missing.append(("other path", alternative.key, part))
    assert missing == []


def _speak_arabic(client):
    assert client.post("/sprak", data={"lang": "ar", "next": "/"}).status_code == 303


def _swedish_only(model, field, value):
    db = get_session()
    setattr(model, field, value)
    flag_modified(model, field)
    db.add(model)
    db.commit()


def test_an_other_path_without_arabic_is_shown_in_swedish_marked_as_swedish(
    app, anna_client, seeded
):
    with app.test_request_context():
        iwork = get_session().exec(select(Alternative).where(Alternative.key == "iwork")).one()
        _swedish_only(iwork, "texts", {"sv": iwork.texts["sv"], "en": iwork.texts["en"]})
    _speak_arabic(anna_client)

    soup = page(anna_client.get("/andra-vagar/iwork"))
    assert soup.html["lang"] == "ar"
    assert soup.h1["lang"] == "sv" and soup.h1["dir"] == "ltr"
    # The group's "Kan jag komma tillbaka?" has its Arabic: only the path's own texts fall back.
    lines = soup.select(".alternative-part p:not(.come-back-text)")
    assert len(lines) > 10
    assert all(line["lang"] == "sv" for line in lines)
    # Read aloud with the Swedish voice; the headings are the page's own, in Arabic.
    assert all("/ljud/sv/" in line["data-say"] for line in lines if line.get("data-say"))
    assert all(not heading.get("lang") for heading in soup.select(".alternative-part h2"))

    card = page(anna_client.get("/andra-vagar")).select_one('a[href="/andra-vagar/iwork"]')
    assert card.select_one(".alternative-card-title")["lang"] == "sv"
    # A path that has its Arabic is not marked.
    praktik = page(anna_client.get("/andra-vagar/praktik"))
    assert not praktik.h1.get("lang")
    assert not any(p.get("lang") for p in praktik.select(".alternative-part p"))


@pytest.fixture
def question_sets_read_again(app):
    """The question sets the app keeps in memory (by id) are read again, before and after:
    this test changes the set in place, which no other test must see."""
    app.extensions.get("question_sets", {}).clear()
    yield
    app.extensions.get("question_sets", {}).clear()


def test_a_question_and_a_card_written_only_in_swedish_are_marked_as_swedish(
    app, anna_client, seeded, question_sets_read_again
):
    with app.test_request_context():
        db = get_session()
        question_set = db.exec(select(QuestionSet).order_by(QuestionSet.version.desc())).first()
        changed = [dict(q) for q in question_set.questions]
        changed[0]["text"] = {"sv": "Hur mår du på jobbet i dag?"}
        _swedish_only(question_set, "questions", changed)
        app.extensions.get("question_sets", {}).clear()  # as after a restart
        card = db.exec(select(WishCard).where(WishCard.key == "djur")).one()
        _swedish_only(card, "words", {"sv": "Djur och natur"})
    _speak_arabic(anna_client)

    legend = page(anna_client.get(f"/infor-motet/fraga/{changed[0]['key']}")).select_one("legend")
    assert legend["lang"] == "sv" and legend.get_text(strip=True) == "Hur mår du på jobbet i dag?"
    assert "/ljud/sv/" in legend["data-say"]
    other = page(anna_client.get(f"/infor-motet/fraga/{changed[2]['key']}")).select_one("legend")
    assert not other.get("lang")

    heading = page(anna_client.get("/onskemal/kort/djur")).h1
    assert heading["lang"] == "sv" and heading.get_text(strip=True) == "Djur och natur"
    assert not page(anna_client.get("/onskemal/kort/kafe")).h1.get("lang")
