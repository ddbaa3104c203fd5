"""What every HTML page of the app must have, checked in one pass of the standard library's
parser (cheap enough to run on every page a test fetches; see `BrowserLikeClient` in
tests/conftest.py).

A whole page: a language and a direction, a title, one h1, unique ids. Any page or fragment:
forms that send somewhere real, a CSRF field in every form that posts, and form fields that
have a name (or the browser sends nothing) and a label a screen reader reads: a label[for],
a wrapping label, aria-label, or aria-labelledby pointing at something on the page."""

from html.parser import HTMLParser

from app.i18n import LANGUAGES

FIELDS = {"input", "select", "textarea"}
# Inputs that are not fields a person fills in: their label is their value, or they have none.
NOT_FILLED_IN = {"hidden", "submit", "button"}


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.html = None
        self.titles: list[list[str]] = []
        self.in_title = False
        self.h1 = 0
        self.ids: list[str] = []
        self.forms: list[dict] = []
        self.form = None
        self.fields: list[tuple[str, dict, bool]] = []
        self.label_for: set[str] = set()
        self.labels_open = 0
        self.in_svg = 0

    def handle_starttag(self, tag, attrs):
        a = {k: v if v is not None else "" for k, v in attrs}
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "svg":
            self.in_svg += 1
        elif tag == "html" and self.html is None:
            self.html = a
        elif tag == "title" and not self.in_svg:
            self.in_title = True
            self.titles.append([])
        elif tag == "h1":
            self.h1 += 1
        elif tag == "form":
            self.form = {"attrs": a, "csrf": False}
            self.forms.append(self.form)
        elif tag == "label":
            self.labels_open += 1
            if a.get("for"):
                self.label_for.add(a["for"])
        elif tag in FIELDS:
            if tag == "input" and a.get("name") == "csrf_token" and self.form is not None:
                self.form["csrf"] = True
            self.fields.append((tag, a, self.labels_open > 0))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in ("label", "form", "title", "svg"):
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        elif tag == "svg":
            self.in_svg = max(0, self.in_svg - 1)
        elif tag == "label":
            self.labels_open = max(0, self.labels_open - 1)
        elif tag == "form":
            self.form = None

    def handle_data(self, data):
        if self.in_title:
            self.titles[-1].append(data)


def _show(tag: str, attrs: dict) -> str:
    return "<" + tag + "".join(f' {k}="{v}"' for k, v in attrs.items()) + ">"


def problems(html: str, whole_page: bool = True) -> list[str]:
    """What is wrong with a page (`whole_page`) or with a fragment htmx puts into one."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    found = []
    if whole_page:
        attrs = reader.html or {}
        if attrs.get("lang") not in LANGUAGES:
            found.append(f"html lang is {attrs.get('lang')!r}")
        if attrs.get("dir") not in ("ltr", "rtl"):
            found.append(f"html dir is {attrs.get('dir')!r}")
        if not reader.titles or not "".join(reader.titles[0]).strip():
            found.append("no title")
        if reader.h1 != 1:
            found.append(f"{reader.h1} h1 elements, not one")
    ids = set()
    for id_ in reader.ids:
        if id_ in ids:
            found.append(f"duplicate id {id_!r}")
        ids.add(id_)
    for form in reader.forms:
        attrs = form["attrs"]
        if not attrs.get("action", "").startswith("/"):
            found.append(f"a form that sends nowhere real: {_show('form', attrs)}")
        if attrs.get("method", "get").lower() == "post" and not form["csrf"]:
            found.append(f"a form that posts without a CSRF field: {_show('form', attrs)}")
    for tag, attrs, wrapped in reader.fields:
        if tag == "input" and attrs.get("type", "text").lower() in NOT_FILLED_IN:
            continue
        if not attrs.get("name"):
            found.append(f"a field without a name: {_show(tag, attrs)}")
        if not whole_page:
            continue  # the label may be on the page around the fragment
        labelled_by = attrs.get("aria-labelledby", "").split()
        labelled = (
            wrapped
            or attrs.get("aria-label", "").strip()
            or (attrs.get("id") and attrs["id"] in reader.label_for)
            or (labelled_by and all(i in ids for i in labelled_by))
        )
        if not labelled:
            found.append(f"a field without a label: {_show(tag, attrs)}")
    return found


def is_whole_page(html: str) -> bool:
    return html.lstrip()[:15].lower() == "<!doctype html>"


def check(html: str, whole_page: bool | None = None) -> None:
    """Fail with every problem of the page or fragment (told by its doctype), if any."""
    found = problems(html, is_whole_page(html) if whole_page is None else whole_page)
    assert not found, "the page lint found: " + "; ".join(found)
