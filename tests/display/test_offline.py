"""Working on a weak connection: what the phone may keep, the service worker, and answers
sent again after the network comes back, stored once."""

import re

import pytest
from sqlmodel import select

from app.checkins.models import CheckInAnswer
from app.display import offline
from tests.conftest import page


@pytest.fixture
def answering(logged_in, anna, make_meeting):
    make_meeting(anna)
    soup = page(logged_in.get("/infor-motet/fraga/how_it_is"))
    return soup.select_one("input[name=check_in]")["value"]


def stored(db):
    db.expire_all()
    return [(a.question_key, a.choices) for a in db.exec(select(CheckInAnswer).order_by("id"))]


def send(client, check_in, key, choice, answer_key):
    return client.post(
        f"/infor-motet/fraga/{key}",
        data={"check_in": check_in, "choice": choice, "answer_key": answer_key},
        headers={"HX-Request": "true"},
    )


def test_an_answer_sent_again_with_its_key_is_stored_once(logged_in, db, answering):
    for _ in range(3):
        assert send(logged_in, answering, "how_it_is", "good", "k1").status_code == 200
    assert stored(db) == [("how_it_is", ["good"])]
    # Changed, then changed back, all offline: each change is history, each stored once.
    send(logged_in, answering, "how_it_is", "so_so", "k2")
    send(logged_in, answering, "how_it_is", "good", "k3")
    send(logged_in, answering, "how_it_is", "so_so", "k2")
    assert stored(db) == [
        ("how_it_is", ["good"]),
        ("how_it_is", ["so_so"]),
        ("how_it_is", ["good"]),
    ]


def test_a_key_is_cut_to_its_column_and_still_matches(logged_in, db, answering):
    long_key = "x" * 500
    send(logged_in, answering, "likes_tasks", "yes", long_key)
    send(logged_in, answering, "likes_tasks", "no", "other")
    send(logged_in, answering, "likes_tasks", "yes", long_key)
    assert stored(db) == [("likes_tasks", ["yes"]), ("likes_tasks", ["no"])]


def test_another_persons_key_does_not_stop_an_answer(
    app, db, answering, make_participant, make_meeting, login_participant
):
    bea = make_participant("Bea")
    make_meeting(bea)
    other = app.test_client()
    login_participant(other, bea)
    check_in = page(other.get("/infor-motet/fraga/how_it_is")).select_one("input[name=check_in]")
    send(other, answering, "how_it_is", "good", "same")  # Anna's check-in: refused
    assert stored(db) == []
    send(other, check_in["value"], "how_it_is", "good", "same")
    assert stored(db) == [("how_it_is", ["good"])]


def test_each_question_names_the_next_page_for_offline_use(logged_in, answering):
    soup = page(logged_in.get("/infor-motet/fraga/how_it_is"))
    assert soup.select_one("form[data-offline]")["data-offline"] == "/infor-motet/fraga/likes_tasks"
    soup = page(logged_in.get("/infor-motet/fraga/who_helped"))
    assert soup.select_one("form[data-offline]")["data-offline"] == "/infor-motet/svar"


def test_participant_pages_and_static_files_may_be_kept_offline(logged_in, answering):
    for url in ["/", "/sa-vill-jag-se-det", "/infor-motet/fraga/how_it_is"]:
        assert logged_in.get(url).headers.get("X-Offline") == "keep", url
    css = page(logged_in.get("/")).select_one("link[rel=stylesheet]")["href"]
    assert logged_in.get(css).headers.get("X-Offline") == "keep"


def test_staff_pages_fragments_card_links_and_errors_are_never_kept(
    client, app, logged_in, answering, make_staff, login_as
):
    fragment = logged_in.get("/infor-motet/fraga/how_it_is", headers={"HX-Request": "true"})
    assert "X-Offline" not in fragment.headers
    assert "X-Offline" not in logged_in.get("/personal/logga-in").headers
    assert "X-Offline" not in logged_in.get("/k/some-card-secret").headers
    assert "X-Offline" not in logged_in.get("/finns-inte").headers
    assert "X-Offline" not in send(logged_in, answering, "how_it_is", "good", "k").headers
    staff = app.test_client()
    login_as(staff, make_staff("supervisor"))
    assert "X-Offline" not in staff.get("/personal/").headers
    assert "X-Offline" not in app.test_client().get("/").headers


def test_logging_out_clears_what_the_phone_kept(logged_in):
    response = logged_in.post("/logga-ut")
    assert response.headers["Clear-Site-Data"] == '"storage"'


def test_the_offline_page_is_kind_and_needs_no_login(client):
    soup = page(client.get("/utan-nat"))
    assert soup.h1.get_text(strip=True) == "Inget nät just nu"
    assert "finns kvar i telefonen" in soup.main.get_text()


def test_the_service_worker_is_served_from_the_root_with_this_deploys_cache(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response.mimetype == "text/javascript"
    assert response.headers["Cache-Control"] == "no-store", "a new deploy is found at once"
    source = response.get_data(as_text=True)
    assert "__VERSION__" not in source and "__KEEP__" not in source
    assert f'"mina-steg-{offline.version()}"' in source
    keep = re.search(r"KEEP = (\[.*?\])", source).group(1)
    assert '"/utan-nat"' in keep
    for name in ["app", "display", "htmx"]:
        assert re.search(rf"/static/[^\"]*{name}[^\"]*\.(css|js)", keep), name
    for concept in ["phone", "home"]:
        assert re.search(rf'"/static/pictograms/{concept}\.[0-9a-f]+\.svg"', keep), concept
    for path in re.findall(r'"(/static/[^"]+)"', keep):
        assert client.get(path).status_code == 200, path


def test_the_cache_name_changes_when_a_file_changes(tmp_path, monkeypatch):
    (tmp_path / "static").mkdir()
    (tmp_path / "templates").mkdir()
    (tmp_path / "static" / "app.css").write_text("a { }")
    monkeypatch.setattr(offline, "APP", tmp_path)
    before = offline.version.__wrapped__()
    (tmp_path / "static" / "app.css").write_text("a { color: red }")
    assert offline.version.__wrapped__() != before


def test_the_notices_and_header_kept_ready_follow_each_pages_language(logged_in, anna):
    """Parts of every page are rendered once per language: after a Swedish page has made them,
    an English or Arabic page still gets its own."""
    swedish = page(logged_in.get("/"))
    assert swedish.select_one("#connection-status").text.startswith("Inte skickat än.")
    assert swedish.select_one(".site-header .brand").text.strip() == "Start"
    logged_in.post("/sprak", data={"lang": "en", "next": "/"})
    english = page(logged_in.get("/"))
    assert english.html["lang"] == "en"
    assert english.select_one("#connection-status").text.startswith("Not sent yet.")
    assert english.select_one(".site-header .brand").text.strip() == "Start"
    logged_in.post("/sprak", data={"lang": "ar", "next": "/"})
    arabic = page(logged_in.get("/"))
    assert arabic.select_one(".site-header .brand").text.strip() == "البداية"
