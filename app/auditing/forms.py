"""The period of a report (from and to, both optional, whole days in Swedish time), and the
note of a check of the log."""

from datetime import date

from flask_wtf import FlaskForm
from wtforms import StringField, TextAreaField
from wtforms.validators import Length, ValidationError

from ..i18n import lazy_gettext as _l
from ..web import sensible_day

DATE_HINT = _l("Skriv datumet så här: 2026-01-31.")


def _day(field) -> date | None:
    text = (field.data or "").strip()
    if not text:
        return None
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise ValidationError(DATE_HINT) from None
    if not sensible_day(day):
        raise ValidationError(DATE_HINT)
    return day


class PeriodForm(FlaskForm):
    class Meta:
        # A report is only read (GET): nothing to protect from cross-site posts.
        csrf = False

    fran = StringField(_l("Från och med"), render_kw={"type": "date"})
    till = StringField(_l("Till och med"), render_kw={"type": "date"})

    def validate_fran(self, field):
        _day(field)

    def validate_till(self, field):
        day = _day(field)
        start = None
        try:
            start = _day(self.fran)
        except ValidationError:
            return
        if day and start and day < start:
            raise ValidationError(_l("Till och med kan inte vara före från och med."))

    def period(self) -> tuple[date | None, date | None]:
        return _day(self.fran), _day(self.till)


# As long as LogReview.note may be.
NOTE_MAX = 1000


class ReviewForm(FlaskForm):
    note = TextAreaField(
        _l("Vad du såg"),
        description=_l(
            "Till exempel: Inget som sticker ut. Eller: Jag frågar Sara om kvällen den 3 maj."
        ),
        validators=[Length(max=NOTE_MAX, message=_l("Skriv högst 1 000 tecken."))],
    )
