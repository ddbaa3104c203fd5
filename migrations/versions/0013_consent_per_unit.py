"""Consent is given to a provider unit, and repeated refused pages are counted, not copied.

Each earlier yes or no is taken as given to the unit the participant is at now (the only unit
the app knew of when it was given).

Revision ID: 0013
Revises: 0012
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("consent_event") as batch:
        batch.add_column(sa.Column("unit_id", sa.Integer(), nullable=True))
    op.execute(
        "UPDATE consent_event SET unit_id = (SELECT participant.unit_id FROM participant"
        " WHERE participant.id = consent_event.participant_id)"
    )
    with op.batch_alter_table("consent_event") as batch:
        batch.alter_column("unit_id", existing_type=sa.Integer(), nullable=False)
        batch.create_foreign_key("fk_consent_event_unit_id_unit", "unit", ["unit_id"], ["id"])
    with op.batch_alter_table("audit_event") as batch:
        batch.add_column(
            sa.Column("repeats", sa.Integer(), nullable=False, server_default=sa.text("1"))
        )


def downgrade():
    with op.batch_alter_table("audit_event") as batch:
        batch.drop_column("repeats")
    with op.batch_alter_table("consent_event") as batch:
        batch.drop_constraint("fk_consent_event_unit_id_unit", type_="foreignkey")
        batch.drop_column("unit_id")
