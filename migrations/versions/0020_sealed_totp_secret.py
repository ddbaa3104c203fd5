"""Second-factor secrets are kept sealed: room for the sealed form.

The secrets already stored cannot be sealed here (the key comes from the app's secret key, which
a migration does not have): each is sealed at its next use (identity/second_factor.py).

Revision ID: 0020
Revises: 0019
"""

import sqlmodel
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("staff_user") as batch:
        batch.alter_column(
            "totp_secret",
            existing_type=sqlmodel.sql.sqltypes.AutoString(length=64),
            type_=sqlmodel.sql.sqltypes.AutoString(length=200),
            existing_nullable=True,
        )


def downgrade():
    # A sealed secret does not fit the old column: those accounts set the code app up again,
    # as after an administrator's reset.
    sealed = "SELECT id FROM staff_user WHERE length(totp_secret) > 64"
    op.execute(f"DELETE FROM recovery_code WHERE staff_id IN ({sealed})")
    op.execute(
        "UPDATE staff_user SET totp_secret = NULL, totp_confirmed_at = NULL, "
        "totp_last_step = NULL WHERE length(totp_secret) > 64"
    )
    with op.batch_alter_table("staff_user") as batch:
        batch.alter_column(
            "totp_secret",
            existing_type=sqlmodel.sql.sqltypes.AutoString(length=200),
            type_=sqlmodel.sql.sqltypes.AutoString(length=64),
            existing_nullable=True,
        )
