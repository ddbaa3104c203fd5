"""Refused pages cannot flood the log: the same refusal, by the same person from the same
address within ten minutes, is one row that counts its repeats."""

from sqlmodel import select

from app.models import AuditEvent


def refusals(db):
    db.expire_all()
    return [
        (e.detail, e.repeats)
        for e in db.exec(
            select(AuditEvent).where(AuditEvent.action == "access.refused").order_by(AuditEvent.id)
        )
    ]


def test_the_same_refusal_is_counted_not_copied(client, db, make_staff, login_as):
    login_as(client, make_staff("supervisor"))
    for _ in range(50):
        assert client.get("/admin/").status_code == 403
    assert client.get("/granskning/").status_code == 403
    assert refusals(db) == [
        ("403 GET admin.index", 50),
        ("403 GET auditing.index", 1),
    ]
