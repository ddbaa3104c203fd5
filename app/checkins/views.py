"""The participant's check-in: one question per page, every answer saved at once."""

from flask import abort, g, redirect, request, session, url_for

from .. import audit, logins
from ..access import check_in_page, is_hand_over
from ..alternatives import matching
from ..db import get_session
from ..meetings import meetings
from ..models import StaffUser
from ..web import render, row_id, wants_fragment
from . import answers, bp, questions
from .models import CheckIn


def _open_check_in() -> meetings.OpenCheckIn:
    """The participant's open meeting, its check-in and whether the order has an active goal, or
    a kind "no questions now" page."""
    found = meetings.open_with_check_in(g.participant.id)
    if found is None:
        abort(render("checkins/closed.html", status=404))
    return found._replace(check_in=found.check_in or answers.start(found.meeting))


def _progress(found: meetings.OpenCheckIn) -> answers.Progress:
    return answers.progress(found.check_in, goals=found.has_goals)


def _check_posted_form(current: CheckIn) -> None:
    """The form must belong to this participant's open check-in; else nothing is saved."""
    posted = request.form.get("check_in", type=row_id)
    if posted == current.id:
        return
    other = get_session().get(CheckIn, posted) if posted else None
    if other is None or other.participant_id != g.participant.id:
        abort(404)
    abort(render("checkins/closed.html", status=409))


@bp.get("/infor-motet")
@check_in_page
def intro():
    """Before the meeting: when it is, and an invitation to answer a few questions."""
    meeting, check_in, _has_goals = _open_check_in()
    case_officer = get_session().get(StaffUser, g.participant.case_officer_id or 0)
    return render(
        "checkins/intro.html",
        meeting=meeting,
        progress=answers.status(check_in),
        case_officer=case_officer,
    )


@bp.get("/infor-motet/fortsatt")
@check_in_page
def resume():
    """Go on where the person was: the first question without an answer, or the summary."""
    question = _progress(_open_check_in()).next
    if question is None:
        return redirect(url_for("checkins.summary"))
    return redirect(url_for("checkins.question", key=question["key"]))


def _question_page(check_in, so_far, question, status=200, chosen=None, text=None, error=None):
    keys = [q["key"] for q in so_far.asked]
    number = keys.index(question["key"]) + 1
    previous = url_for("checkins.question", key=keys[number - 2]) if number > 1 else None
    answer = so_far.given.get(question["key"])
    following = so_far.after(question["key"])
    return render(
        "checkins/question.html",
        check_in=check_in,
        question=question,
        heading=questions.text_of(question),
        heading_language=questions.language_of(question),
        choices=questions.choices_of(question),
        chosen=chosen if chosen is not None else (answer.choices if answer else []),
        text=text if text is not None else (answer.text if answer else ""),
        number=number,
        total=len(keys),
        previous=previous or url_for("checkins.intro"),
        following=_address(following),
        error=error,
        status=status,
    )


def _asked_or_404(so_far, key):
    question = so_far.find(key)
    if question is None:
        abort(404)
    return question


def _address(question) -> str:
    """Where a question is answered; the summary when there is none left."""
    if question is None:
        return url_for("checkins.summary")
    return url_for("checkins.question", key=question["key"])


@bp.get("/infor-motet/fraga/<key>")
@check_in_page
def question(key):
    """One question: the question is the heading, each answer a big button with a picture."""
    found = _open_check_in()
    so_far = _progress(found)
    return _question_page(found.check_in, so_far, _asked_or_404(so_far, key))


@bp.post("/infor-motet/fraga/<key>")
@check_in_page
def answer(key):
    """Save the answer at once, then go to the next question."""
    found = _open_check_in()
    check_in = found.check_in
    _check_posted_form(check_in)
    so_far = _progress(found)
    question = _asked_or_404(so_far, key)
    chosen = request.form.getlist("choice")
    text = request.form.get("text", "")
    try:
        saved = answers.record(check_in, question, chosen, text, request.form.get("answer_key", ""))
    except answers.AnswerError as error:
        return _question_page(check_in, so_far, question, 422, chosen, text, error=str(error))
    if wants_fragment():
        return render("checkins/_saved.html")
    if key == "feels_safe" and "no" in chosen:
        return redirect(url_for("checkins.safe"), 303)
    # With the new answer, as "Vem hjälpte dig?" decides whether "Hur hjälpte de dig?" is asked.
    return redirect(_address((so_far.with_answer(saved) if saved else so_far).after(key)), 303)


@bp.get("/infor-motet/trygg")
@check_in_page
def safe():
    """After "I do not feel safe": who the person can talk to, said kindly."""
    found = _open_check_in()
    case_officer = get_session().get(StaffUser, g.participant.case_officer_id or 0)
    return render(
        "checkins/safe.html",
        case_officer=case_officer,
        next_url=_address(_progress(found).after("feels_safe")),
    )


@bp.get("/infor-motet/svar")
@check_in_page
def summary():
    """ "Det här har du svarat": every answer with its pictures, each one changeable."""
    found = _open_check_in()
    so_far = _progress(found)
    rows = [
        (q, questions.text_of(q), [questions.CHOICES[c] for c in so_far.given[q["key"]].choices])
        for q in so_far.asked
        if q["key"] in so_far.given
    ]
    to_try = [c.key for q, _text, choices in rows if q["key"] == "try_new" for c in choices]
    return render(
        "checkins/summary.html",
        check_in=found.check_in,
        rows=rows,
        missing=so_far.next,
        matches=matching.for_choices(to_try),
    )


@bp.post("/infor-motet/klar")
@check_in_page
def done():
    """The participant is done. They can still change an answer until the meeting."""
    check_in = _open_check_in().check_in
    _check_posted_form(check_in)
    answers.complete(check_in)
    if is_hand_over():
        # The supervisor's device was lent for the check-in only: it ends with it.
        audit.record("session.hand_back", g.participant.id)
        logins.end_current()
        session[HANDED_BACK] = True
    return redirect(url_for("checkins.thanks"), 303)


# Set when a hand-over login ends on "Klar": the thanks page is shown once more, logged out.
HANDED_BACK = "handed_back"


@bp.get("/infor-motet/tack")
def thanks():
    """Thanks. After a check-in with help, the device goes back to the supervisor."""
    if g.participant is None and session.pop(HANDED_BACK, False):
        return render("checkins/thanks.html", handed_back=True)
    return _thanks()


@check_in_page
def _thanks():
    _open_check_in()
    return render("checkins/thanks.html", handed_back=False)
