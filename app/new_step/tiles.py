"""The words of the participant's new step: "Mitt jobb" or "Mina studier"."""

from ..i18n import lazy_gettext as _l
from .models import NewStep, StepKind

TITLES = {
    StepKind.work: _l("Mitt jobb"),
    StepKind.internship: _l("Min praktik"),
    StepKind.measure: _l("Mitt jobb"),
    StepKind.studies: _l("Mina studier"),
}
PICTOGRAMS = {
    StepKind.work: "job",
    StepKind.internship: "internship",
    StepKind.measure: "work",
    StepKind.studies: "studies",
}


def step_words(step: NewStep) -> dict:
    """The title and picture of the participant's step."""
    kind = StepKind(step.kind)
    return {"title": TITLES[kind], "pictogram": PICTOGRAMS[kind]}
