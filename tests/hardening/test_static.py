"""Static files under content-hashed names: a changed file gets a new name at once."""

import re

from bs4 import BeautifulSoup

HASHED = re.compile(r"^/static/(.+)\.([0-9a-f]{10})\.(\w+)$")


def test_pages_link_static_files_and_pictograms_by_content_hash(client):
    soup = BeautifulSoup(client.get("/sprak").text, "html.parser")
    addresses = (
        [t["href"] for t in soup.select("link[href]")]
        + [t["src"] for t in soup.select("script[src], img[src]")]
        + [t["data-htmx"] for t in soup.select("script[data-htmx]")]
    )
    assert any("/htmx-" in a for a in addresses), "htmx, which app.js adds"
    assert any("/pictograms/" in a for a in addresses)
    for address in addresses:
        assert HASHED.match(address), address
        response = client.get(address)
        assert response.status_code == 200
        assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
        response.close()


def test_while_developing_a_changed_file_gets_a_new_name_and_the_old_name_is_gone(
    app, client, tmp_path
):
    """A running server outside development hashes each file once: a deploy restarts it."""
    static = tmp_path / "static"
    (static / "css").mkdir(parents=True)
    (static / "css" / "app.css").write_text("body { color: black }")
    app.static_folder = str(static)
    app.debug = True
    with app.test_request_context():
        from flask import url_for

        old = url_for("static", filename="css/app.css")
        (static / "css" / "app.css").write_text("body { color: navy }")
        new = url_for("static", filename="css/app.css")
    assert old != new and HASHED.match(new)
    assert client.get(new).data == b"body { color: navy }"
    assert client.get(old).status_code == 404


def test_the_plain_name_still_works_but_is_not_kept_for_a_year(client):
    response = client.get("/static/css/app.css")
    assert response.status_code == 200
    assert "immutable" not in response.headers.get("Cache-Control", "")
    response.close()
