"""Administration forms. Each checks its input before anything reaches a table."""

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (
    BooleanField,
    HiddenField,
    RadioField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
)
from wtforms.validators import InputRequired, Length, Optional, Regexp, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from ..i18n import lazy_gettext as _l

ROLE_CHOICES = [
    SelectChoice("supervisor", _l("Handledare")),
    SelectChoice("case_officer", _l("Handläggare")),
    SelectChoice("admin", _l("Administratör")),
    SelectChoice("manager", _l("Chef")),
    SelectChoice("auditor", _l("Granskare")),
    SelectChoice("support_person", _l("Stödperson")),
]
GENDER_CHOICES = [
    SelectChoice("woman", _l("Kvinna")),
    SelectChoice("man", _l("Man")),
    SelectChoice("other", _l("Annat")),
    SelectChoice("", _l("Inte angivet")),
]
END_REASON_CHOICES = [
    SelectChoice("work", _l("Fick ett arbete")),
    SelectChoice("studies", _l("Började studera")),
    SelectChoice("internship", _l("Började praktik")),
    SelectChoice("measure", _l("Började en arbetsmarknadsinsats")),
    SelectChoice("moved", _l("Flyttade")),
    SelectChoice("other", _l("Annat skäl")),
]


class CheckboxesField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class UnitForm(FlaskForm):
    name = StringField(
        _l("Enhetens namn"),
        description=_l("Till exempel Kaféet på Storgatan."),
        validators=[InputRequired(_l("Skriv enhetens namn.")), Length(max=120)],
    )


class StaffForm(FlaskForm):
    display_name = StringField(
        _l("Namn"),
        validators=[InputRequired(_l("Skriv personens namn.")), Length(max=120)],
        render_kw={"autocomplete": "off"},
    )
    username = StringField(
        _l("Användarnamn"),
        description=_l("Små bokstäver, siffror, punkt eller bindestreck."),
        validators=[
            InputRequired(_l("Skriv ett användarnamn.")),
            Length(min=3, max=60, message=_l("Användarnamnet ska ha 3 till 60 tecken.")),
            Regexp(
                r"^[a-z0-9._-]+$",
                message=_l("Använd bara små bokstäver, siffror, punkt eller bindestreck."),
            ),
        ],
        render_kw={"autocomplete": "off", "autocapitalize": "none", "spellcheck": "false"},
    )
    role = RadioField(
        _l("Roll"),
        description=_l("En chef ser bara antal, aldrig personer. En granskare läser loggen."),
        choices=ROLE_CHOICES,
        validators=[InputRequired(_l("Välj en roll."))],
    )
    units = CheckboxesField(
        _l("Enheter"),
        description=_l("Handledare ser deltagarna på de enheter som är valda."),
        coerce=int,
    )
    # Shown only when single sign-on is configured (see `without_sso`).
    sso_subject = StringField(
        _l("Konto hos kommunens inloggning"),
        description=_l(
            "Det personen heter i kommunens inloggning, till exempel e-postadress eller HSA-id. "
            "Lämna tomt om personen loggar in med lösenord."
        ),
        validators=[Optional(), Length(max=255)],
        render_kw={"autocomplete": "off", "autocapitalize": "none", "spellcheck": "false"},
    )

    def validate_units(self, field):
        if self.role.data == "supervisor" and not field.data:
            raise ValidationError(_l("Välj minst en enhet för en handledare."))


class ParticipantForm(FlaskForm):
    first_name = StringField(
        _l("Förnamn"),
        description=_l("Bara förnamnet. Det står på kortet."),
        validators=[InputRequired(_l("Skriv deltagarens förnamn.")), Length(max=60)],
        render_kw={"autocomplete": "off"},
    )
    language = SelectField(_l("Språk"), validators=[InputRequired()])
    unit = SelectField(_l("Enhet"), coerce=int, validators=[InputRequired(_l("Välj en enhet."))])
    case_officer = SelectField(_l("Handläggare"), coerce=int, validators=[Optional()])
    pictogram = RadioField(
        _l("Deltagarens bild"),
        description=_l("Deltagaren kan byta bild själv senare."),
        validators=[Optional()],
    )


class StaffEditForm(FlaskForm):
    display_name = StaffForm.display_name
    role = StaffForm.role
    units = StaffForm.units
    sso_subject = StaffForm.sso_subject
    active = BooleanField(
        _l("Kontot är aktivt"),
        description=_l("Utan bock kan personen inte logga in. Öppna inloggningar avslutas direkt."),
    )

    def validate_units(self, field):
        if self.role.data == "supervisor" and not field.data:
            raise ValidationError(_l("Välj minst en enhet för en handledare."))


class ParticipantEditForm(FlaskForm):
    first_name = ParticipantForm.first_name
    language = ParticipantForm.language
    unit = ParticipantForm.unit
    case_officer = ParticipantForm.case_officer
    gender = RadioField(
        _l("Kön"),
        description=_l("Som deltagaren själv säger. Används bara i statistik."),
        choices=GENDER_CHOICES,
        validators=[Optional()],
    )


class EndParticipantForm(FlaskForm):
    reason = RadioField(
        _l("Varför slutar deltagaren?"),
        choices=END_REASON_CHOICES,
        validators=[InputRequired(_l("Välj varför deltagaren slutar."))],
    )


def without_sso(form: FlaskForm) -> FlaskForm:
    """Without single sign-on there is no provider account to name: the field goes."""
    del form.sso_subject
    return form


class ImportForm(FlaskForm):
    file = FileField(
        _l("Fil från verksamhetssystemet"),
        description=_l("En CSV-fil med semikolon eller komma, till exempel från Excel."),
        validators=[FileRequired(_l("Välj en fil."))],
    )


class SaveImportForm(FlaskForm):
    # The file as it was previewed, signed so that nothing else can be saved in its place.
    file = HiddenField(validators=[InputRequired()])
