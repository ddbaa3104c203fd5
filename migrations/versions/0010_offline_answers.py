"""Answers given offline carry a key made by the phone, so a resent answer is stored once.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("check_in_answer") as batch:
        batch.add_column(
            sa.Column("client_key", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True)
        )
        batch.create_unique_constraint(
            "uq_check_in_answer_check_in_id_client_key", ["check_in_id", "client_key"]
        )


def downgrade():
    with op.batch_alter_table("check_in_answer") as batch:
        batch.drop_constraint("uq_check_in_answer_check_in_id_client_key", type_="unique")
        batch.drop_column("client_key")
