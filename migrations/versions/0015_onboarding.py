"""Onboarding from the case system, and the plan's history: the case system's ids, the day a
participant started, steps removed and changed.

Revision ID: 0015
Revises: 0017
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0015"
down_revision = "0017"
branch_labels = None
depends_on = None

CASE_ID_TABLES = ("unit", "staff_user", "participant")


def upgrade():
    for table in CASE_ID_TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(
                sa.Column("case_id", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True)
            )
            batch.create_unique_constraint(f"uq_{table}_case_id", ["case_id"])
    with op.batch_alter_table("participant") as batch:
        batch.add_column(sa.Column("started_on", sa.Date(), nullable=True))
    with op.batch_alter_table("goal_step") as batch:
        batch.add_column(sa.Column("removed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch.add_column(sa.Column("removed_by_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            "fk_goal_step_removed_by_id", "staff_user", ["removed_by_id"], ["id"]
        )
    op.create_table(
        "step_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("step_id", sa.Integer(), nullable=False),
        sa.Column("action", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("what", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("who", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("who_name", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("changed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("changed_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["changed_by_id"], ["staff_user.id"]),
        sa.ForeignKeyConstraint(["step_id"], ["goal_step.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_step_change_step_id", "step_change", ["step_id"])


def downgrade():
    op.drop_index("ix_step_change_step_id", table_name="step_change")
    op.drop_table("step_change")
    with op.batch_alter_table("goal_step") as batch:
        batch.drop_constraint("fk_goal_step_removed_by_id", type_="foreignkey")
        batch.drop_column("removed_by_id")
        batch.drop_column("removed_at")
    with op.batch_alter_table("participant") as batch:
        batch.drop_column("started_on")
    for table in CASE_ID_TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_constraint(f"uq_{table}_case_id", type_="unique")
            batch.drop_column("case_id")
