"""Statistics: indexes for the quarterly totals (meetings held, answers, interests, starts).

Revision ID: 0009
Revises: 0008
"""

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_follow_up_held_at", "follow_up", ["held_at"])
    op.create_index(
        "ix_check_in_answer_check_in_question", "check_in_answer", ["check_in_id", "question_key"]
    )
    op.create_index("ix_alternative_interest_created_at", "alternative_interest", ["created_at"])
    op.create_index("ix_participant_created_at", "participant", ["created_at"])


def downgrade():
    op.drop_index("ix_participant_created_at", table_name="participant")
    op.drop_index("ix_alternative_interest_created_at", table_name="alternative_interest")
    op.drop_index("ix_check_in_answer_check_in_question", table_name="check_in_answer")
    op.drop_index("ix_follow_up_held_at", table_name="follow_up")
