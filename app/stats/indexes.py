"""Indexes the statistics need, kept beside the queries they serve (migration 0009)."""

from sqlalchemy import Index

from ..alternatives.models import AlternativeInterest
from ..checkins.models import CheckInAnswer
from ..meetings.models import FollowUp
from ..models import Participant

INDEXES = [
    Index("ix_follow_up_held_at", FollowUp.held_at),
    Index(
        "ix_check_in_answer_check_in_question",
        CheckInAnswer.check_in_id,
        CheckInAnswer.question_key,
    ),
    Index("ix_alternative_interest_created_at", AlternativeInterest.created_at),
    Index("ix_participant_created_at", Participant.created_at),
]
