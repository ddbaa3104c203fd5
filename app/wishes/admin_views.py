"""The card catalogue for administrators: words, pictogram, group, order, hidden or shown."""

from .. import catalogues
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
    return _card_form_page(catalogues.found(catalogue.find(key)))


def _card_form_page(card):
    return catalogues.form_page(
        card,
        card_form(card),
        catalogue.save,
        template="wishes/admin_card_form.html",
        back="wishes.admin_cards",
        card=card,
    )
