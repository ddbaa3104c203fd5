"""Administration: final deletion after the retention period.

A participant removed for good keeps only an anonymous row (participant.anonymised_at set), so
the append-only audit log still points somewhere. A retention_run row holds when the deletion
ran, how it was asked for and how much it removed; never who was removed.

Revision ID: 0008
Revises: 0007
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "retention_run",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ran_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("mode", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("ended_before", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("retention_days", sa.Integer(), nullable=False),
        sa.Column("people", sa.Integer(), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("participant") as batch:
        batch.add_column(
            sa.Column("anonymised_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True)
        )


def downgrade():
    with op.batch_alter_table("participant") as batch:
        batch.drop_column("anonymised_at")
    op.drop_table("retention_run")
