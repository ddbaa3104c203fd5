"""The check-in questions: the default set, the answer choices, and which questions apply.

A question set is stored as data (QuestionSet.questions) so admins can change the wording and
order without code; the choices' words and pictures live here, translated like any other text.
"""

from sqlmodel import select

from ..db import get_session, save_changes
from ..i18n import N_, code, in_language
from ..i18n import language_of as i18n_language_of
from ..i18n import lazy_gettext as _l
from ..options import FACES, YES_SOMETIMES_NO, Option, by_key
from .models import QuestionSet

CHOICES = by_key(
    [
        *FACES,
        *YES_SOMETIMES_NO,
        Option("internship", _l("Praktik"), "internship"),
        Option("job", _l("Ett jobb"), "job"),
        Option("studies", _l("Studera"), "studies"),
        Option("another_activity", _l("En annan daglig verksamhet"), "another_activity"),
        Option("like_it_here", _l("Nej, jag trivs här"), "like_it_here"),
        Option("not_now", _l("Nej, inte nu"), "not_now"),
        Option("my_tasks", _l("Mitt arbete"), "my_tasks"),
        Option("my_supervisor", _l("Min handledare"), "supervisor"),
        Option("schedule", _l("Mina tider"), "schedule"),
        Option("money", _l("Pengar och lön"), "money"),
        Option("travel", _l("Resor"), "travel"),
        Option("friends", _l("Kompisar"), "friends"),
        Option("something_else", _l("Något annat"), "something_else"),
        Option("nobody", _l("Ingen. Jag svarade själv."), "nobody"),
        Option("supervisor", _l("Min handledare"), "supervisor"),
        Option("family", _l("Någon i min familj"), "family"),
        Option("someone_else", _l("Någon annan"), "someone_else"),
        Option("read_aloud", _l("Läste för mig"), "read_aloud"),
        Option("explained", _l("Förklarade"), "explained"),
        Option("showed", _l("Visade mig"), "showed"),
        Option("dont_know", _l("Vet inte"), "dont_know"),
        Option("no_answer", _l("Jag vill inte svara"), "no_answer"),
    ]
)
# Every question can be answered with these: not knowing and not wanting to are fine answers.
ALWAYS = ["dont_know", "no_answer"]
# Choices that mean "wants to try something new", for the case officer's flags.
TRY_NEW = {"internship", "job", "studies", "another_activity"}
HELPERS = {"supervisor", "family", "someone_else"}

DEFAULT_QUESTIONS = [
    {
        "key": "how_it_is",
        "kind": "one",
        "text": {
            "sv": N_("Hur har du det på din dagliga verksamhet?"),
            "en": "How do you like it at your daily activity?",
        },
        "choices": ["good", "so_so", "not_good"],
    },
    {
        "key": "likes_tasks",
        "kind": "one",
        "text": {
            "sv": N_("Får du göra saker som du gillar där?"),
            "en": "Do you get to do things you like there?",
        },
        "choices": ["yes", "sometimes", "no"],
    },
    {
        "key": "feels_safe",
        "kind": "one",
        "text": {"sv": N_("Känner du dig trygg där?"), "en": "Do you feel safe there?"},
        "choices": ["yes", "sometimes", "no"],
    },
    {
        "key": "try_new",
        "kind": "many",
        "text": {"sv": N_("Vill du prova något nytt?"), "en": "Do you want to try something new?"},
        "choices": ["internship", "job", "studies", "another_activity", "like_it_here", "not_now"],
    },
    {
        "key": "goals",
        "kind": "one",
        "text": {"sv": N_("Hur går det med dina mål?"), "en": "How are your goals going?"},
        "choices": ["good", "so_so", "not_good"],
        "when": "has_goals",
    },
    {
        "key": "talk_about",
        "kind": "many",
        "text": {
            "sv": N_("Vad vill du prata om på mötet?"),
            "en": "What do you want to talk about at the meeting?",
        },
        "choices": [
            "my_tasks",
            "my_supervisor",
            "schedule",
            "money",
            "travel",
            "friends",
            "something_else",
        ],
        "with_text": True,
    },
    {
        "key": "who_helped",
        "kind": "one",
        "text": {"sv": N_("Vem hjälpte dig att svara?"), "en": "Who helped you answer?"},
        "choices": ["nobody", "supervisor", "family", "someone_else"],
    },
    {
        "key": "how_helped",
        "kind": "many",
        "text": {"sv": N_("Hur hjälpte de dig?"), "en": "How did they help you?"},
        "choices": ["read_aloud", "explained", "showed"],
        "when": "was_helped",
    },
]


def choices_of(question: dict) -> list[Option]:
    return [CHOICES[key] for key in [*question["choices"], *ALWAYS] if key in CHOICES]


def text_of(question: dict) -> str:
    """The question in the reader's language, else in Swedish."""
    return in_language(question["text"], code())


def language_of(question: dict) -> str:
    """The language `text_of` shows the question in."""
    return i18n_language_of(question["text"], code())


def current_set() -> QuestionSet:
    return get_session().exec(select(QuestionSet).order_by(QuestionSet.version.desc())).first()


def find(question_set: QuestionSet, key: str) -> dict | None:
    return next((q for q in question_set.questions if q["key"] == key), None)


MAX_QUESTION_TEXT = 200


class RevisionError(ValueError):
    """The edited set is not valid; `problems` maps a field name to what is wrong."""

    def __init__(self, problems: dict[str, str]):
        super().__init__(problems)
        self.problems = problems


def revise(
    texts: dict[str, dict[str, str]], positions: dict[str, int | None], by
) -> QuestionSet | None:
    """Save edited wording and order (1, 2, 3 …) as a new version; None when nothing changed.

    Check-ins already started keep the version they began with.
    """
    current = current_set()
    keys = [q["key"] for q in current.questions]
    problems = {}
    if sorted(positions.get(key) or 0 for key in keys) != list(range(1, len(keys) + 1)):
        problems["order"] = "order"
    for key in keys:
        for lang, text in texts.get(key, {}).items():
            if lang == "sv" and not text.strip():
                problems[f"{key}-{lang}"] = "missing"
            elif len(text) > MAX_QUESTION_TEXT:
                problems[f"{key}-{lang}"] = "too_long"
    if problems:
        raise RevisionError(problems)
    by_key = {q["key"]: q for q in current.questions}
    revised = []
    for key in sorted(keys, key=positions.get):
        question = {**by_key[key], "text": dict(by_key[key]["text"])}
        for lang, text in texts.get(key, {}).items():
            if text.strip():
                question["text"][lang] = text.strip()
            else:
                question["text"].pop(lang, None)
        revised.append(question)
    if revised == current.questions:
        return None
    new = QuestionSet(version=current.version + 1, questions=revised, created_by_id=by.id)
    db = get_session()
    db.add(new)
    save_changes()
    return new
