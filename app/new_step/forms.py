"""The case officer's form for the new step. Each field checks its input."""

from flask_wtf import FlaskForm
from wtforms import IntegerField, RadioField, SelectChoice, SelectField, SelectMultipleField
from wtforms.validators import InputRequired, NumberRange
from wtforms.widgets import CheckboxInput, ListWidget

from ..i18n import lazy_gettext as _l
from . import steps

KIND_CHOICES = [
    SelectChoice("work", _l("Ett arbete")),
    SelectChoice("internship", _l("En praktik")),
    SelectChoice("studies", _l("Studier")),
    SelectChoice("measure", _l("En arbetsmarknadsinsats")),
]
RHYTHM_WORDS = {
    14: _l("Efter 2 veckor"),
    30: _l("Efter 1 månad"),
    61: _l("Efter 2 månader"),
    91: _l("Efter 3 månader"),
    182: _l("Efter 6 månader"),
    273: _l("Efter 9 månader"),
    365: _l("Efter 12 månader"),
    548: _l("Efter 18 månader"),
    730: _l("Efter 24 månader"),
}


class CheckboxesField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class NewStepForm(FlaskForm):
    kind = RadioField(
        _l("Vad börjar deltagaren med?"),
        choices=KIND_CHOICES,
        validators=[InputRequired(_l("Välj vad deltagaren börjar med."))],
    )
    support_months = IntegerField(
        _l("Hur många månader fortsätter stödet?"),
        description=_l("Vanligt är 12 månader. Skriv ett tal från 1 till 36."),
        default=steps.DEFAULT_MONTHS,
        validators=[
            InputRequired(_l("Skriv hur många månader stödet fortsätter, från 1 till 36.")),
            NumberRange(1, 36, _l("Skriv ett tal från 1 till 36.")),
        ],
    )
    support_by = SelectField(
        _l("Vem ger stödet?"),
        description=_l("Deltagaren får själv välja vad en stödperson får se."),
        coerce=int,
        validators=[InputRequired(_l("Välj vem som ger stödet."))],
    )
    checkin_days = CheckboxesField(
        _l("När ska deltagaren svara på frågorna om hur det går?"),
        choices=[SelectChoice(days, words) for days, words in RHYTHM_WORDS.items()],
        coerce=int,
        default=steps.DEFAULT_RHYTHM,
        validators=[InputRequired(_l("Välj minst en tidpunkt."))],
    )
