"""My account: how I log in, changing my password, and my passkeys."""

from flask import abort, g, redirect, request, session, url_for

from ..access import staff_required
from ..i18n import gettext as _
from ..staff import accounts
from ..web import render, row_id
from . import bp, logins_allowed, passkeys, passwords, second_factor
from .forms import ChangePasswordForm, PasskeyForm
from .limits import codes_per_account


@bp.get("/konto")
@staff_required()
def account():
    """How I log in: single sign-on or password, and my second factor."""
    return render(
        "identity/account.html",
        via_sso=session.get("login_via") == "sso",
        has_password=g.staff.password_hash is not None,
        may_change_password=logins_allowed.by_password(g.staff.username),
        second_factor_on=second_factor.is_set_up(g.staff),
        codes_left=second_factor.recovery_codes_left(g.staff),
        passkeys=passkeys.of(g.staff),
        changed=request.args.get("changed") == "1",
        passkey_news=request.args.get("passkey"),
    )


@bp.route("/konto/losenord", methods=["GET", "POST"])
@staff_required()
@codes_per_account
def change_password():
    """Change my password: the current one first. My other logins end."""
    form = ChangePasswordForm()
    if form.validate_on_submit():
        if not accounts.password_matches(g.staff, form.current_password.data):
            form.current_password.errors.append(_("Det nuvarande lösenordet stämmer inte."))
        elif weakness := passwords.weakness(form.password.data, g.staff):
            form.password.errors.append(weakness)
        else:
            passwords.choose(g.staff, form.password.data, how="changed by the person")
            return redirect(url_for("identity.account", changed=1), 303)
    return render("identity/change_password.html", form=form, status=422 if form.errors else 200)


@bp.route("/konto/nyckel", methods=["GET", "POST"])
@staff_required()
@codes_per_account
def add_passkey():
    """Add a passkey: name it, and the browser makes it with the device's own lock. Needs
    JavaScript (the browser's WebAuthn); without it the page says so, and the code app works."""
    if not second_factor.is_set_up(g.staff):
        return redirect(url_for("identity.account"))
    form = PasskeyForm()
    if form.validate_on_submit():
        if passkeys.add(g.staff, form.name.data, form.credential.data):
            return redirect(url_for("identity.account", passkey="added"), 303)
        form.name.errors.append(
            _("Nyckeln blev inte sparad. Tryck på knappen igen och följ det som visas på skärmen.")
        )
    return render(
        "identity/add_passkey.html",
        form=form,
        options=passkeys.registration_options(g.staff),
        status=422 if form.errors else 200,
    )


@bp.post("/konto/nyckel/ta-bort")
@staff_required()
def remove_passkey():
    """Remove one of my passkeys."""
    if not passkeys.remove(g.staff, request.form.get("id", type=row_id) or 0):
        abort(404)
    return redirect(url_for("identity.account", passkey="removed"), 303)
