"""After the step to work or studies: the new step, its check-ins, consent for a support person.

Revision ID: 0017
Revises: 0014
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0017"
down_revision = "0014"
branch_labels = None
depends_on = None


# What 0005 wrote into every alternative's "Kan jag komma tillbaka?": now written once, in
# catalogue_text, so the alternatives keep only what they say more.
_BACK_DEFAULTS = {
    "sv": "Ja. Daglig verksamhet är din rätt.\nDu kan komma tillbaka om det inte blir bra.",
    "en": "Yes. Daily activity is still your right.\nYou can come back if it does not work out.",
}


def _back_once(back_again=False):
    """Take the default out of each alternative (or, going down, put it back where empty)."""
    alternative = sa.table("alternative", sa.column("id"), sa.column("texts", sa.JSON()))
    bind = op.get_bind()
    for row in bind.execute(sa.select(alternative.c.id, alternative.c.texts)).all():
        texts = {code: dict(parts) for code, parts in (row.texts or {}).items()}
        changed = False
        for code, parts in texts.items():
            if back_again and code in _BACK_DEFAULTS and not parts.get("back"):
                parts["back"] = _BACK_DEFAULTS[code]
                changed = True
            elif not back_again and parts.get("back", "").strip() == _BACK_DEFAULTS.get(code):
                del parts["back"]
                changed = True
        if changed:
            bind.execute(
                alternative.update().where(alternative.c.id == row.id).values(texts=texts)
            )


def upgrade():
    op.create_table(
        "catalogue_text",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("texts", sa.JSON(), nullable=False),
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
    _back_once(back_again=True)
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
