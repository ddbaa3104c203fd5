"""Boosted links swap the new page's body into the old page, keeping the old <head>: a page
that brings its own script, or asks for the microphone, is loaded whole instead (web.load_whole).
The browser journeys of passkeys and the recorder show it end to end."""

BOOSTED = {"HX-Request": "true", "HX-Boosted": "true"}


def test_a_boosted_link_to_the_login_page_loads_it_whole(client):
    response = client.get("/personal/logga-in", headers=BOOSTED)
    assert response.status_code == 200
    assert response.headers["HX-Redirect"] == "http://localhost/personal/logga-in"
    assert response.get_data() == b""


def test_an_ended_staff_login_sent_to_the_login_page_loads_it_whole(client):
    """A boosted link followed to the login page (the staff login ran out): still whole."""
    response = client.get("/personal/", headers=BOOSTED, follow_redirects=True)
    assert response.request.path == "/personal/logga-in"
    assert response.headers["HX-Redirect"] == "http://localhost/personal/logga-in"


def test_other_pages_and_whole_page_loads_are_answered_as_before(client):
    welcome = client.get("/", headers=BOOSTED)
    assert "HX-Redirect" not in welcome.headers
    assert b"<h1" in welcome.get_data()
    login = client.get("/personal/logga-in")
    assert "HX-Redirect" not in login.headers
    assert b"Logga in som personal" in login.get_data()
