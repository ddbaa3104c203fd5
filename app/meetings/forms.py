"""Case officers' forms: booking a follow-up meeting and noting what was agreed."""

from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, StringField, TimeField
from wtforms.validators import InputRequired, Length, ValidationError

from ..i18n import lazy_gettext as _l
from ..i18n import today


class MeetingForm(FlaskForm):
    day = DateField(
        _l("Datum"),
        validators=[InputRequired(_l("Skriv datum för mötet, till exempel 2026-12-01."))],
        render_kw={"type": "date"},
    )
    time = TimeField(
        _l("Tid"),
        validators=[InputRequired(_l("Skriv en tid, till exempel 10:00."))],
        render_kw={"type": "time"},
    )
    place = StringField(
        _l("Plats"),
        description=_l("Till exempel Kaféet på Storgatan. Lämna tomt om mötet är per telefon."),
        validators=[Length(max=120, message=_l("Skriv platsen med högst 120 tecken."))],
    )
    remote = BooleanField(_l("Mötet är per telefon eller video"))

    def validate_day(self, field):
        if field.data and field.data < today():
            raise ValidationError(_l("Datumet har redan varit. Välj en dag från i dag och framåt."))

    def validate_place(self, field):
        if not self.remote.data and not (field.data or "").strip():
            raise ValidationError(_l("Skriv var mötet är, eller kryssa i telefon eller video."))


class HeldForm(FlaskForm):
    agreed = StringField(
        _l("Vad kom ni överens om?"),
        description=_l(
            "En rad räcker. Deltagaren ser raden på sin startsida och kan lyssna på den. "
            "Skriv med vanliga ord och korta meningar, till exempel: Du ska prova att jobba "
            "i köket en dag i veckan."
        ),
        validators=[
            InputRequired(_l("Skriv en rad om vad ni kom överens om.")),
            Length(
                max=300,
                message=_l(
                    "Texten är lite för lång. Ta bort några ord. Det får vara högst 300 tecken."
                ),
            ),
        ],
    )
