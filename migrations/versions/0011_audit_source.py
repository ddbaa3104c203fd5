"""Audit events say which address the request came from.

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("audit_event") as batch:
        batch.add_column(
            sa.Column("source", sqlmodel.sql.sqltypes.AutoString(length=45), nullable=True)
        )


def downgrade():
    with op.batch_alter_table("audit_event") as batch:
        batch.drop_column("source")
