"""Staff forms: a goal for the order (nudging SMART goals) and a next step for the plan."""

from flask import request
from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    HiddenField,
    RadioField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from .. import pictograms
from ..i18n import lazy_gettext as _l
from ..i18n import today
from .models import EASY_MAX, FORMAL_MAX, MEASURE_MAX, STEP_MAX, WHO_NAME_MAX
from .order import Wording
from .plan import WHO

# Pictures that suit goals, offered in this order when the set has them.
GOAL_PICTOGRAMS = [
    "goals", "job", "internship", "cafe", "cooking", "cleaning", "garden", "shop", "warehouse",
    "office_work", "computers", "studies", "travel", "money", "friends", "sport", "music",
    "animals", "safe", "schedule", "step",
]  # fmt: skip
MAX_SUB_GOALS = 10


def goal_pictograms() -> list[str]:
    return [c for c in GOAL_PICTOGRAMS if pictograms.exists(c)]


def _strip(value):
    return value.strip() if isinstance(value, str) else value


def _not_in_the_past(_form, field):
    if field.data and field.data < today():
        raise ValidationError(_l("Datumet har redan varit. Välj en dag från i dag och framåt."))


def _required_text(kind, label, description, *, missing, limit, too_long):
    """A text that must be written, at most `limit` characters, without surrounding spaces."""
    return kind(
        label,
        description=description,
        filters=[_strip],
        validators=[DataRequired(missing), Length(max=limit, message=too_long)],
    )


class GoalForm(FlaskForm):
    easy_text = _required_text(
        StringField,
        _l("Målet med lätta ord"),
        _l(
            "Skriv som deltagaren säger det, kort. "
            "Till exempel: Jag vill jobba i ett kafé två dagar i veckan."
        ),
        missing=_l("Skriv målet med lätta ord."),
        limit=EASY_MAX,
        too_long=_l("Skriv målet med högst 200 tecken."),
    )
    formal_text = _required_text(
        TextAreaField,
        _l("Vad exakt ska uppnås? (beställningens lydelse)"),
        _l("Den formella lydelsen i beställningen till utföraren."),
        missing=_l("Skriv beställningens lydelse."),
        limit=FORMAL_MAX,
        too_long=_l("Skriv högst 1000 tecken."),
    )
    measure = _required_text(
        StringField,
        _l("Hur vet vi att målet är nått?"),
        _l("Till exempel: Anna har jobbat i kaféet två dagar i veckan i en månad."),
        missing=_l("Skriv hur ni vet att målet är nått."),
        limit=MEASURE_MAX,
        too_long=_l("Skriv högst 300 tecken."),
    )
    due = DateField(
        _l("När ska målet vara nått?"),
        validators=[Optional(), _not_in_the_past],
        render_kw={"type": "date"},
    )
    sub_goals = TextAreaField(
        _l("Delmål"),
        description=_l("Ett delmål per rad. Lämna tomt om det inte finns några."),
    )
    pictogram = RadioField(_l("Bild"), validators=[InputRequired(_l("Välj en bild."))], choices=[])
    version = HiddenField()

    def validate_sub_goals(self, field):
        lines = self.sub_goal_lines()
        if len(lines) > MAX_SUB_GOALS:
            raise ValidationError(_l("Skriv högst 10 delmål."))
        if any(len(line) > EASY_MAX for line in lines):
            raise ValidationError(_l("Skriv varje delmål med högst 200 tecken."))

    def sub_goal_lines(self) -> list[str]:
        return [line.strip() for line in (self.sub_goals.data or "").splitlines() if line.strip()]

    def wording(self) -> Wording:
        return Wording(
            easy_text=self.easy_text.data.strip(),
            formal_text=self.formal_text.data.strip(),
            measure=(self.measure.data or "").strip(),
            due=self.due.data,
            pictogram=self.pictogram.data,
            sub_goals=tuple(self.sub_goal_lines()),
        )


def goal_form(saved=None) -> GoalForm:
    """The goal form, filled in from the saved version when shown (not when posted)."""
    form = GoalForm()
    form.pictogram.choices = [SelectChoice(c, c.replace("_", " ")) for c in goal_pictograms()]
    if saved is not None and not form.is_submitted():
        form.easy_text.data = saved.easy_text
        form.formal_text.data = saved.formal_text
        form.measure.data = saved.measure
        form.due.data = saved.due
        form.sub_goals.data = "\n".join(saved.sub_goals)
        form.pictogram.data = saved.pictogram
        form.version.data = str(saved.version)
    return form


NO_GOAL = "0"


class StepForm(FlaskForm):
    goal = SelectField(
        _l("Vilket mål hör steget till?"),
        validators=[InputRequired(_l("Välj ett mål."))],
        choices=[],
    )
    what = _required_text(
        StringField,
        _l("Vad händer?"),
        _l("Med lätta ord. Till exempel: Besöka kaféet och träffa chefen."),
        missing=_l("Skriv vad som händer."),
        limit=STEP_MAX,
        too_long=_l("Skriv högst 200 tecken."),
    )
    who = RadioField(
        _l("Vem gör det?"),
        choices=[SelectChoice(w.key, w.staff_label) for w in WHO],
        validators=[InputRequired(_l("Välj vem som gör det."))],
    )
    who_name = StringField(
        _l("Namn, om det är någon annan"),
        filters=[_strip],
        validators=[Length(max=WHO_NAME_MAX, message=_l("Skriv högst 60 tecken."))],
    )
    due = DateField(
        _l("När?"),
        validators=[
            InputRequired(_l("Skriv ett datum, till exempel 2026-12-01.")),
            _not_in_the_past,
        ],
        render_kw={"type": "date"},
    )

    def validate_who_name(self, field):
        if self.who.data == "someone_else" and not (field.data or "").strip():
            raise ValidationError(_l("Skriv vem det är."))


def step_form(goals, chosen_goal: int | None = None, step=None) -> StepForm:
    """The step form with the participant's active goals (and "no goal") to choose from; with
    `step`, filled in with the step as it is now."""
    form = StepForm(obj=step if step is not None and request.method == "GET" else None)
    if step is not None and request.method == "GET":
        form.goal.data = str(step.goal_id) if step.goal_id else NO_GOAL
    form.goal.choices = [SelectChoice(str(p.goal.id), p.wording.easy_text) for p in goals] + [
        SelectChoice(NO_GOAL, _l("Inget mål (visas som att planen inte stämmer)"))
    ]
    if not form.is_submitted() and chosen_goal:
        form.goal.data = str(chosen_goal)
    return form
