"""Goals (from the order) and next steps (from the provider's plan).

A goal's wording is history: every save is a new goal_version row; goal.version is the
number of the current one (and the optimistic lock for edits).

Revision ID: 0004
Revises: 0003
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel  # noqa: F401


revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "goal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("ended_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("ended_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["created_by_id"], ["staff_user.id"]),
        sa.ForeignKeyConstraint(["ended_by_id"], ["staff_user.id"]),
        sa.ForeignKeyConstraint(["participant_id"], ["participant.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("goal", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_goal_participant_id"), ["participant_id"], unique=False
        )

    op.create_table(
        "goal_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("easy_text", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("formal_text", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column("measure", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("pictogram", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("sub_goals", sa.JSON(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["created_by_id"], ["staff_user.id"]),
        sa.ForeignKeyConstraint(["goal_id"], ["goal.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("goal_id", "version"),
    )
    with op.batch_alter_table("goal_version", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_goal_version_goal_id"), ["goal_id"], unique=False)

    op.create_table(
        "goal_step",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=True),
        sa.Column("what", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("who", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("who_name", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("done_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("feeling", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
        sa.Column("done_helper_id", sa.Integer(), nullable=True),
        sa.Column("confirmed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("confirmed_by_id", sa.Integer(), nullable=True),
        sa.Column("reopened_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("reopened_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["confirmed_by_id"], ["staff_user.id"]),
        sa.ForeignKeyConstraint(["created_by_id"], ["staff_user.id"]),
        sa.ForeignKeyConstraint(["done_helper_id"], ["staff_user.id"]),
        sa.ForeignKeyConstraint(["goal_id"], ["goal.id"]),
        sa.ForeignKeyConstraint(["participant_id"], ["participant.id"]),
        sa.ForeignKeyConstraint(["reopened_by_id"], ["staff_user.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("goal_step", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_goal_step_goal_id"), ["goal_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_goal_step_participant_id"), ["participant_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("goal_step", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_goal_step_participant_id"))
        batch_op.drop_index(batch_op.f("ix_goal_step_goal_id"))
    op.drop_table("goal_step")
    with op.batch_alter_table("goal_version", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_goal_version_goal_id"))
    op.drop_table("goal_version")
    with op.batch_alter_table("goal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_goal_participant_id"))
    op.drop_table("goal")
