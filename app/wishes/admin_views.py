"""The card catalogue for administrators: words, pictogram, group, order, hidden or shown."""

from flask import abort, g, redirect, url_for

from ..access import staff_required
from ..i18n import LANGUAGES
from ..models import Role
from ..web import render
from . import bp, catalogue
from .forms import card_form

admin_only = staff_required(Role.admin)


@bp.get("/admin/onskemal-kort")
@admin_only
def admin_cards():
    """Every topic card by group, hidden ones marked, each with a link to change it."""
    cards = catalogue.all_cards()
    groups = [(group, [c for c in cards if c.group == group.key]) for group in catalogue.GROUPS]
    return render("wishes/admin_cards.html", groups=groups, languages=LANGUAGES)


@bp.route("/admin/onskemal-kort/ny", methods=["GET", "POST"])
@admin_only
def admin_new_card():
    """Add a topic card."""
    return _card_form_page(None)


@bp.route("/admin/onskemal-kort/<key>", methods=["GET", "POST"])
@admin_only
def admin_edit_card(key):
    """Change a topic card, or hide it from participants (nothing already sorted is lost)."""
    card = catalogue.find(key)
    if card is None:
        abort(404)
    return _card_form_page(card)


def _card_form_page(card):
    form = card_form(card)
    if form.validate_on_submit():
        catalogue.save(
            card,
            words=form.words(),
            group=form.group.data,
            position=form.position.data,
            pictogram=form.pictogram.data,
            hidden=form.visibility.data == "hidden",
            staff=g.staff,
        )
        return redirect(url_for("wishes.admin_cards"), 303)
    return render(
        "wishes/admin_card_form.html",
        form=form,
        card=card,
        status=422 if form.errors else 200,
    )
