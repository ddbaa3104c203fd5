"""Log reviews: an auditor's regular check of the access log, with its period and a note.

Revision ID: 0022
Revises: 0021
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "log_review",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reviewer_id", sa.Integer(), nullable=False),
        sa.Column("period_start", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("period_end", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.ForeignKeyConstraint(["reviewer_id"], ["staff_user.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_log_review_period_end"), "log_review", ["period_end"], unique=False)


def downgrade():
    op.drop_index(op.f("ix_log_review_period_end"), table_name="log_review")
    op.drop_table("log_review")
