"""The display area's rows of the access matrix."""

from tests.actors import EVERYONE, PARTICIPANTS

ROUTES = {
    "display.choices_page": ("GET", "/sa-vill-jag-se-det", {}, PARTICIPANTS),
    "display.choose": ("POST", "/sa-vill-jag-se-det", {"large_text": "1"}, PARTICIPANTS),
    "display.offline_page": ("GET", "/utan-nat", {}, EVERYONE),
    "display.service_worker": ("GET", "/sw.js", {}, EVERYONE),
}
