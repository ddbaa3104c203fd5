"""The statistics summary: counts per period, unit, gender and measure, and the changes since.

Revision ID: 0016
Revises: 0015
"""

from datetime import UTC, datetime

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "stats_count",
        sa.Column("period", sqlmodel.sql.sqltypes.AutoString(length=7), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("gender", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("measure", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("hidden", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True),
        sa.PrimaryKeyConstraint("period", "unit_id", "gender", "measure"),
    )
    change = op.create_table(
        "stats_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("changed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    # The data already there has never been counted.
    op.bulk_insert(change, [{"changed_at": datetime.now(UTC)}])


def downgrade():
    op.drop_table("stats_change")
    op.drop_table("stats_count")
