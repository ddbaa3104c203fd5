"""What the app works out once and keeps for good (web.made_once: the page parts rendered by
`snippet()`, the pictures' addresses) must hold nobody's data: each comes out the same for
everyone who sees it in one language, logged out, any participant or any staff member."""

import re
from collections import defaultdict
from pathlib import Path

from app import pictograms, web

TEMPLATES = Path(__file__).parents[1] / "app" / "templates"
SNIPPET = re.compile(r"""snippet\(\s*["']([^"']+)["']\s*\)""")


def snippets_in_templates() -> set[str]:
    return {
        name for path in TEMPLATES.rglob("*.html") for name in SNIPPET.findall(path.read_text())
    }


def test_what_is_made_once_is_the_same_for_everyone(
    app, client, db, make_participant, make_staff, make_unit, login_participant, login_as,
    monkeypatch,
):  # fmt: skip
    made = defaultdict(dict)  # key -> {who: what was made}
    who = None

    def remember(key, make):
        made[key][who] = value = make()  # worked out afresh on every use
        return value

    monkeypatch.setattr(web, "made_once", remember)
    monkeypatch.setattr(pictograms, "made_once", remember)
    unit = make_unit()
    anna = make_participant("Anna", unit=unit, pictogram="person_sun")
    bo = make_participant("Bo", unit=unit, pictogram="person_star")
    cai = make_participant("Cai", unit=unit)
    dana = make_participant("Dana", unit=unit, pictogram="person_star")
    for person in (cai, dana):
        person.language = "ar"
        db.add(person)
    db.commit()
    staff = make_staff("supervisor", units=[unit])

    visits = {
        "nobody": (None, ["/sprak", "/tillganglighet"]),
        "Anna": (anna, ["/", "/tillganglighet"]),
        "Bo": (bo, ["/", "/tillganglighet"]),
        "Cai (ar)": (cai, ["/", "/tillganglighet"]),
        "Dana (ar)": (dana, ["/", "/tillganglighet"]),
        "staff": (staff, ["/personal/", "/tillganglighet"]),
    }
    for who, (person, paths) in visits.items():
        browser = app.test_client()
        if person is staff:
            login_as(browser, staff)
        elif person is not None:
            login_participant(browser, person)
        for path in paths:
            assert browser.get(path).status_code == 200, (who, path)
    browser = app.test_client()
    with browser.session_transaction() as session:
        session["lang"] = "ar"
    who = "nobody (ar)"
    assert browser.get("/tillganglighet").status_code == 200

    for key, by_whom in made.items():
        assert len(set(map(str, by_whom.values()))) == 1, (key, by_whom)
    seen = defaultdict(set)
    for key, by_whom in made.items():
        if key[0] == "snippet":
            seen[key[1:]] |= set(by_whom)
    # Every snippet in the templates was seen, in each language, by more than one person.
    for name in snippets_in_templates():
        assert len(seen[name, "sv"]) >= 2, (name, seen[name, "sv"])
        assert len(seen[name, "ar"]) >= 2, (name, seen[name, "ar"])
    assert {"Anna", "Bo"} <= seen["_participant_header.html", "sv"]
    assert {"nobody", "staff"} <= seen["_assets.html", "sv"]
    assert any(key[0] == "pictogram" and len(by_whom) >= 4 for key, by_whom in made.items())
