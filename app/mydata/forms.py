"""The administrator's data-rights export: why it is done, and the case it belongs to."""

from flask_wtf import FlaskForm
from wtforms import RadioField, SelectChoice, StringField
from wtforms.validators import InputRequired, Length

from ..i18n import lazy_gettext as _l

# Why an administrator may export everything about a person. Each is a request the service
# must answer; none is "to have a look".
REASONS = [
    SelectChoice("access", _l("Begäran om registerutdrag (artikel 15)")),
    SelectChoice("portability", _l("Begäran om dataportabilitet (artikel 20)")),
    SelectChoice("authority", _l("Begäran från en tillsynsmyndighet eller domstol")),
]


class BreakGlassForm(FlaskForm):
    reason = RadioField(
        _l("Varför lämnar du ut uppgifterna?"),
        choices=REASONS,
        validators=[InputRequired(_l("Välj varför du lämnar ut uppgifterna."))],
    )
    reference = StringField(
        _l("Diarienummer eller ärendenummer"),
        description=_l("Där begäran är registrerad. Det sparas i loggen, inget annat du skriver."),
        validators=[
            InputRequired(_l("Skriv diarienumret för begäran.")),
            Length(max=60, message=_l("Skriv högst 60 tecken.")),
        ],
    )

    def audit_detail(self) -> str:
        """What the log keeps of the reason: its code and the case number, nothing else."""
        reference = " ".join(self.reference.data.split())
        return f"{self.reason.data}: {reference}"[:120]
