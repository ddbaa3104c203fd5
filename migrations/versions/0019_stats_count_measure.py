"""The statistics summary read by measure: one measure of every unit of a period.

Revision ID: 0019
Revises: 0016
"""

from alembic import op

revision = "0019"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade():
    op.create_index(
        "ix_stats_count_measure", "stats_count", ["period", "gender", "measure", "unit_id"]
    )
    # Counts per unit and gender are no longer kept (the next count leaves them out).
    op.execute("DELETE FROM stats_count WHERE unit_id <> 0 AND gender <> 'all'")


def downgrade():
    op.drop_index("ix_stats_count_measure", table_name="stats_count")
