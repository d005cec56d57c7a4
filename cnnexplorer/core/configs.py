"""Settings of a training run, as a plain dataclass with JSON round-trip and validation.

The Training tab, ``cnnexplorer train`` and ``ml/train.py`` share one
:class:`TrainingConfig`, so a run started from the window and one started from a
script mean the same thing. The optimizer and learning rate are not here: they
belong to the design (``core/spec.py``'s ``CompileSpec``).
"""
from __future__ import annotations

import dataclasses
import importlib
import json
from dataclasses import dataclass
from typing import Any

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


# The augmentation settings class is written by the Augmentation feature; it is
# looked up lazily so this module does not depend on where it lands.
_AUGMENT_HOMES = ("cnnexplorer.core.augment_config", "cnnexplorer.core.augment", "cnnexplorer.core.configs")


def _augment_class():
    for module_name in _AUGMENT_HOMES:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        cls = getattr(module, "AugmentConfig", None)
        if cls is not None:
            return cls
    return None


def _augment_to_dict(augment: Any) -> Any:
    if augment is None:
        return None
    if hasattr(augment, "to_dict"):
        return augment.to_dict()
    if dataclasses.is_dataclass(augment) and not isinstance(augment, type):
        return dataclasses.asdict(augment)
    if isinstance(augment, dict):
        return dict(augment)
    raise UserError(translate("configs", "The augmentation settings cannot be saved ({type}).").format(
        type=type(augment).__name__))


def _augment_from_dict(data: Any) -> Any:
    if data is None:
        return None
    cls = _augment_class()
    if cls is None:
        return data  # kept as a dict until the class exists
    if hasattr(cls, "from_dict"):
        return cls.from_dict(data)
    return cls(**data)


def describe_augment(augment: Any) -> str:
    """A short human list of the augmentation settings that are on, e.g. "rotation 10°, zoom 0.1"."""
    if augment is None:
        return translate("configs", "off")
    if hasattr(augment, "describe"):
        try:
            return str(augment.describe())
        except Exception:
            pass
    try:
        values = _augment_to_dict(augment)
    except UserError:
        return type(augment).__name__
    if not isinstance(values, dict):
        return str(values)
    parts = []
    for key, value in values.items():
        if key in ("format", "version", "seed", "fill_mode"):
            continue
        if value in (None, False, 0, 0.0, "", "none"):
            continue
        parts.append(key.replace("_", " ") if value is True else f"{key.replace('_', ' ')} {value}")
    return ", ".join(parts) if parts else translate("configs", "no changes set")
