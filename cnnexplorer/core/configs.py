"""Settings of a training run, as a plain dataclass with JSON round-trip and validation.

The Training tab, ``cnnexplorer train`` and ``ml/train.py`` share one
:class:`TrainingConfig`, so a run started from the window and one started from a
script mean the same thing. The optimizer and learning rate are not here: they
belong to the design (``core/spec.py``'s ``CompileSpec``).
"""
from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import Any

from cnnexplorer.core.augment_config import AugmentConfig
from cnnexplorer.core.bounded import clip, clip_repr, load_json
from cnnexplorer.core.errors import UserError
from cnnexplorer.core.i18n import translate

FORMAT = "cnnexplorer-training"
VERSION = 1

MAX_EPOCHS = 1000
MAX_BATCH = 8192


@dataclass
class TrainingConfig:
    """How to train.

    ``validation_split``: fraction of the training set held out for validation;
    0 means "use the dataset's own validation set if it has one, otherwise
    none". ``early_stopping_patience``: stop after this many epochs without a
    better validation loss (0 = off). ``augment``: an ``AugmentConfig`` (from
    the Augmentation tab) applied to training batches only, or None.
    """

    epochs: int = 5
    batch_size: int = 64
    validation_split: float = 0.0
    seed: int = 0
    shuffle: bool = True
    early_stopping_patience: int = 0
    augment: Any = None

    def validate(self) -> None:
        """Raise UserError naming the bad setting and the allowed range."""
        if isinstance(self.epochs, bool) or not isinstance(self.epochs, int) or not 1 <= self.epochs <= MAX_EPOCHS:
            raise UserError(translate("configs", "Epochs must be a whole number from 1 to {maximum} (got {value}).")
                            .format(maximum=MAX_EPOCHS, value=clip_repr(self.epochs)))
        if (isinstance(self.batch_size, bool) or not isinstance(self.batch_size, int)
                or not 1 <= self.batch_size <= MAX_BATCH):
            raise UserError(translate("configs", "Batch size must be a whole number from 1 to {maximum} (got "
                                                 "{value}).").format(maximum=MAX_BATCH,
                                                                     value=clip_repr(self.batch_size)))
        try:
            split = float(self.validation_split)
        except (TypeError, ValueError, OverflowError):
            split = -1.0
        if not 0.0 <= split < 0.9 or split != split:
            raise UserError(
                translate("configs", "The validation split must be a fraction from 0 to 0.9, e.g. 0.2 for 20 % (got "
                                     "{value}).").format(value=clip_repr(self.validation_split))
            )
        if isinstance(self.seed, bool) or not isinstance(self.seed, int) or not 0 <= self.seed < 2**31:
            raise UserError(translate("configs", "The seed must be a whole number from 0 to {maximum} (got {value}).")
                            .format(maximum=2**31 - 1, value=clip_repr(self.seed)))
        if (isinstance(self.early_stopping_patience, bool) or not isinstance(self.early_stopping_patience, int)
                or self.early_stopping_patience < 0):
            raise UserError(
                translate("configs", "Early-stopping patience must be a whole number of epochs, 0 to switch it off "
                                     "(got {value}).").format(value=clip_repr(self.early_stopping_patience))
            )
        if self.early_stopping_patience > MAX_EPOCHS:
            raise UserError(translate("configs", "Early-stopping patience must be at most {maximum} epochs (got "
                                                 "{value}).").format(maximum=MAX_EPOCHS,
                                                                     value=clip_repr(self.early_stopping_patience)))
        if not isinstance(self.shuffle, bool):
            raise UserError(translate("configs", "shuffle must be true or false (got {value}).").format(
                value=clip_repr(self.shuffle)))

    # -- JSON -----------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "epochs": self.epochs,
            "batch_size": self.batch_size,
            "validation_split": float(self.validation_split),
            "seed": self.seed,
            "shuffle": bool(self.shuffle),
            "early_stopping_patience": self.early_stopping_patience,
            "augment": _augment_to_dict(self.augment),
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2)

    @classmethod
    def from_dict(cls, data: Any) -> TrainingConfig:
        if not isinstance(data, dict):
            raise UserError(translate("configs", "The training settings are not a JSON object; the file may be "
                                                 "damaged."))
        if data.get("format", FORMAT) != FORMAT:
            raise UserError(translate("configs", "This file does not hold CNN Explorer training settings (its "
                                                 "'format' field differs)."))
        version = data.get("version", VERSION)
        if isinstance(version, int) and version > VERSION:
            raise UserError(
                translate("configs", "These training settings were saved by a newer CNN Explorer (version "
                                     "{version}); update the app.").format(version=version)
            )
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = set(data) - known - {"format", "version"}
        if unknown:
            raise UserError(
                translate("configs", "Unknown training setting(s): {unknown}. Known: {known}.").format(
                    unknown=clip(", ".join(sorted(map(str, unknown)))), known=", ".join(sorted(known)))
            )
        values = {k: v for k, v in data.items() if k in known}
        if "augment" in values:
            values["augment"] = _augment_from_dict(values["augment"])
        config = cls(**values)
        config.validate()  # before any conversion: 10**400 is refused here, not an OverflowError below
        if isinstance(config.validation_split, int) and not isinstance(config.validation_split, bool):
            config.validation_split = float(config.validation_split)
        return config

    @classmethod
    def from_json(cls, text: str | bytes) -> TrainingConfig:
        """Training settings from JSON text, read within ``core.bounded``'s limits."""
        return cls.from_dict(load_json(text, translate("configs", "the training settings"), error=UserError))


def _augment_to_dict(augment: AugmentConfig | None) -> dict[str, Any] | None:
    return None if augment is None else augment.to_dict()


def _augment_from_dict(data: Any) -> AugmentConfig | None:
    if data is None:
        return None
    return AugmentConfig.from_dict(data)


def describe_augment(augment: AugmentConfig | None) -> str:
    """A short human list of the augmentation settings that are on, e.g. "rotation ±10°", or "off"."""
    if augment is None:
        return translate("configs", "off")
    return augment.describe()
