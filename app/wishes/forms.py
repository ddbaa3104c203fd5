"""Forms of My wishes. Each checks its input before anything reaches a table."""

from flask_wtf import FlaskForm
from wtforms import RadioField, SelectChoice, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional

from ..catalogues import EntryForm, pictogram_field, position_field, visibility_field
from ..i18n import LANGUAGES
from ..i18n import lazy_gettext as _l
from . import catalogue
from .models import NOTE_MAX_LENGTH


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class NoteForm(FlaskForm):
    text = TextAreaField(
        _l("Något annat?"),
        description=_l("Finns det något mer du gillar eller vill prova? Skriv det här."),
        validators=[
            Length(
                max=NOTE_MAX_LENGTH,
                message=_l(
                    "Texten är lite för lång. Ta bort några ord. Det får vara högst 300 tecken."
                ),
            )
        ],
        filters=[_strip],
    )


def _word_field(code: str, language: dict) -> StringField:
    required = InputRequired(_l("Skriv ordet på svenska.")) if code == "sv" else Optional()
    return StringField(
        language["name"],
        validators=[required, Length(max=60, message=_l("Ordet får ha högst 60 tecken."))],
        filters=[_strip],
        render_kw={"lang": code, "autocomplete": "off"},
    )


# One word field per language, so a new language in LANGUAGES needs no change here. Made first,
# so the error summary lists the fields in the order the page shows them.
_WordFields = type(
    "_WordFields",
    (EntryForm,),
    {f"word_{code}": _word_field(code, language) for code, language in LANGUAGES.items()},
)


class CardForm(_WordFields):
    """A topic card, as administrators keep it."""

    group = RadioField(_l("Grupp"), validators=[InputRequired(_l("Välj en grupp."))], choices=[])
    pictogram = pictogram_field()
    position = position_field(_l("Kort med lägre nummer visas först i sin grupp."))
    visibility = visibility_field(
        _l("Visas kortet för deltagarna?"),
        _l("Ett dolt kort kan inte sorteras. Det som redan är sparat finns kvar."),
        show=_l("Ja, visa kortet"),
        hide=_l("Nej, dölj kortet"),
        required=_l("Välj om kortet ska visas."),
    )

    def word_fields(self):
        return [self[f"word_{code}"] for code in LANGUAGES]

    def words(self) -> dict[str, str]:
        return {code: self[f"word_{code}"].data or "" for code in LANGUAGES}

    def fill(self, card) -> None:
        for code in LANGUAGES:
            self[f"word_{code}"].data = card.words.get(code, "")
        self.group.data = card.group

    def own_values(self) -> dict:
        return {"words": self.words(), "group": self.group.data}


def card_form(card=None) -> CardForm:
    """The card form, filled in from `card` when it is shown (not when it is posted)."""
    form = CardForm()
    form.group.choices = [SelectChoice(g.key, g.label) for g in catalogue.GROUPS]
    return form.prepared(card)
