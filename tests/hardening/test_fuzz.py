"""Every form and htmx endpoint of the access matrix, posted random text, very long strings,
NUL bytes, wrong types and missing fields, by every kind of person: never a server error, and
a refused request changes nothing at all; nor does anyone but an admin change Bea's record by
posting her ids into a form about Anna."""

import io
from urllib.parse import parse_qsl

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlmodel import select

from app.extensions import limiter
from app.models import LoginCard, Participant
from tests.test_access import ACTORS, ROUTES, client_for, fill, snapshot

NASTY = [
    "",
    " ",
    "\x00",
    "Anna\x00",
    "-1",
    "0",
    "1.5",
    "99999999999999999999999",
    "1e309",
    "NaN",
    "2024-02-30",
    "9999-12-31",
    "25:61",
    "[]",
    "{}",
    "true",
    "None",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "../../etc/passwd",
    "%00",
    "\u202eevil",
    "\ud7ff\ufffd",
    "🙂" * 50,
]
# Bea herself and her own staff may change her record.
BEAS_OWN = {"other_participant", "supervisor_elsewhere", "case_officer_elsewhere", "admin"}
# As many examples as the profile says (tests/conftest.py): `make test-deep` runs many more.
SETTINGS = settings(
    derandomize=True,
    database=None,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],  # report the input as found: shrinking is slow
    suppress_health_check=list(HealthCheck),
)


def values(sample, other_ids):
    """What a field may carry instead of what the form sends."""
    return st.one_of(
        st.just(sample),
        st.none(),  # the field is missing
        st.sampled_from(NASTY),
        st.sampled_from(other_ids),  # somebody else's record
        st.text(max_size=40),
        st.integers(min_value=-(2**70), max_value=2**70).map(str),
        st.integers(min_value=300, max_value=20_000).map(lambda n: "x" * n),
        st.lists(st.sampled_from(["a", "1", "", "\x00", str(sample)]), min_size=2, max_size=3),
        st.just("file"),  # an upload where text was expected
    )


def forms(sample: dict, other_ids: list[str]):
    fields = {key: values(value, other_ids) for key, value in sample.items()}
    extra = st.dictionaries(st.sampled_from(["id", "participant_id", "role", "x\x00"]), st.text())
    return st.tuples(st.fixed_dictionaries(fields), extra)


def encode(form: dict) -> dict:
    data = {}
    for key, value in form.items():
        if value is None:
            continue
        data[key] = (io.BytesIO(b"\x00\xff" * 50), "a.txt") if value == "file" else value
    return data


def bea_rows(db):
    db.expire_all()
    bea = db.exec(select(Participant).where(Participant.first_name == "Bea")).one()
    cards = db.exec(select(LoginCard).where(LoginCard.participant_id == bea.id)).all()
    return bea.model_dump(), sorted((c.id, c.revoked_at) for c in cards)


@pytest.mark.parametrize("endpoint", sorted(ROUTES))
def test_nothing_breaks_and_refused_requests_change_nothing(app, db, world, endpoint):
    method, path, sample, allowed = ROUTES[endpoint]
    ids = world["ids"]
    url, _, query = fill(path, ids).partition("?")
    fixed = dict(parse_qsl(query))
    filled = {key: fill(value, ids, db) for key, value in sample.items()}
    bea = db.exec(select(Participant).where(Participant.first_name == "Bea")).one()
    other_ids = [str(bea.id), str(ids["unit"] + 1), "0"]

    @SETTINGS
    @given(
        actor=st.sampled_from(ACTORS),
        form=forms(filled, other_ids),
        htmx=st.booleans(),
        csrf=st.sampled_from([True, True, True, False]),
    )
    def attempt(actor, form, htmx, csrf):
        limiter.reset()
        client = client_for(app, world, actor)
        fields, extra = form
        data = encode({**fields, **extra})
        headers = {"HX-Request": "true"} if htmx else {}
        refused = actor not in allowed
        before = snapshot(db) if refused else bea_rows(db)
        if method == "GET":
            data = {k: v for k, v in data.items() if isinstance(v, str)}
            response = client.get(url, query_string={**fixed, **data}, headers=headers)
        else:
            response = client.post(url, query_string=fixed, data=data, headers=headers, csrf=csrf)
        status = response.status_code
        assert status < 500, f"{actor} got {status} from {endpoint} with {data!r}"
        if refused:
            assert snapshot(db) == before, f"{actor} changed data through {endpoint}"
        elif actor not in BEAS_OWN:
            assert bea_rows(db) == before, f"{actor} changed Bea through {endpoint}"

    attempt()


def test_a_file_posted_to_any_form_is_a_bad_request(client):
    """No form takes a file; one sent anyway gets the kind 400 page, not a crash."""
    response = client.post("/sprak", data={"lang": (io.BytesIO(b"\x00"), "a.txt")})
    assert response.status_code == 400
    assert "Cache-Control" in response.headers
