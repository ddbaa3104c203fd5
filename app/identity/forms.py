"""Forms of staff identity: one-time code, passwords, second-factor codes and passkeys."""

from flask_wtf import FlaskForm
from wtforms import HiddenField, PasswordField, StringField
from wtforms.validators import DataRequired, InputRequired, Length

from ..i18n import lazy_gettext as _l
from ..staff.forms import LoginForm
from .passkeys import NAME_MAX_LENGTH
from .passwords import MAX_LENGTH

_NEW_PASSWORD_HINT = _l(
    "Minst 12 tecken. Välj några ord som inte hör ihop, eller en liten mening som bara du förstår."
)


def _new_password(label):
    return PasswordField(
        label,
        description=_NEW_PASSWORD_HINT,
        validators=[InputRequired(_l("Skriv ett nytt lösenord.")), Length(max=MAX_LENGTH)],
        render_kw={"autocomplete": "new-password", "spellcheck": "false"},
    )


class CodeLoginForm(FlaskForm):
    username = LoginForm.username
    code = StringField(
        _l("Engångskod"),
        description=_l("Koden du fick av en administratör, till exempel ABCD-EFGH-JKMN."),
        validators=[InputRequired(_l("Skriv engångskoden.")), Length(max=40)],
        render_kw={
            "autocomplete": "one-time-code",
            "autocapitalize": "characters",
            "spellcheck": "false",
        },
    )


class NewPasswordForm(FlaskForm):
    password = _new_password(_l("Välj ett nytt lösenord"))


class ChangePasswordForm(FlaskForm):
    current_password = PasswordField(
        _l("Nuvarande lösenord"),
        validators=[InputRequired(_l("Skriv ditt nuvarande lösenord.")), Length(max=MAX_LENGTH)],
        render_kw={"autocomplete": "current-password"},
    )
    password = _new_password(_l("Nytt lösenord"))


class CodeForm(FlaskForm):
    code = StringField(
        _l("Kod från appen"),
        description=_l("Sex siffror. Koden byts var 30:e sekund."),
        validators=[InputRequired(_l("Skriv koden från appen.")), Length(max=20)],
        render_kw={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"},
    )


class RecoveryCodeForm(FlaskForm):
    code = StringField(
        _l("Reservkod"),
        description=_l("En av de tio koder du sparade när du började använda appen."),
        validators=[InputRequired(_l("Skriv en reservkod.")), Length(max=40)],
        render_kw={"autocomplete": "off", "autocapitalize": "none", "spellcheck": "false"},
    )


class PasskeyForm(FlaskForm):
    name = StringField(
        _l("Namn på nyckeln"),
        description=_l("Så att du känner igen den, till exempel Jobbtelefonen."),
        validators=[
            DataRequired(_l("Skriv ett namn på nyckeln.")),
            Length(max=NAME_MAX_LENGTH, message=_l("Skriv högst 60 tecken.")),
        ],
        filters=[lambda name: name.strip() if isinstance(name, str) else name],
        render_kw={"autocomplete": "off"},
    )
    # The browser's answer (passkey.js): the new passkey, as JSON.
    credential = HiddenField()


class PasskeyLoginForm(FlaskForm):
    # The browser's answer (passkey.js): this login's challenge signed by a passkey, as JSON.
    credential = HiddenField()
