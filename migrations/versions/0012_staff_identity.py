"""Staff identity: single sign-on subjects, a second factor with recovery codes, passwords
that the person chooses themselves, and audit events that name the account concerned.

Accounts whose password an administrator chose must choose their own at the next login.

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("staff_user") as batch:
        batch.alter_column(
            "password_hash",
            existing_type=sqlmodel.sql.sqltypes.AutoString(length=255),
            nullable=True,
        )
        batch.add_column(
            sa.Column(
                "must_change_password", sa.Boolean(), nullable=False, server_default=sa.false()
            )
        )
        batch.add_column(
            sa.Column("password_changed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True)
        )
        batch.add_column(
            sa.Column("reset_code_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True)
        )
        batch.add_column(
            sa.Column("reset_code_expires_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True)
        )
        batch.add_column(
            sa.Column("sso_subject", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=True)
        )
        batch.add_column(
            sa.Column("totp_secret", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True)
        )
        batch.add_column(
            sa.Column("totp_confirmed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True)
        )
        batch.add_column(sa.Column("totp_last_step", sa.Integer(), nullable=True))
        batch.create_unique_constraint("uq_staff_user_sso_subject", ["sso_subject"])
    with op.batch_alter_table("staff_user") as batch:
        batch.alter_column("must_change_password", server_default=None)
    op.execute(
        "UPDATE staff_user SET must_change_password = "
        + ("1" if op.get_bind().dialect.name == "sqlite" else "true")
        + " WHERE created_by_id IS NOT NULL"
    )

    op.create_table(
        "recovery_code",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("code_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("used_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["staff_id"], ["staff_user.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("recovery_code") as batch:
        batch.create_index("ix_recovery_code_staff_id", ["staff_id"], unique=False)

    with op.batch_alter_table("audit_event") as batch:
        batch.add_column(sa.Column("account_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            "fk_audit_event_account_id_staff_user", "staff_user", ["account_id"], ["id"]
        )
        batch.create_index("ix_audit_event_account_id", ["account_id"], unique=False)


def downgrade():
    with op.batch_alter_table("audit_event") as batch:
        batch.drop_index("ix_audit_event_account_id")
        batch.drop_constraint("fk_audit_event_account_id_staff_user", type_="foreignkey")
        batch.drop_column("account_id")
    op.drop_table("recovery_code")
    with op.batch_alter_table("staff_user") as batch:
        batch.drop_constraint("uq_staff_user_sso_subject", type_="unique")
        for column in (
            "totp_last_step",
            "totp_confirmed_at",
            "totp_secret",
            "sso_subject",
            "reset_code_expires_at",
            "reset_code_hash",
            "password_changed_at",
            "must_change_password",
        ):
            batch.drop_column(column)
    # Accounts without a password get a hash that no password matches.
    op.execute(
        "UPDATE staff_user SET password_hash = 'scrypt:32768:8:1$none$0' WHERE password_hash IS NULL"
    )
    with op.batch_alter_table("staff_user") as batch:
        batch.alter_column(
            "password_hash",
            existing_type=sqlmodel.sql.sqltypes.AutoString(length=255),
            nullable=False,
        )
