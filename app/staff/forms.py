"""Staff forms."""

from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import InputRequired, Length

from ..i18n import lazy_gettext as _l


class LoginForm(FlaskForm):
    username = StringField(
        _l("Användarnamn"),
        validators=[InputRequired(_l("Skriv ditt användarnamn.")), Length(max=60)],
        render_kw={"autocomplete": "username", "autocapitalize": "none", "spellcheck": "false"},
    )
    password = PasswordField(
        _l("Lösenord"),
        validators=[InputRequired(_l("Skriv ditt lösenord.")), Length(max=200)],
        render_kw={"autocomplete": "current-password"},
    )
