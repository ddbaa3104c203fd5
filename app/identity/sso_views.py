"""Single sign-on: off to the municipality's identity provider and back, and logging out."""

import logging

from flask import abort, g, redirect, session, url_for

from .. import audit, logins
from ..web import render
from . import bp, sso

log = logging.getLogger(__name__)


@bp.get("/logga-in/kommunen")
def sso_start():
    """Send the browser to the identity provider to log in there."""
    if not sso.configured():
        abort(404)
    return sso.client().authorize_redirect(url_for("identity.sso_return", _external=True))


@bp.get("/logga-in/kommunen/svar")
def sso_return():
    """Back from the identity provider: check its answer, find the account, log in."""
    if not sso.configured():
        abort(404)
    try:
        token = sso.client().authorize_access_token(
            leeway=sso.LEEWAY_SECONDS, claims_options=sso.claims_options()
        )
        if not token.get("userinfo"):
            raise sso.Refusal("no ID token")
        staff = sso.account_for(token["userinfo"])
    except sso.Refusal as refusal:
        account = refusal.account.id if refusal.account else None
        audit.login_failed(account, f"single sign-on: {refusal.reason}"[:120])
        return render("identity/sso_refused.html", reason=refusal.reason, status=403)
    except Exception as error:  # whatever is wrong with the answer, nobody is logged in
        log.warning("Single sign-on refused: %s", type(error).__name__)
        audit.login_failed(None, f"single sign-on: {error}"[:120])
        return render("identity/sso_refused.html", reason="answer", status=403)
    logins.start(staff=staff)
    session["login_via"] = "sso"
    audit.record("staff.login", actor_id=staff.id, detail="single sign-on")
    return redirect(url_for("staff.index"), 303)


def log_out_staff():
    """Log a staff member out, into the audit log. After single sign-on, the login page then
    offers the identity provider's own logout too."""
    via_sso = session.get("login_via") == "sso"
    audit.record("staff.logout", actor_id=g.staff.id)
    logins.end_current()
    if via_sso and sso.configured():
        session["offer_provider_logout"] = True
    return redirect(url_for("staff.login"), 303)


def provider_logout_offer() -> str | None:
    """The provider's logout address, once, right after a single sign-on logout."""
    if not session.pop("offer_provider_logout", False) or not sso.configured():
        return None
    return sso.logout_address(url_for("staff.login", _external=True))
