"""Lessons: each idea of the tutorial as a demonstration with a measured claim.

``LESSONS`` lists them in the tutorial's order. A lesson is a :class:`~.base.Lesson`
(name, title, explanation, claim, "try it yourself" suggestions, the tab that
shows its result) whose ``run(seed, progress, cancel, out_dir)`` returns a
:class:`~.base.LessonResult`. The Lessons tab and ``cnnexplorer lesson NAME``
call the same ``run``. Importing this package does not import TensorFlow.
"""

from __future__ import annotations

from cnnexplorer.core.errors import UserError
from cnnexplorer.core.i18n import translate
from cnnexplorer.ml.lessons.base import Context, Lesson, LessonResult, run_line
from cnnexplorer.ml.lessons.digits import LAYERS_SEE, OVERFITTING, POOLING, SEPARABLE, WHY_CONVOLUTION
from cnnexplorer.ml.lessons.pretrained import FEATURES, FILTERS, FINE_TUNING, WHERE_LOOKS
from cnnexplorer.ml.lessons.sequences import CONV1D
from cnnexplorer.ml.lessons.sizes import KERNELS_LESSON

LESSONS: list[Lesson] = [
    WHY_CONVOLUTION,
    KERNELS_LESSON,
    POOLING,
    OVERFITTING,
    FEATURES,
    FINE_TUNING,
    LAYERS_SEE,
    FILTERS,
    WHERE_LOOKS,
    CONV1D,
    SEPARABLE,
]

__all__ = ["LESSONS", "Context", "Lesson", "LessonResult", "get_lesson", "run_line"]


def get_lesson(name: str) -> Lesson:
    """A lesson by its NAME; an unknown name raises UserError listing the names."""
    for lesson in LESSONS:
        if lesson.name == name:
            return lesson
    raise UserError(
        translate("lessons", "There is no lesson called {name}. Lessons: {names}.").format(
            name=repr(name), names=", ".join(lesson.name for lesson in LESSONS)
        )
    )
