"""My account: how I log in, and changing my password."""

from flask import g, redirect, request, session, url_for

from ..access import staff_required
from ..i18n import gettext as _
from ..staff import accounts
from ..web import render
from . import bp, logins_allowed, passwords, second_factor
from .forms import ChangePasswordForm
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
        changed=request.args.get("changed") == "1",
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
