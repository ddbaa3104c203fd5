"""The steps of a staff login after the password: the one-time code, a password of one's own,
and the second factor (set up at the first login, then asked every time)."""

from flask import redirect, url_for

from .. import audit
from ..i18n import gettext as _
from ..staff import accounts
from ..web import render
from . import bp, logins_allowed, passkeys, passwords, second_factor, steps
from .forms import (
    CodeForm,
    CodeLoginForm,
    NewPasswordForm,
    PasskeyLoginForm,
    RecoveryCodeForm,
)
from .limits import codes_per_account, login_per_address, login_per_username


def _form_page(template, form, **context):
    return render(template, form=form, status=422 if form.errors else 200, **context)


def _start_again():
    """No login is on its way (or its ten minutes are over): back to the login page."""
    return redirect(url_for("staff.login"))


@bp.route("/engangskod", methods=["GET", "POST"])
@login_per_address
@login_per_username
def code_login():
    """Log in with the one-time code an administrator gave, to choose one's own password."""
    form = CodeLoginForm()
    if form.validate_on_submit():
        staff = accounts.find_by_username(form.username.data)
        if (
            staff is not None
            and staff.active
            and logins_allowed.by_password(staff.username)
            and passwords.reset_code_matches(staff, form.code.data)
        ):
            return steps.begin(staff, via="one-time code")
        audit.login_failed(staff.id if staff else None, "one-time code")
        form.code.errors.append(_("Fel användarnamn eller kod, eller så är koden för gammal."))
    return _form_page("identity/code_login.html", form)


@bp.route("/nytt-losenord", methods=["GET", "POST"])
def new_password():
    """Choose one's own password: at the first login, after a one-time code, or when an
    administrator chose the old one."""
    staff = steps.account()
    if staff is None:
        return _start_again()
    form = NewPasswordForm()
    if form.validate_on_submit():
        weakness = passwords.weakness(form.password.data, staff)
        if weakness:
            form.password.errors.append(weakness)
        else:
            passwords.choose(staff, form.password.data, how=f"at login, after {steps.via()}")
            return steps.next_step(staff)
    return _form_page("identity/new_password.html", form)


@bp.route("/tvastegs", methods=["GET", "POST"])
@codes_per_account
def second_factor_code():
    """The second step of a login: the code the app on one's phone shows."""
    staff = steps.account()
    if staff is None or not second_factor.is_set_up(staff):
        return _start_again()
    form = CodeForm()
    if form.validate_on_submit():
        if second_factor.code_matches(staff, form.code.data):
            return steps.factor_shown(staff, "code app")
        audit.record("staff.second_factor_failed", actor_id=staff.id, outcome="failed")
        form.code.errors.append(_("Koden stämmer inte. Skriv koden som appen visar nu."))
    return _code_page(staff, form)


def _code_page(staff, form, passkey_failed: bool = False):
    """The code step, with the account's passkeys offered beside the code when it has any."""
    return render(
        "identity/second_factor.html",
        form=form,
        passkey_options=passkeys.login_options(staff),
        error=passkey_failed,
        status=422 if form.errors or passkey_failed else 200,
    )


@bp.post("/tvastegs/nyckel")
@codes_per_account
def passkey_login():
    """The second step with a passkey: the browser's answer, signed by the device's lock."""
    staff = steps.account()
    if staff is None or not second_factor.is_set_up(staff):
        return _start_again()
    form = PasskeyLoginForm()
    if form.validate_on_submit() and passkeys.signed(staff, form.credential.data):
        return steps.factor_shown(staff, "passkey")
    audit.record(
        "staff.second_factor_failed", actor_id=staff.id, outcome="failed", detail="passkey"
    )
    return _code_page(staff, CodeForm(formdata=None), passkey_failed=True)


@bp.route("/tvastegs/reservkod", methods=["GET", "POST"])
@codes_per_account
def recovery_code():
    """Instead of the app's code: one of the ten recovery codes, each good once."""
    staff = steps.account()
    if staff is None or not second_factor.is_set_up(staff):
        return _start_again()
    form = RecoveryCodeForm()
    if form.validate_on_submit():
        if second_factor.use_recovery_code(staff, form.code.data):
            return steps.factor_shown(staff, "recovery code")
        audit.record(
            "staff.second_factor_failed", actor_id=staff.id, outcome="failed", detail="recovery"
        )
        form.code.errors.append(_("Reservkoden stämmer inte, eller så är den redan använd."))
    return _form_page("identity/recovery_code.html", form)


@bp.route("/tvastegs/ny", methods=["GET", "POST"])
@codes_per_account
def set_up_second_factor():
    """Set up the code app: scan the QR code, type the code it shows. Then the ten recovery
    codes are shown, this once, and the login is done."""
    staff = steps.account()
    if staff is None or second_factor.is_set_up(staff):
        return _start_again()
    secret = second_factor.start_setup(staff)
    form = CodeForm()
    if form.validate_on_submit():
        codes = second_factor.confirm_setup(staff, form.code.data)
        if codes is not None:
            steps.finish(staff, "code app set up")
            return render("identity/recovery_codes.html", codes=codes, name=staff.display_name)
        form.code.errors.append(_("Koden stämmer inte. Skriv koden som appen visar nu."))
    return _form_page(
        "identity/set_up.html",
        form,
        secret=secret,
        qr=second_factor.qr_image(staff),
    )
