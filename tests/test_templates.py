"""The templates themselves: forms that post are written with post_form (which adds the CSRF
field), and pictograms are shown with picture() (one size, empty alt, the same address), so
neither is written by hand again."""

import re
from pathlib import Path

TEMPLATES = Path(__file__).parent.parent / "app" / "templates"
MACROS = {
    "post_form": TEMPLATES / "_forms.html",
    "picture": TEMPLATES / "_pictures.html",
}
FORM = re.compile(r"<form\b[^>]*>", re.I)
POSTS = re.compile(r"""\bmethod\s*=\s*["']?post""", re.I)
CSRF = re.compile(r"csrf_token|\bcsrf\(")
PICTO_IMG = re.compile(r"<img\b[^>]*\{\{[^}]*\bpicto\(", re.I)


def templates():
    return sorted(TEMPLATES.rglob("*.html"))


def where(path: Path, text: str, match: re.Match) -> str:
    line = text.count("\n", 0, match.start()) + 1
    return f"{path.relative_to(TEMPLATES)}:{line}: {match.group(0)[:100]}"


def test_every_posting_form_is_written_with_post_form():
    found = []
    for path in templates():
        if path == MACROS["post_form"]:
            continue
        text = path.read_text()
        found += [where(path, text, m) for m in FORM.finditer(text) if POSTS.search(m.group(0))]
    assert not found, "write these with {% call post_form(...) %}:\n" + "\n".join(found)


def test_no_template_writes_a_csrf_field_by_hand():
    """The token is in post_form and in the page's meta tag (for scripts), nowhere else."""
    allowed = {MACROS["post_form"], TEMPLATES / "base.html"}
    found = []
    for path in templates():
        if path in allowed:
            continue
        text = path.read_text()
        found += [where(path, text, m) for m in CSRF.finditer(text)]
    assert not found, "post_form adds the CSRF field:\n" + "\n".join(found)


def test_pictograms_are_shown_with_the_picture_macro():
    found = []
    for path in templates():
        if path == MACROS["picture"]:
            continue
        text = path.read_text()
        found += [where(path, text, m) for m in PICTO_IMG.finditer(text)]
    assert not found, "write these with {{ picture(concept, size) }}:\n" + "\n".join(found)


def test_the_macros_still_do_what_the_checks_above_leave_to_them():
    """The lints above pass only because the macros exist; they must keep the token and the
    picture address."""
    form = MACROS["post_form"].read_text()
    assert re.search(r'<form method="post"', form) and 'name="csrf_token"' in form
    assert re.search(r'<img[^>]*src="\{\{ picto\(', MACROS["picture"].read_text())


SHARED_IMPORT = re.compile(r"""\{%-?\s*(?:from|import)\s+["'](_[a-z]+\.html)["']""")


def test_no_template_imports_a_shared_macro_file():
    """The shared macros are globals of every template (web.share_macros): an import of their
    file would cost a check of every global again at each render."""
    from app.web import SHARED_MACROS

    found = []
    for path in templates():
        text = path.read_text()
        imports = SHARED_IMPORT.finditer(text)
        found += [where(path, text, m) for m in imports if m[1] in SHARED_MACROS]
    assert not found, "call these macros without importing them:\n" + "\n".join(found)


def test_every_macro_of_the_shared_files_is_a_global_that_renders(app):
    from flask import render_template_string

    from app.web import SHARED_MACROS

    defined = {
        m[1]: path.name
        for path in (TEMPLATES / name for name in SHARED_MACROS)
        for m in re.finditer(r"\{%-?\s*macro\s+(\w+)\(", path.read_text())
    }
    assert app.extensions["shared_macros"] == defined
    assert {"picture", "post_form", "field", "speaker", "answer_button"} <= defined.keys()
    with app.test_request_context("/"):
        shown = render_template_string(
            "{% call post_form('/here') %}{{ picture('done', 48) }}{% endcall %}"
        )
    assert '<form method="post" action="/here"' in shown
    assert 'name="csrf_token"' in shown and '<img src="/static/' in shown


def test_a_shared_macro_may_not_take_the_name_of_another_global(new_app):
    """Else one of them would silently stand for the other in every template. Here the app
    already has the shared macros, so sharing them again meets `picture` among its globals."""
    import pytest

    from app import web

    with pytest.raises(RuntimeError, match="the macro picture has the name of a global"):
        web.share_macros(new_app)
