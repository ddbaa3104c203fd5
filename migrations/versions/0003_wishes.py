"""My wishes: the topic card catalogue (with the default cards), wishes and the own text.

Wishes and texts are history: a new row for every placement, never an update.

Revision ID: 0003
Revises: 0001
Create Date: 2026-11-22 08:11:21.770626
"""

from datetime import UTC, datetime

from alembic import op
import sqlalchemy as sa
import sqlmodel  # noqa: F401


revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# The default catalogue as it was when this migration was written (key, group, position,
# pictogram, Swedish, English). Later changes to the defaults need a migration of their own.
DEFAULT_CARDS = [
    ("djur", "activities", 10, "animals", "Djur", "Animals"),
    ("laga-mat", "activities", 20, "cooking", "Laga mat", "Cooking"),
    ("kafe", "activities", 30, "cafe", "Kafé", "Café"),
    ("stada", "activities", 40, "cleaning", "Städa", "Cleaning"),
    ("tradgard", "activities", 50, "garden", "Trädgård", "Garden"),
    ("datorer", "activities", 60, "computers", "Datorer", "Computers"),
    ("musik", "activities", 70, "music", "Musik", "Music"),
    ("bygga", "activities", 80, "building", "Bygga saker", "Building things"),
    ("affar", "activities", 90, "shop", "Affär", "Shop"),
    ("atervinning", "activities", 100, "recycling", "Återvinning", "Recycling"),
    ("tvatt", "activities", 110, "laundry", "Tvätta kläder", "Washing clothes"),
    ("bilar", "activities", 120, "cars", "Bilar", "Cars"),
    ("konst", "activities", 130, "art", "Måla och rita", "Painting and drawing"),
    ("sport", "activities", 140, "sport", "Sport", "Sport"),
    ("natur", "activities", 150, "nature", "Natur", "Nature"),
    ("kontor", "activities", 160, "office_work", "Kontor", "Office work"),
    ("lager", "activities", 170, "warehouse", "Lager", "Warehouse"),
    ("ta-hand-om", "activities", 180, "caring", "Ta hand om människor", "Caring for people"),
    ("barn", "activities", 190, "children", "Barn", "Children"),
    ("inne", "places", 10, "indoors", "Vara inne", "Being indoors"),
    ("ute", "places", 20, "outdoors", "Vara ute", "Being outdoors"),
    ("lugnt", "places", 30, "quiet", "Lugnt och tyst", "Quiet places"),
    ("manga", "places", 40, "many_people", "Många människor", "Many people"),
    ("fa", "places", 50, "few_people", "Få människor", "Few people"),
    ("ensam", "ways", 10, "alone", "Jobba ensam", "Working alone"),
    ("med-andra", "ways", 20, "with_others", "Jobba med andra", "Working with others"),
    ("samma", "ways", 30, "same_every_day", "Samma sak varje dag", "The same every day"),
    ("nya-saker", "ways", 40, "new_things", "Nya saker", "New things"),
    ("korta-dagar", "ways", 50, "short_days", "Korta dagar", "Short days"),
    ("langa-dagar", "ways", 60, "long_days", "Långa dagar", "Long days"),
]


def upgrade() -> None:
    wish_card = op.create_table(
        "wish_card",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
        sa.Column("group", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("pictogram", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("hidden", sa.Boolean(), nullable=False),
        sa.Column("words", sa.JSON(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["created_by_id"], ["staff_user.id"]),
        sa.ForeignKeyConstraint(["updated_by_id"], ["staff_user.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key"),
    )
    op.create_table(
        "wish",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("card_id", sa.Integer(), nullable=False),
        sa.Column("pile", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("helper_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["card_id"], ["wish_card.id"]),
        sa.ForeignKeyConstraint(["helper_id"], ["staff_user.id"]),
        sa.ForeignKeyConstraint(["participant_id"], ["participant.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("wish", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_wish_card_id"), ["card_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_wish_participant_id"), ["participant_id"], unique=False
        )

    op.create_table(
        "wish_note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("helper_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["helper_id"], ["staff_user.id"]),
        sa.ForeignKeyConstraint(["participant_id"], ["participant.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("wish_note", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_wish_note_participant_id"), ["participant_id"], unique=False
        )

    now = datetime.now(UTC)
    op.bulk_insert(
        wish_card,
        [
            {
                "key": key,
                "group": group,
                "position": position,
                "pictogram": pictogram,
                "hidden": False,
                "words": {"sv": sv, "en": en},
                "created_at": now,
            }
            for key, group, position, pictogram, sv, en in DEFAULT_CARDS
        ],
    )


def downgrade() -> None:
    with op.batch_alter_table("wish_note", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_wish_note_participant_id"))
    op.drop_table("wish_note")
    with op.batch_alter_table("wish", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_wish_participant_id"))
        batch_op.drop_index(batch_op.f("ix_wish_card_id"))
    op.drop_table("wish")
    op.drop_table("wish_card")
