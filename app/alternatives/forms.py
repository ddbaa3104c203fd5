"""Forms of Other paths. Each checks its input before anything reaches a table."""

from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    RadioField,
    SelectChoice,
    StringField,
    TextAreaField,
)
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    Optional,
    ValidationError,
)

from ..catalogues import EntryForm, pictogram_field, position_field, visibility_field
from ..i18n import LANGUAGES, today
from ..i18n import lazy_gettext as _l
from . import come_back
from .interests import FOLLOW_UP_KINDS
from .models import FOLLOW_UP_TEXT_MAX_LENGTH, TEXT_FIELDS, TEXT_MAX_LENGTH, TITLE_MAX_LENGTH


def _strip(value):
    return value.strip() if isinstance(value, str) else value


# The label of each part in the admin form; the participant's page asks the same questions.
PART_LABELS = {
    "title": _l("Namn"),
    "summary": _l("En mening till listan"),
    "what": _l("Vad är det?"),
    "who": _l("Vem är det för?"),
    "start": _l("Hur börjar det?"),
    "help": _l("Vilken hjälp får jag?"),
    "money": _l("Hur blir det med mina pengar?"),
    "back": _l("Kan jag komma tillbaka? Mer om just den här vägen"),
    "contact": _l("Kontakt här hos oss"),
}
# "Kan jag komma tillbaka?" is answered once for every path (ComeBackForm); an alternative
# may add more about itself.
OPTIONAL_PARTS = {"contact", "back"}


def _text_field(code: str, language: dict, part: str):
    required = code == "sv" and part not in OPTIONAL_PARTS
    limit = TITLE_MAX_LENGTH if part == "title" else TEXT_MAX_LENGTH
    validators = [
        InputRequired(_l("Skriv texten på svenska.")) if required else Optional(),
        Length(max=limit, message=_l("Texten får ha högst %(max)d tecken.", max=limit)),
    ]
    kind = StringField if part in ("title", "summary", "contact") else TextAreaField
    return kind(
        f"{PART_LABELS[part]} ({language['name']})",
        validators=validators,
        filters=[_strip],
        render_kw={"lang": code, "autocomplete": "off"},
    )


# One field per language and part, so a new language in LANGUAGES needs no change here.
_TextFields = type(
    "_TextFields",
    (EntryForm,),
    {
        f"{part}_{code}": _text_field(code, language, part)
        for code, language in LANGUAGES.items()
        for part in TEXT_FIELDS
    },
)


class AlternativeForm(_TextFields):
    """An alternative, as administrators keep it."""

    pictogram = pictogram_field()
    position = position_field(_l("Lägre nummer visas först."))
    visibility = visibility_field(
        _l("Visas den för deltagarna?"),
        _l("En dold väg syns inte för deltagarna. Det som redan är sparat finns kvar."),
        show=_l("Ja, visa den"),
        hide=_l("Nej, dölj den"),
        required=_l("Välj om den ska visas."),
    )

    facts_checked_on = DateField(
        _l("Fakta om pengar och om att komma tillbaka kontrollerades"),
        description=_l("Datumet då någon jämförde texterna med Försäkringskassans regler."),
        validators=[Optional()],
        render_kw={"type": "date"},
    )
    facts_check_note = TextAreaField(
        _l("Vem kontrollerade, och vem ska kontrollera nästa gång?"),
        description=_l("Högst 400 tecken."),
        validators=[Length(max=400, message=_l("Texten får ha högst %(max)d tecken.", max=400))],
        filters=[_strip],
    )

    def validate_facts_checked_on(self, field):
        if field.data and field.data > today():
            raise ValidationError(_l("Datumet kan inte vara senare än i dag."))

    def language_fields(self):
        """(language code, language, fields) for each language, in the page's order."""
        return [
            (code, language, [self[f"{part}_{code}"] for part in TEXT_FIELDS])
            for code, language in LANGUAGES.items()
        ]

    def texts(self) -> dict[str, dict[str, str]]:
        return {
            code: {part: self[f"{part}_{code}"].data or "" for part in TEXT_FIELDS}
            for code in LANGUAGES
        }

    def fill(self, alternative) -> None:
        for code in LANGUAGES:
            for part in TEXT_FIELDS:
                self[f"{part}_{code}"].data = (alternative.texts.get(code) or {}).get(part, "")
        self.facts_checked_on.data = alternative.facts_checked_on
        self.facts_check_note.data = alternative.facts_check_note

    def own_values(self) -> dict:
        return {
            "texts": self.texts(),
            "facts_checked_on": self.facts_checked_on.data,
            "facts_check_note": self.facts_check_note.data or "",
        }


def alternative_form(alternative=None) -> AlternativeForm:
    """The form, filled in from `alternative` when it is shown (not when it is posted)."""
    return AlternativeForm().prepared(alternative)


# The answer to "Kan jag komma tillbaka?" for each group of paths, one field per language.
_ComeBackFields = type(
    "_ComeBackFields",
    (FlaskForm,),
    {
        f"{group}_{code}": TextAreaField(
            f"{group_label}: {_l('Kan jag komma tillbaka?')} ({language['name']})",
            validators=[
                DataRequired(_l("Skriv texten på svenska.")) if code == "sv" else Optional(),
                Length(
                    max=TEXT_MAX_LENGTH,
                    message=_l("Texten får ha högst %(max)d tecken.", max=TEXT_MAX_LENGTH),
                ),
            ],
            filters=[_strip],
            render_kw={"lang": code, "autocomplete": "off", "rows": 6},
        )
        for group, group_label in come_back.GROUPS.items()
        for code, language in LANGUAGES.items()
    },
)


class ComeBackForm(_ComeBackFields):
    """The municipality's words for "Kan jag komma tillbaka?", per group of paths."""

    def groups(self):
        """(group, label, fields) in the page's order."""
        return [
            (group, label, [self[f"{group}_{code}"] for code in LANGUAGES])
            for group, label in come_back.GROUPS.items()
        ]

    def fill(self, written: dict[str, dict[str, str]]) -> None:
        for group in come_back.GROUPS:
            for code in LANGUAGES:
                self[f"{group}_{code}"].data = written.get(group, {}).get(code, "")

    def texts(self) -> dict[str, dict[str, str]]:
        return {
            group: {code: self[f"{group}_{code}"].data or "" for code in LANGUAGES}
            for group in come_back.GROUPS
        }


class FollowUpForm(FlaskForm):
    """The case officer's follow-up of an interest."""

    kind = RadioField(
        _l("Vad har du gjort?"),
        choices=[SelectChoice(key, label) for key, label in FOLLOW_UP_KINDS.items()],
        validators=[InputRequired(_l("Välj vad du har gjort."))],
    )
    text = StringField(
        _l("Till vem, eller något mer"),
        description=_l("Till exempel: IWork. Högst 120 tecken. Inga känsliga uppgifter."),
        validators=[
            Length(
                max=FOLLOW_UP_TEXT_MAX_LENGTH,
                message=_l("Texten är för lång. Skriv högst 120 tecken."),
            )
        ],
        filters=[_strip],
    )
    day = DateField(
        _l("Datum"),
        validators=[InputRequired(_l("Skriv ett datum."))],
        render_kw={"type": "date"},
    )

    def validate_text(self, field):
        if self.kind.data == "referred" and not field.data:
            raise ValidationError(_l("Skriv vart du skickade vidare."))

    def validate_day(self, field):
        if field.data and field.data > today():
            raise ValidationError(_l("Datumet kan inte vara senare än i dag."))
