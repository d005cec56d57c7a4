"""The names of the classes a model was trained on, kept with the model object.

Training and loading attach them (:func:`attach_class_names`); Visualize, the
confusion matrix, ``predict`` and the lessons read them (:func:`class_names`).
Saving a model writes them into the file in a form plain Keras ignores
(``ml/model_files.py``), and loading attaches them again.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

_ATTRIBUTE = "_cnnexplorer_class_names"


def attach_class_names(model: Any, names: Sequence[str] | None) -> None:
    """Remember ``names`` (index = class number) on ``model``; None forgets them."""
    object.__setattr__(model, _ATTRIBUTE, None if names is None else [str(n) for n in names])


def class_names(model: Any) -> list[str] | None:
    """The class names attached to ``model``, or None when unknown."""
    names = getattr(model, _ATTRIBUTE, None)
    return list(names) if names else None


def class_label(model: Any, index: int) -> str:
    """A class's name when known, else its number as text."""
    names = class_names(model)
    if names is not None and 0 <= index < len(names):
        return names[index]
    return str(index)
