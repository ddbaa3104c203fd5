"""The participant's check-in: one question per page, every answer saved at once."""

from flask import abort, g, redirect, request, url_for

from ..access import participant_required
from ..db import get_session
from ..models import StaffUser
from ..web import render, wants_fragment
from . import answers, bp, meetings, questions
from .models import CheckIn


def _open_check_in():
    """The participant's open check-in and its meeting, or a kind "no questions now" page."""
    meeting = meetings.open_meeting(g.participant.id)
    if meeting is None:
        abort(render("checkins/closed.html", status=404))
    return meeting, answers.start(meeting)


def _check_posted_form(current: CheckIn) -> None:
    """The form must belong to this participant's open check-in; else nothing is saved."""
    posted = request.form.get("check_in", type=int)
    if posted == current.id:
        return
    other = get_session().get(CheckIn, posted) if posted else None
    if other is None or other.participant_id != g.participant.id:
        abort(404)
    abort(render("checkins/closed.html", status=409))


@bp.get("/infor-motet")
@participant_required
def intro():
    """Before the meeting: when it is, and an invitation to answer a few questions."""
    meeting, check_in = _open_check_in()
    case_officer = get_session().get(StaffUser, g.participant.case_officer_id or 0)
    return render(
        "checkins/intro.html",
        meeting=meeting,
        progress=answers.status(check_in),
        case_officer=case_officer,
    )


@bp.get("/infor-motet/fortsatt")
@participant_required
def resume():
    """Go on where the person was: the first question without an answer, or the summary."""
    _meeting, check_in = _open_check_in()
    question = answers.next_question(check_in)
    if question is None:
        return redirect(url_for("checkins.summary"))
    return redirect(url_for("checkins.question", key=question["key"]))


def _question_page(check_in, question, status=200, chosen=None, text=None, error=None):
    given = answers.latest(check_in)
    asked = answers.applicable(check_in, given)
    keys = [q["key"] for q in asked]
    number = keys.index(question["key"]) + 1
    previous = url_for("checkins.question", key=keys[number - 2]) if number > 1 else None
    answer = given.get(question["key"])
    following = url_for("checkins.question", key=keys[number]) if number < len(keys) else None
    return render(
        "checkins/question.html",
        check_in=check_in,
        question=question,
        heading=questions.text_of(question),
        choices=questions.choices_of(question),
        chosen=chosen if chosen is not None else (answer.choices if answer else []),
        text=text if text is not None else (answer.text if answer else ""),
        number=number,
        total=len(asked),
        previous=previous or url_for("checkins.intro"),
        following=following or url_for("checkins.summary"),
        error=error,
        status=status,
    )


def _question_or_404(check_in, key):
    question = questions.find(answers.question_set(check_in), key)
    if question is None:
        abort(404)
    given = answers.latest(check_in)
    if question not in answers.applicable(check_in, given):
        abort(404)
    return question


@bp.get("/infor-motet/fraga/<key>")
@participant_required
def question(key):
    """One question: the question is the heading, each answer a big button with a picture."""
    _meeting, check_in = _open_check_in()
    return _question_page(check_in, _question_or_404(check_in, key))


@bp.post("/infor-motet/fraga/<key>")
@participant_required
def answer(key):
    """Save the answer at once, then go to the next question."""
    _meeting, check_in = _open_check_in()
    _check_posted_form(check_in)
    question = _question_or_404(check_in, key)
    chosen = request.form.getlist("choice")
    text = request.form.get("text", "")
    try:
        answers.record(check_in, question, chosen, text, request.form.get("answer_key", ""))
    except answers.AnswerError as error:
        return _question_page(check_in, question, 422, chosen, text, error=str(error))
    if wants_fragment():
        return render("checkins/_saved.html")
    if key == "feels_safe" and "no" in chosen:
        return redirect(url_for("checkins.safe"), 303)
    return redirect(_after(check_in, key), 303)


def _after(check_in, key) -> str:
    """The question after this one, or the summary when it was the last."""
    asked = [q["key"] for q in answers.applicable(check_in, answers.latest(check_in))]
    later = asked[asked.index(key) + 1 :] if key in asked else []
    if later:
        return url_for("checkins.question", key=later[0])
    return url_for("checkins.summary")


@bp.get("/infor-motet/trygg")
@participant_required
def safe():
    """After "I do not feel safe": who the person can talk to, said kindly."""
    _meeting, check_in = _open_check_in()
    case_officer = get_session().get(StaffUser, g.participant.case_officer_id or 0)
    return render(
        "checkins/safe.html", case_officer=case_officer, next_url=_after(check_in, "feels_safe")
    )


@bp.get("/infor-motet/svar")
@participant_required
def summary():
    """ "Det här har du svarat": every answer with its pictures, each one changeable."""
    _meeting, check_in = _open_check_in()
    given = answers.latest(check_in)
    rows = [
        (q, questions.text_of(q), [questions.CHOICES[c] for c in given[q["key"]].choices])
        for q in answers.applicable(check_in, given)
        if q["key"] in given
    ]
    missing = answers.next_question(check_in)
    return render("checkins/summary.html", check_in=check_in, rows=rows, missing=missing)


@bp.post("/infor-motet/klar")
@participant_required
def done():
    """The participant is done. They can still change an answer until the meeting."""
    _meeting, check_in = _open_check_in()
    _check_posted_form(check_in)
    answers.complete(check_in)
    return redirect(url_for("checkins.thanks"), 303)


@bp.get("/infor-motet/tack")
@participant_required
def thanks():
    _open_check_in()
    return render("checkins/thanks.html")
