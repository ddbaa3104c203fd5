"""Consent ("Vem får se?") as history rows, and the access log's outcome and detail for failed
logins and refused pages.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "consent_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("area", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("shared_with", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("given", sa.Boolean(), nullable=False),
        sa.Column("at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("helper_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["helper_id"], ["staff_user.id"]),
        sa.ForeignKeyConstraint(["participant_id"], ["participant.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("consent_event") as batch:
        batch.create_index("ix_consent_event_participant_id", ["participant_id"], unique=False)
    with op.batch_alter_table("audit_event") as batch:
        batch.add_column(
            sa.Column("outcome", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True)
        )
        batch.add_column(
            sa.Column("detail", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=True)
        )


def downgrade():
    with op.batch_alter_table("audit_event") as batch:
        batch.drop_column("detail")
        batch.drop_column("outcome")
    with op.batch_alter_table("consent_event") as batch:
        batch.drop_index("ix_consent_event_participant_id")
    op.drop_table("consent_event")
