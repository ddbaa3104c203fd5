"""The access matrix's rows for the accessibility statement: a public page, open to everyone."""

from tests.actors import EVERYONE

ROUTES = {
    "home.accessibility": ("GET", "/tillganglighet", {}, EVERYONE),
}
