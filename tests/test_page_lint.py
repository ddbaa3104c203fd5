"""The page lint that every fetched page goes through finds what it is there to find."""

import pytest

from tests.page_lint import problems

PAGE = """<!doctype html><html lang="sv" dir="ltr"><head><title>Sida</title></head>
<body><h1>Rubrik</h1>{}</body></html>"""


def form(fields, method="post", csrf=True):
    token = '<input type="hidden" name="csrf_token" value="x">' if csrf else ""
    return f'<form method="{method}" action="/spara">{token}{fields}</form>'


@pytest.mark.parametrize(
    "fields",
    [
        '<label for="a">A</label><input id="a" name="a">',
        '<label>A <input name="a"></label>',
        '<input name="a" aria-label="A">',
        '<p id="a-label">A</p><input name="a" aria-labelledby="a-label">',
        '<label for="s">S</label><select id="s" name="s"></select>',
        '<input type="submit" value="Skicka"><input type="button" value="Tryck">',
        '<label for="t">T</label><textarea id="t" name="t"></textarea>',
    ],
)
def test_named_and_labelled_fields_pass(fields):
    assert problems(PAGE.format(form(fields))) == []


@pytest.mark.parametrize(
    ("fields", "found"),
    [
        ('<label for="a">A</label><input id="a">', "a field without a name"),
        ('<input id="a" name="a">', "a field without a label"),
        ('<label for="b">B</label><input id="a" name="a">', "a field without a label"),
        ('<input name="a" aria-labelledby="nowhere">', "a field without a label"),
        ('<label>A</label><textarea name="t"></textarea>', "a field without a label"),
        ('<select id="s"></select>', "a field without a name"),
    ],
)
def test_unnamed_or_unlabelled_fields_are_found(fields, found):
    assert any(p.startswith(found) for p in problems(PAGE.format(form(fields)))), found


def test_a_posting_form_without_a_csrf_field_is_found():
    html = PAGE.format(form("", csrf=False))
    assert problems(html) == [
        'a form that posts without a CSRF field: <form method="post" action="/spara">'
    ]
    assert problems(PAGE.format(form("", method="get", csrf=False))) == []


def test_what_a_whole_page_needs_is_checked_and_a_fragment_is_spared_it():
    bare = '<form method="get" action="/s"><input name="q" id="q"></form>'
    assert problems(bare, whole_page=False) == []
    found = problems(bare, whole_page=True)
    expected = ["html lang is None", "no title", "0 h1 elements, not one", "a field without"]
    for words in expected:
        assert words in " ".join(found)


def test_duplicate_ids_and_forms_that_send_nowhere_are_found():
    html = PAGE.format('<p id="x"></p><p id="x"></p><form action="#"></form>')
    assert problems(html) == [
        "duplicate id 'x'",
        'a form that sends nowhere real: <form action="#">',
    ]
