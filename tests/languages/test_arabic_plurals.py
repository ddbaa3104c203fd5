"""Arabic counts properly: one, two, three to ten, eleven to ninety-nine and a hundred each have
their own form (the Plural-Forms header follows CLDR), so no page says «2 مرة»."""

from babel.messages.pofile import read_po
from flask_babel import force_locale, ngettext

from app.translate import TRANSLATIONS


def arabic():
    with (TRANSLATIONS / "ar" / "LC_MESSAGES" / "messages.po").open("rb") as file:
        return read_po(file)


def test_each_count_gets_its_own_arabic_form(app):
    with app.test_request_context(), force_locale("ar"):

        def times(n):
            return ngettext("(%(num)s gång)", "(%(num)s gånger)", n)

        assert [times(n) for n in (1, 2, 5, 11, 100)] == [
            "(مرة واحدة)",
            "(مرتان)",
            "(5 مرات)",
            "(11 مرةً)",
            "(100 مرة)",
        ]


def test_one_and_two_are_words_not_a_number_beside_a_singular():
    for message in arabic():
        if not message.pluralizable:
            continue
        _zero, one, two, few, _many, _other = message.string
        assert "%(num)" not in one and "%(num)" not in two, message.id[0]
        assert len({one, two, few}) == 3, message.id[0]
