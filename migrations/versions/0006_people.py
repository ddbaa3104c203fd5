"""New roles (manager, auditor) need no schema; participants get a stated gender, display
choices and an end in the service (when, why, recorded by whom).

Revision ID: 0006
Revises: 0005
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("participant") as batch:
        batch.add_column(sa.Column("gender", sa.String(length=10), nullable=True))
        for choice in ("large_text", "high_contrast", "reduce_motion"):
            batch.add_column(
                sa.Column(choice, sa.Boolean(), nullable=False, server_default=sa.false())
            )
        batch.add_column(sa.Column("ended_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch.add_column(sa.Column("end_reason", sa.String(length=20), nullable=True))
        batch.add_column(sa.Column("ended_by_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            "fk_participant_ended_by_id_staff_user", "staff_user", ["ended_by_id"], ["id"]
        )
        batch.create_index("ix_participant_ended_at", ["ended_at"])


def downgrade():
    with op.batch_alter_table("participant") as batch:
        batch.drop_index("ix_participant_ended_at")
        batch.drop_constraint("fk_participant_ended_by_id_staff_user", type_="foreignkey")
        for column in (
            "ended_by_id",
            "end_reason",
            "ended_at",
            "reduce_motion",
            "high_contrast",
            "large_text",
            "gender",
        ):
            batch.drop_column(column)
