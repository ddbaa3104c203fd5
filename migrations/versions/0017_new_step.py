"""After the step to work or studies: the new step, its check-ins, consent for a support person.

Revision ID: 0017
Revises: 0018
"""

from datetime import UTC, datetime

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0017"
# After 0018, whose "Kan jag komma tillbaka?" texts this one writes once per group of paths.
down_revision = "0018"
branch_labels = None
depends_on = None


# "Kan jag komma tillbaka?" as 0018 wrote it for the job paths and the study paths: now written
# once each, in catalogue_text, and shown on every path of the group and on "Jag vill komma
# tillbaka" during a new step. A path keeps only what it says more (serviceassistent: that the
# job ends after two years).
_GROUPS = {"come_back_job": "iwork", "come_back_studies": "komvux"}


def _tables():
    alternative = sa.table(
        "alternative", sa.column("id"), sa.column("key"), sa.column("texts", sa.JSON())
    )
    shared = sa.table(
        "catalogue_text",
        sa.column("key"),
        sa.column("texts", sa.JSON()),
        sa.column("alternative_keys", sa.JSON()),
        sa.column("updated_at"),
    )
    return alternative, shared


def _own_part(back: str, common: str) -> str | None:
    """What a path says beyond the shared text, or None when it does not end with it."""
    back, common = (back or "").strip(), (common or "").strip()
    if not common or not back.endswith(common):
        return None
    return back[: -len(common)].strip()


def _back_once():
    alternative, shared = _tables()
    bind = op.get_bind()
    rows = bind.execute(sa.select(alternative.c.id, alternative.c.key, alternative.c.texts)).all()
    texts_of = {row.key: row.texts or {} for row in rows}
    changed = {}
    for group, source in _GROUPS.items():
        if source not in texts_of:
            continue
        common = {code: parts.get("back", "") for code, parts in texts_of[source].items()}
        members = []
        for row in rows:
            texts = changed.get(row.id) or {c: dict(p) for c, p in (row.texts or {}).items()}
            own = {c: _own_part(p.get("back", ""), common.get(c, "")) for c, p in texts.items()}
            if own.get("sv") is None:
                continue
            members.append(row.key)
            for code, part in own.items():
                if part is not None:
                    texts[code]["back"] = part
            changed[row.id] = texts
        bind.execute(
            shared.insert().values(
                key=group,
                texts={code: text for code, text in common.items() if text},
                alternative_keys=members,
                updated_at=datetime.now(UTC),
            )
        )
    for row_id, texts in changed.items():
        bind.execute(alternative.update().where(alternative.c.id == row_id).values(texts=texts))


def _back_again():
    """Going down: each path says the shared text itself again."""
    alternative, shared = _tables()
    bind = op.get_bind()
    groups = bind.execute(sa.select(shared.c.texts, shared.c.alternative_keys)).all()
    rows = bind.execute(sa.select(alternative.c.id, alternative.c.key, alternative.c.texts)).all()
    for row in rows:
        texts = {code: dict(parts) for code, parts in (row.texts or {}).items()}
        for group in groups:
            if row.key not in (group.alternative_keys or []):
                continue
            for code, common in group.texts.items():
                own = texts.setdefault(code, {}).get("back", "")
                texts[code]["back"] = f"{own}\n{common}" if own else common
        bind.execute(alternative.update().where(alternative.c.id == row.id).values(texts=texts))


def upgrade():
    op.create_table(
        "catalogue_text",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("texts", sa.JSON(), nullable=False),
        sa.Column("alternative_keys", sa.JSON(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["updated_by_id"], ["staff_user.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key"),
    )
    _back_once()
    op.create_table(
        "new_step",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("started_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("support_until", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("support_by_id", sa.Integer(), nullable=False),
        sa.Column("checkin_days", sa.JSON(), nullable=False),
        sa.Column("wants_back_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("returned_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("returned_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["participant_id"], ["participant.id"]),
        sa.ForeignKeyConstraint(["support_by_id"], ["staff_user.id"]),
        sa.ForeignKeyConstraint(["returned_by_id"], ["staff_user.id"]),
        sa.ForeignKeyConstraint(["created_by_id"], ["staff_user.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_new_step_participant_id", "new_step", ["participant_id"])
    op.create_index("ix_new_step_support_by_id", "new_step", ["support_by_id"])
    op.create_table(
        "step_check_in",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("new_step_id", sa.Integer(), nullable=False),
        sa.Column("due_day", sa.Integer(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("completed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["new_step_id"], ["new_step.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_step_check_in_new_step_id", "step_check_in", ["new_step_id"])
    op.create_table(
        "step_answer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("check_in_id", sa.Integer(), nullable=False),
        sa.Column("question_key", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("choice", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("answered_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("helper_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["check_in_id"], ["step_check_in.id"]),
        sa.ForeignKeyConstraint(["helper_id"], ["staff_user.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_step_answer_check_in_id", "step_answer", ["check_in_id"])
    with op.batch_alter_table("consent_event") as batch:
        batch.add_column(sa.Column("support_person_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            "fk_consent_event_support_person_id", "staff_user", ["support_person_id"], ["id"]
        )


def downgrade():
    _back_again()
    op.drop_table("catalogue_text")
    with op.batch_alter_table("consent_event") as batch:
        batch.drop_constraint("fk_consent_event_support_person_id", type_="foreignkey")
        batch.drop_column("support_person_id")
    op.drop_index("ix_step_answer_check_in_id", table_name="step_answer")
    op.drop_table("step_answer")
    op.drop_index("ix_step_check_in_new_step_id", table_name="step_check_in")
    op.drop_table("step_check_in")
    op.drop_index("ix_new_step_support_by_id", table_name="new_step")
    op.drop_index("ix_new_step_participant_id", table_name="new_step")
    op.drop_table("new_step")
