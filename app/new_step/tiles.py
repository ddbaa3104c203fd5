"""What the participant's new step is called and its picture: "Mitt jobb" or "Mina studier"."""

from ..i18n import lazy_gettext as _l
from ..options import Option, by_key
from .models import NewStep, StepKind

KINDS = by_key(
    [
        Option(StepKind.work, _l("Mitt jobb"), "job"),
        Option(StepKind.internship, _l("Min praktik"), "internship"),
        Option(StepKind.measure, _l("Mitt jobb"), "work"),
        Option(StepKind.studies, _l("Mina studier"), "studies"),
    ]
)


def kind_of(step: NewStep) -> Option:
    """The step's kind as the participant sees it: its title and picture."""
    return KINDS[step.kind]
