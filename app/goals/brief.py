"""Goals in the case officer's brief: each goal with its steps and the progress since the
last follow-up meeting that was held."""

from dataclasses import dataclass, field
from datetime import datetime

from . import order, plan


@dataclass
class GoalProgress:
    path: plan.GoalPath
    changed: bool = False  # the wording was changed since
    new: bool = False  # the goal was written since
    done_since: list = field(default_factory=list)
    added_since: list = field(default_factory=list)


@dataclass
class GoalsBrief:
    since: datetime | None
    goals: list[GoalProgress]
    loose_steps: list

    @property
    def matches(self) -> bool:
        return not self.loose_steps and all(g.path.steps for g in self.goals)


def goals_for_brief(participant_id: int, since: datetime | None) -> GoalsBrief:
    """The active goals and their steps; what happened since `since` (None: since the start)."""
    current = plan.plan_of(participant_id)
    goals = []
    for path in current.paths:
        progress = GoalProgress(path)
        if since is not None:
            progress.new = path.goal.created_at > since
            progress.changed = not progress.new and any(
                v.created_at > since for v in order.versions(path.goal)
            )
            progress.added_since = [s for s in path.steps if s.created_at > since]
        progress.done_since = [
            s for s in path.steps if s.done_at is not None and (since is None or s.done_at > since)
        ]
        goals.append(progress)
    return GoalsBrief(since, goals, current.loose_steps)
