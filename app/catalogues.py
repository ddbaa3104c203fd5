"""What the catalogues administrators keep (the wish cards, the alternatives) share.

Each entry has a readable key, a pictogram, a place in the order and can be hidden; nothing is
deleted. Each catalogue keeps its own routes, words and checks (app.wishes, app.alternatives)
and uses these pieces for the rest: the columns (`Entry`), finding and saving (`find`,
`find_visible`, `keep`), the form's common fields (`EntryForm`, `pictogram_field`,
`position_field`, `visibility_field`), the form page (`form_page`) and the list's table
(templates/_catalogue.html).
"""

import re
from datetime import datetime
from typing import TypeVar

from flask import abort, g, redirect, url_for
from flask_wtf import FlaskForm
from sqlmodel import Field, SQLModel, select
from wtforms import IntegerField, RadioField, SelectChoice
from wtforms.validators import InputRequired, NumberRange

from . import pictograms
from .db import get_session, save_changes
from .i18n import lazy_gettext as _l
from .keys import readable_key
from .models import StaffUser, utcnow
from .web import render


class Entry(SQLModel):
    """The columns every catalogue entry has (each table adds its own words)."""

    id: int | None = Field(default=None, primary_key=True)
    # Stable and readable: the entry's address and the seeding's handle.
    key: str = Field(max_length=60, unique=True)
    position: int = 0
    pictogram: str = Field(max_length=40)
    hidden: bool = False
    created_at: datetime = Field(default_factory=utcnow)
    created_by_id: int | None = Field(default=None, foreign_key="staff_user.id")
    updated_at: datetime | None = None
    updated_by_id: int | None = Field(default=None, foreign_key="staff_user.id")


AnEntry = TypeVar("AnEntry", bound=Entry)

KEY_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]{0,59}")


def find(table: type[AnEntry], key: str) -> AnEntry | None:
    """The entry with this key, hidden or shown (None for a key no entry can have)."""
    if not KEY_PATTERN.fullmatch(key or ""):
        return None
    return get_session().exec(select(table).where(table.key == key)).first()


def find_visible(table: type[AnEntry], key: str) -> AnEntry | None:
    """The entry a participant may open: it exists and is shown."""
    entry = find(table, key)
    return entry if entry is not None and not entry.hidden else None


def keep(
    entry: AnEntry | None,
    table: type[AnEntry],
    *,
    name: str,
    fallback: str,
    staff: StaffUser,
    **values,
) -> AnEntry:
    """Save `values` (columns) into the entry, marked as changed by `staff`; for None, add a
    new entry with a readable key from its Swedish `name` (`fallback` when it has no letters)."""
    if entry is None:
        key = readable_key(name, fallback, lambda key: find(table, key) is not None)
        entry = table(key=key, created_by_id=staff.id)
    else:
        entry.updated_at = utcnow()
        entry.updated_by_id = staff.id
    for column, value in values.items():
        setattr(entry, column, value)
    db = get_session()
    db.add(entry)
    save_changes()
    return entry


def pictogram_field() -> RadioField:
    return RadioField(_l("Bild"), validators=[InputRequired(_l("Välj en bild."))], choices=[])


def position_field(description: str) -> IntegerField:
    return IntegerField(
        _l("Ordning"),
        description=description,
        validators=[
            InputRequired(_l("Skriv ett nummer.")),
            NumberRange(min=0, max=9999, message=_l("Skriv ett nummer från 0 till 9999.")),
        ],
    )


def visibility_field(
    label: str, description: str, show: str, hide: str, required: str
) -> RadioField:
    return RadioField(
        label,
        description=description,
        choices=[SelectChoice("shown", show), SelectChoice("hidden", hide)],
        validators=[InputRequired(required)],
    )


class EntryForm(FlaskForm):
    """A catalogue entry's form. A subclass declares `pictogram`, `position` and `visibility`
    (with the functions above, where its other fields put them) and fills and reads its own
    fields in `fill` and `own_values`."""

    def prepared(self, entry: Entry | None):
        """The form with its pictures to choose from, filled in from `entry` when it is shown
        (not when it is posted)."""
        self.pictogram.choices = [
            SelectChoice(c, c.replace("_", " ")) for c in pictograms.for_content()
        ]
        if self.is_submitted():
            return self
        if entry is None:
            self.visibility.data = "shown"
            return self
        self.fill(entry)
        self.pictogram.data = entry.pictogram
        self.position.data = entry.position
        self.visibility.data = "hidden" if entry.hidden else "shown"
        return self

    def fill(self, entry: Entry) -> None:
        """Fill in the catalogue's own fields."""

    def own_values(self) -> dict:
        """The catalogue's own fields, as its `save` takes them."""
        return {}

    def values(self) -> dict:
        """Everything the form holds, as the catalogue's `save` takes it."""
        return {
            **self.own_values(),
            "position": self.position.data,
            "pictogram": self.pictogram.data,
            "hidden": self.visibility.data == "hidden",
        }


def found(entry: AnEntry | None) -> AnEntry:
    """The entry an address names, or Not Found."""
    if entry is None:
        abort(404)
    return entry


def form_page(entry, form: EntryForm, save, *, template: str, back: str, **context):
    """Add (`entry` None) or change an entry: save what was posted and go back to the list
    (`back`, an endpoint), or show the form again with what needs to change."""
    if form.validate_on_submit():
        save(entry, **form.values(), staff=g.staff)
        return redirect(url_for(back), 303)
    return render(template, form=form, status=422 if form.errors else 200, **context)
