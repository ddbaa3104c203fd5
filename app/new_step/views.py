"""The participant's pages in the new step: the short check-in, "Jag vill komma tillbaka" and
"Vem får se?" for the support person. A participant not in a step is sent home."""

from flask import abort, g, redirect, request, session, url_for

from .. import audit, logins
from ..access import is_hand_over, participant_required, step_check_in_page
from ..alternatives import come_back as come_back_text
from ..consent import sharing
from ..db import get_session
from ..i18n import current as current_language
from ..models import StaffUser
from ..web import render
from . import bp, checkin, steps


def _step_or_home():
    step = steps.current(g.participant)
    if step is None:
        return None, redirect(url_for("home.index"), 303 if request.method == "POST" else 302)
    return step, None


@bp.get("/mitt-steg/fragor")
@step_check_in_page
def questions():
    """Start or go on with the short check-in, at the first question not answered yet."""
    step, elsewhere = _step_or_home()
    if elsewhere:
        return elsewhere
    open_one = checkin.open_check_in(step)
    given = checkin.given(open_one) if open_one else {}
    for question in checkin.QUESTIONS:
        if question.key not in given:
            return redirect(url_for("new_step.question", key=question.key))
    return redirect(url_for("new_step.question", key=checkin.QUESTIONS[0].key))


@bp.route("/mitt-steg/fraga/<key>", methods=["GET", "POST"])
@step_check_in_page
def question(key):
    """One question per screen, with pictures; "Inte nu" is always fine."""
    step, elsewhere = _step_or_home()
    if elsewhere:
        return elsewhere
    question = checkin.QUESTION_BY_KEY.get(key)
    if question is None:
        abort(404)
    check_in = checkin.open_check_in(step)
    chosen = checkin.given(check_in).get(key) if check_in else None
    if request.method == "POST":
        choice = request.form.get("choice", "")
        if choice not in question.choices:
            return _question_page(step, question, chosen, error=True)
        check_in = check_in or checkin.begin(step, steps.due_day(step))
        checkin.record(check_in, question, choice)
        following = checkin.QUESTIONS.index(question) + 1
        if following < len(checkin.QUESTIONS):
            return redirect(url_for("new_step.question", key=checkin.QUESTIONS[following].key), 303)
        checkin.complete(check_in)
        if is_hand_over():
            # The support person's device was lent for the questions only: it ends with them.
            audit.record("session.hand_back", g.participant.id)
            logins.end_current()
            session[HANDED_BACK] = True
        return redirect(url_for("new_step.thanks"), 303)
    return _question_page(step, question, chosen)


def _question_page(step, question, chosen, error=False):
    number = checkin.QUESTIONS.index(question) + 1
    previous = (
        url_for("new_step.question", key=checkin.QUESTIONS[number - 2].key)
        if number > 1
        else url_for("home.index")
    )
    return render(
        "new_step/question.html",
        question=question,
        heading=question.text(step.kind),
        choices=[checkin.CHOICES[key] for key in question.choices],
        chosen=chosen,
        number=number,
        total=len(checkin.QUESTIONS),
        previous=previous,
        error=error,
        status=422 if error else 200,
    )


# Set when a hand-over login ends with the last answer: the thanks page is shown once more.
HANDED_BACK = "step_handed_back"


@bp.get("/mitt-steg/tack")
def thanks():
    """The answers are saved; who reads them. After help on the support person's device, the
    device goes back to them."""
    if g.participant is None and session.pop(HANDED_BACK, False):
        return render("new_step/thanks.html", handed_back=True)
    return _thanks()


@step_check_in_page
def _thanks():
    _step, elsewhere = _step_or_home()
    if elsewhere:
        return elsewhere
    return render("new_step/thanks.html", handed_back=False)


@bp.route("/mitt-steg/tillbaka", methods=["GET", "POST"])
@participant_required
def come_back():
    """ "Jag vill komma tillbaka": what happens, in easy words; pressing it tells the case
    officer, who will call."""
    step, elsewhere = _step_or_home()
    if elsewhere:
        return elsewhere
    if request.method == "POST":
        steps.want_to_come_back(step)
        return redirect(url_for("new_step.come_back"), 303)
    return render(
        "new_step/come_back.html",
        step=step,
        come_back=come_back_text.for_step(step.kind, current_language()["code"]),
    )


def _support_person(step) -> StaffUser | None:
    staff = get_session().get(StaffUser, step.support_by_id)
    return staff if staff is not None and staff.role == "support_person" else None


@bp.route("/mitt-steg/vem-far-se", methods=["GET", "POST"])
@participant_required
def consent():
    """ "Vem får se?" asked again for the support person: yes and no are both fine."""
    step, elsewhere = _step_or_home()
    if elsewhere:
        return elsewhere
    person = _support_person(step)
    if person is None:
        return redirect(url_for("consent.page"))
    error = False
    if request.method == "POST":
        area = request.form.get("area", "")
        answer = request.form.get("answer", "")
        if area in {a.key for a in sharing.SUPPORT_AREAS} and answer in ("ja", "nej"):
            sharing.choose_for_support(g.participant, person, area, answer == "ja")
            return redirect(url_for("new_step.consent"), 303)
        error = True
    return render(
        "new_step/consent.html",
        support_person=person,
        areas=sharing.SUPPORT_AREAS,
        consents=sharing.current_for_support(g.participant, person),
        error=error,
        status=422 if error else 200,
    )
