"""The state the tabs share: one object, observed, never copied.

The Builder edits ``design``; Training puts its result in ``model``; the
Visualize and Pretrained tabs read ``model``; Training and Augmentation share
``dataset_name`` and ``augment``. A tab subscribes and reacts to the field
names it cares about. The ui wraps this in a Qt signal (``ui/session_bridge``)
so observers on the GUI thread are called on the GUI thread; this module knows
nothing about threads or Qt, so core and ml code and tests can use it as is.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Observer = Callable[[str], None]

FIELDS = ("design", "design_path", "model", "model_name", "dataset_name", "augment", "training_config", "training",
          "probe_image")


@dataclass
class ModelInfo:
    """What the status bar and other tabs need to know about the current model."""

    name: str
    source: str  # "built", "trained", "file", "pretrained"
    path: str | None = None
    dataset: str | None = None  # what it was trained on (a dataset name or an image folder), when known


@dataclass
class ProbeImage:
    """An image handed from one tab to another, with what is known about it."""

    image: Any  # uint8 (H, W, C) raw pixels
    label: str = ""  # true class name, if known
    note: str = ""  # e.g. "test #312: predicted 7 (0.91)"


class Session:
    """Current design, model, dataset and settings, with change notification.

    Assigning a field notifies observers with the field's name, e.g.
    ``session.model = m`` calls every observer with ``"model"``. Values are not
    copied: the model is one shared object.
    """

    _observers: list[Observer]

    def __init__(self) -> None:
        object.__setattr__(self, "_observers", [])
        self.design: Any = None  # core.spec.ModelSpec or None
        self.design_path: str | None = None  # file the design was opened from / saved to
        self.model: Any = None  # keras.Model (trained, loaded or composed) or None
        self.model_name: ModelInfo | None = None
        self.dataset_name: str = "mnist-sample"
        self.augment: Any = None  # core.configs.AugmentConfig or None (off)
        # The Training tab's current settings (core.configs.TrainingConfig; augment set only when its
        # "Augment training images" box is on), or None before it publishes them: Export code reads them.
        self.training_config: Any = None
        # Who is training right now ("training", "pretrained", "lessons"...) or None: one owner, so a
        # tab that finishes cannot clear another tab's run. Set it with claim_training/release_training.
        self.training: str | None = None
        # An image chosen elsewhere (e.g. a misclassified digit in the Training tab's
        # confusion matrix) for the Visualize tab: core.session.ProbeImage or None.
        self.probe_image: Any = None

    def __setattr__(self, name: str, value: Any) -> None:
        if name not in FIELDS:
            raise AttributeError(f"Session has no field {name!r}")
        object.__setattr__(self, name, value)
        for observer in list(self._observers):
            observer(name)

    def subscribe(self, observer: Observer) -> Callable[[], None]:
        """Call ``observer(field)`` after every change; returns an unsubscribe function."""
        self._observers.append(observer)

        def unsubscribe() -> None:
            if observer in self._observers:
                self._observers.remove(observer)

        return unsubscribe

    def claim_training(self, owner: str) -> bool:
        """Mark ``owner`` as the one training; False (and nothing changes) if someone else already is."""
        if self.training not in (None, owner):
            return False
        if self.training != owner:
            self.training = owner
        return True

    def release_training(self, owner: str) -> None:
        """End ``owner``'s claim; a release by anyone else leaves the current owner's claim alone."""
        if self.training == owner:
            self.training = None

    def set_model(self, model: Any, name: str, source: str, path: str | None = None,
                  dataset: str | None = None) -> None:
        """Replace the current model and its description in one step (one notification each).

        ``dataset``: what the model was trained on (the status bar shows it), when known.
        """
        object.__setattr__(self, "model_name", ModelInfo(name, source, path, dataset))
        self.model = model
