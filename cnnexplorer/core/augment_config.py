"""Data-augmentation settings in the tutorial's words, and the Keras 3 layers they mean.

The tutorial configures Keras 2's ``ImageDataGenerator(rotation_range=40,
width_shift_range=0.2, ...)``. Keras 3 has no ImageDataGenerator: the same
effects come from preprocessing layers (``RandomRotation``,
``RandomTranslation``, ``RandomShear``, ``RandomZoom``, ``RandomFlip``,
``RandomBrightness``, ``RandomContrast``, ``RandomSaturation``). An
:class:`AugmentConfig` keeps the tutorial's argument names and units, so a
reader of the tutorial recognises them, and :func:`layer_plan` is the ONE place
that turns those units into the layers' arguments. ``ml/augment.py`` builds the
layers from the plan and :meth:`AugmentConfig.to_keras_code` prints the same
plan as Python, so what is exported is exactly what is trained with.

Every layer works on RAW pixel values 0-255 (float32): models scale inside the
graph (app-wide convention), hence ``value_range=(0, 255)`` on the colour layers.

This module is plain Python: no Qt, no TensorFlow.
"""
from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from cnnexplorer.core.bounded import clip_repr, load_json, read_json_file
from cnnexplorer.core.errors import UserError
from cnnexplorer.core.files import short_path, write_text
from cnnexplorer.core.i18n import QT_TRANSLATE_NOOP, translate

FILL_MODES = ("nearest", "reflect", "wrap", "constant")

# field -> (low, high, unit shown in messages; English here, translated where shown with _unit())
RANGES: dict[str, tuple[float, float, str]] = {
    "rotation_range": (0.0, 180.0, QT_TRANSLATE_NOOP("augment_config", "degrees")),
    "width_shift_range": (0.0, 1.0, QT_TRANSLATE_NOOP("augment_config", "fraction of the width")),
    "height_shift_range": (0.0, 1.0, QT_TRANSLATE_NOOP("augment_config", "fraction of the height")),
    "shear_range": (0.0, 1.0, QT_TRANSLATE_NOOP("augment_config", "shear factor (sideways shift per unit of height)")),
    "zoom_range": (0.0, 0.9, QT_TRANSLATE_NOOP("augment_config", "fraction")),
    "cval": (0.0, 255.0, QT_TRANSLATE_NOOP("augment_config", "pixel value")),
    "brightness_range": (0.0, 1.0, QT_TRANSLATE_NOOP("augment_config", "fraction of 255")),
    "contrast_range": (0.0, 1.0, QT_TRANSLATE_NOOP("augment_config", "fraction")),
    "saturation_range": (0.0, 1.0, QT_TRANSLATE_NOOP("augment_config", "fraction")),
}
FLAGS = ("horizontal_flip", "vertical_flip")

# The arguments ImageDataGenerator had with these names and meanings.
TUTORIAL_KEYS = ("rotation_range", "width_shift_range", "height_shift_range", "shear_range", "zoom_range",
                 "horizontal_flip", "vertical_flip", "fill_mode", "cval")

# Transforms that only change colour: meaningless on 1-channel (grayscale) input.
COLOUR_ONLY = ("saturation_range",)


@dataclass
class AugmentConfig:
    """Random transformations applied to training images, in the tutorial's units.

    Zero / False means "off" for every field; a missing key in JSON means off
    too. ``fill_mode`` and ``cval`` say how pixels uncovered by a rotation,
    shift, shear or zoom-out are filled (``cval`` is the value for "constant").
    """

    rotation_range: float = 0.0  # degrees: rotate by a random angle in [-r, +r]
    width_shift_range: float = 0.0  # fraction of the width: shift left/right by up to this
    height_shift_range: float = 0.0  # fraction of the height
    shear_range: float = 0.0  # shear factor s: a row at height y slides sideways by up to s*y
    zoom_range: float = 0.0  # fraction: scale by a random factor in [1-z, 1+z]
    horizontal_flip: bool = False  # mirror left-right with probability 1/2
    vertical_flip: bool = False  # mirror top-bottom with probability 1/2
    fill_mode: str = "nearest"
    cval: float = 0.0
    brightness_range: float = 0.0  # add a random offset in [-b*255, +b*255]
    contrast_range: float = 0.0  # scale contrast by a random factor in [1-c, 1+c]
    saturation_range: float = 0.0  # colour only; see layer_plan

    # -- validation -----------------------------------------------------------
    def validate(self) -> AugmentConfig:
        """Raise UserError naming the first bad field and its allowed range; return self."""
        for name, (low, high, unit) in RANGES.items():
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not _finite(value):
                raise UserError(translate("augment_config", "{name} must be a number from {low} to {high} ({unit}); "
                                                            "got {value}.")
                                .format(name=name, low=_num(low), high=_num(high), unit=_unit(unit),
                                        value=clip_repr(value)))
            if not low <= value <= high:
                raise UserError(translate("augment_config", "{name} must be from {low} to {high} ({unit}); "
                                                            "got {value}.")
                                .format(name=name, low=_num(low), high=_num(high), unit=_unit(unit),
                                        value=_num(value)))
        for name in FLAGS:
            if not isinstance(getattr(self, name), bool):
                raise UserError(translate("augment_config", "{name} must be true or false; got {value}.")
                                .format(name=name, value=clip_repr(getattr(self, name))))
        if self.fill_mode not in FILL_MODES:
            raise UserError(_fill_mode_error(self.fill_mode))
        return self

    # -- queries ----------------------------------------------------------------
    def is_off(self) -> bool:
        """True when no transformation would change an image."""
        return not layer_plan(self)

    def geometric(self) -> bool:
        """True when some transformation moves pixels (so fill_mode matters)."""
        return any(step.fills for step in layer_plan(self))

    def describe(self) -> str:
        """Short human summary of what is on, e.g. "rotation ±40°, shift 20% × 20%, horizontal flip"."""
        parts = [step.label for step in layer_plan(self)]
        if not parts:
            return translate("augment_config", "off")
        if self.geometric():
            if self.fill_mode == "constant":
                parts.append(translate("augment_config", "fill {mode} {value}").format(mode=self.fill_mode,
                                                                                      value=_num(self.cval)))
            else:
                parts.append(translate("augment_config", "fill {mode}").format(mode=self.fill_mode))
        # The separator between the parts of the summary (a Chinese list uses "，").
        return translate("augment_config", ", ").join(parts)

    def fit_problems(self, input_shape: tuple) -> list[str]:
        """Reasons this config cannot be applied to inputs of ``input_shape`` (H, W, C); empty if it fits."""
        shape = tuple(d for d in input_shape if d is not None) if input_shape is not None else ()
        if len(shape) != 3:
            return [
                translate("augment_config", "Augmentation transforms images, but this input has shape {shape}, "
                                            "which is not an image (height, width, channels). Turn augmentation "
                                            "off for this dataset.").format(shape=tuple(input_shape))
            ]
        problems = []
        if shape[-1] == 1:
            for name in COLOUR_ONLY:
                if getattr(self, name):
                    problems.append(
                        translate("augment_config", "{name} changes colours, but the input is grayscale (1 channel), "
                                                    "so it cannot be applied. Set {name} to 0 (or use the "
                                                    "\"digits (no flips)\" preset).").format(name=name)
                    )
        return problems

    def fit_warnings(self, dataset_name: str | None) -> list[str]:
        """Advice (not errors): transformations that make no sense for a dataset, e.g. flipped digits."""
        name = (dataset_name or "").lower()
        warnings = []
        if "mnist" in name and "fashion" not in name:
            if self.horizontal_flip or self.vertical_flip:
                warnings.append(translate(
                    "augment_config", "Flipping a digit turns it into a mirror image that is no digit (a flipped 2 "
                                      "is not a 2): turn the flips off for digits."))
            if self.rotation_range > 30:
                warnings.append(translate(
                    "augment_config", "Rotating digits by more than about 30° can make a 6 look like a 9: use a "
                                      "smaller rotation_range."))
        return warnings

    # -- JSON ---------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Any) -> AugmentConfig:
        """Build from a dict with the tutorial's keys; missing keys mean "off"; validated."""
        if not isinstance(data, dict):
            raise UserError(translate("augment_config", "Augmentation settings must be a JSON object such as "
                                                        "{example}.").format(example='{"rotation_range": 40}'))
        known = {f.name for f in fields(cls)}
        unknown = sorted(k for k in data if k not in known)
        if unknown:
            raise UserError(
                translate("augment_config", "Unknown augmentation setting {name}. Known settings: {known}.")
                .format(name=clip_repr(unknown[0]), known=", ".join(sorted(known)))
            )
        values = dict(data)
        for name in RANGES:
            if isinstance(values.get(name), (list, tuple)):
                low, high, unit = RANGES[name]
                raise UserError(
                    translate("augment_config", "{name} must be one number from {low} to {high} ({unit}), not a "
                                                "list; got {value}.")
                    .format(name=name, low=_num(low), high=_num(high), unit=_unit(unit), value=clip_repr(values[name]))
                )
        if "fill_mode" in values and not isinstance(values["fill_mode"], str):
            raise UserError(_fill_mode_error(values["fill_mode"]))
        return cls(**values).validate()

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2)

    @classmethod
    def from_json(cls, text: str | bytes) -> AugmentConfig:
        """Settings from JSON text, read within ``core.bounded``'s limits (size, depth, number lengths)."""
        return cls.from_dict(load_json(text, translate("augment_config", "the augmentation settings"),
                                       error=UserError))

    def copy(self, **changes: Any) -> AugmentConfig:
        return replace(self, **changes)

    # -- export -------------------------------------------------------------------
    def to_keras_code(self, name: str = "augment") -> str:
        """The equivalent Keras 3 Python snippet (``name = keras.Sequential([...])``), with usage notes."""
        steps = layer_plan(self)
        lines = [
            "# Data augmentation: Keras 3 preprocessing layers equivalent to",
            f"# ImageDataGenerator({self._generator_args()})"
            + (" plus colour changes" if any(s.key in ("brightness", "contrast", "saturation") for s in steps) else ""),
            "# Works on raw pixel values 0-255; apply it to TRAINING batches only, e.g.",
            f"#   train_ds = train_ds.map(lambda x, y: ({name}(x, training=True), y))",
        ]
        if not steps:
            lines.append(f"{name} = keras.Sequential([keras.layers.Identity()], name=\"augmentation\")"
                         "  # augmentation is off")
            return "\n".join(lines) + "\n"
        lines.append(f"{name} = keras.Sequential([")
        for step in steps:
            args = ", ".join(f"{k}={_py(v)}" for k, v in step.kwargs.items())
            lines.append(f"    keras.layers.{step.layer}({args}),  # {step.comment}")
        lines.append("], name=\"augmentation\")")
        return "\n".join(lines) + "\n"

    def _generator_args(self) -> str:
        parts = []
        for f in fields(self):
            if f.name not in TUTORIAL_KEYS:
                continue  # brightness/contrast/saturation: no ImageDataGenerator argument of that meaning
            value = getattr(self, f.name)
            default = f.default
            if value != default or (f.name == "fill_mode" and self.geometric()):
                parts.append(f"{f.name}={_py(value)}")
        return ", ".join(parts)


@dataclass(frozen=True)
class LayerStep:
    """One Keras preprocessing layer: class name in ``keras.layers``, its arguments, and why."""

    key: str  # short id: "rotation", "shift", "shear", "zoom", "flip", "brightness", "contrast", "saturation"
    layer: str
    kwargs: dict
    comment: str  # the unit conversion, shown in exported code
    label: str  # human summary for the ui
    fills: bool = False  # moves pixels, so uncovered areas are filled by fill_mode


def layer_plan(config: AugmentConfig) -> list[LayerStep]:
    """The preprocessing layers ``config`` means, in order, with every unit conversion spelled out.

    Transformations that are off are left out, so an all-off config has an
    empty plan (and the augmenter returns its input unchanged).
    """
    c = config
    fill: dict[str, Any] = {"fill_mode": c.fill_mode}
    if c.fill_mode == "constant":
        fill["fill_value"] = float(c.cval)
    steps: list[LayerStep] = []
    if c.rotation_range:
        # ImageDataGenerator's rotation_range is in DEGREES; RandomRotation's factor is a
        # fraction of a full turn (2*pi): factor = degrees / 360, sampled in [-factor, +factor].
        steps.append(LayerStep(
            "rotation", "RandomRotation", {"factor": round(c.rotation_range / 360.0, 6), **fill},
            f"rotation_range={_num(c.rotation_range)} degrees -> factor {_num(c.rotation_range)}/360 of a full turn",
            translate("augment_config", "rotation ±{degrees}°").format(degrees=_num(c.rotation_range)), fills=True))
    if c.width_shift_range or c.height_shift_range:
        # Both use fractions of the image size: factor f shifts by up to f*size pixels either way.
        steps.append(LayerStep(
            "shift", "RandomTranslation",
            {"height_factor": float(c.height_shift_range), "width_factor": float(c.width_shift_range), **fill},
            f"width_shift_range={_num(c.width_shift_range)}, height_shift_range={_num(c.height_shift_range)} "
            "(same unit: fraction of the image size)",
            translate("augment_config", "shift {width} × {height}").format(width=_pct(c.width_shift_range),
                                                                          height=_pct(c.height_shift_range)),
            fills=True))
    if c.shear_range:
        # ImageDataGenerator's shear_range was an angle (radians in Keras 1, degrees in Keras 2,
        # where the tutorial's 0.2 degrees would be invisible). RandomShear's x_factor is a
        # shear FACTOR s = tan(angle): the pixel row at height y slides sideways by up to s*y
        # (Keras 3.15 shears about the top-left corner, so the whole image also slides by up to
        # s*H/2 at its centre). We shear along x only, as ImageDataGenerator did; the sign is random.
        angle = math.degrees(math.atan(c.shear_range))
        steps.append(LayerStep(
            "shear", "RandomShear", {"x_factor": float(c.shear_range), "y_factor": 0.0, **fill},
            f"shear_range={_num(c.shear_range)} = shear factor tan(angle), up to {angle:.0f} degrees",
            translate("augment_config", "shear {factor} (≈{angle:.0f}°)").format(factor=_num(c.shear_range),
                                                                                angle=angle),
            fills=True))
    if c.zoom_range:
        # ImageDataGenerator scaled by a random factor in [1-z, 1+z]. RandomZoom's height_factor
        # is the same fraction with the sign flipped (negative = zoom in); width_factor=None keeps
        # the aspect ratio (ImageDataGenerator zoomed each axis independently and distorted it).
        steps.append(LayerStep(
            "zoom", "RandomZoom", {"height_factor": (-float(c.zoom_range), float(c.zoom_range)), **fill},
            f"zoom_range={_num(c.zoom_range)} -> zoom in or out by up to {_pct(c.zoom_range)}, aspect kept",
            translate("augment_config", "zoom ±{percent}").format(percent=_pct(c.zoom_range)), fills=True))
    if c.horizontal_flip or c.vertical_flip:
        mode = "horizontal_and_vertical" if c.horizontal_flip and c.vertical_flip else (
            "horizontal" if c.horizontal_flip else "vertical")
        steps.append(LayerStep(
            "flip", "RandomFlip", {"mode": mode},
            "each flip happens with probability 1/2",
            {"horizontal": translate("augment_config", "horizontal flip"),
             "vertical": translate("augment_config", "vertical flip"),
             "horizontal_and_vertical": translate("augment_config", "horizontal and vertical flips")}[mode]))
    if c.brightness_range:
        # RandomBrightness adds factor*(high-low) with factor in [-b, b]; value_range=(0, 255)
        # because our images are raw pixels, so b=0.2 means up to ±51 grey levels.
        steps.append(LayerStep(
            "brightness", "RandomBrightness", {"factor": float(c.brightness_range), "value_range": (0, 255)},
            f"brightness_range={_num(c.brightness_range)} -> add up to ±{_num(c.brightness_range * 255)} of 255",
            translate("augment_config", "brightness ±{percent}").format(percent=_pct(c.brightness_range))))
    if c.contrast_range:
        # RandomContrast multiplies the distance from the mean by a factor in [1-c, 1+c].
        steps.append(LayerStep(
            "contrast", "RandomContrast", {"factor": float(c.contrast_range), "value_range": (0, 255)},
            f"contrast_range={_num(c.contrast_range)} -> contrast times a factor in [1-c, 1+c]",
            translate("augment_config", "contrast ±{percent}").format(percent=_pct(c.contrast_range))))
    if c.saturation_range:
        # RandomSaturation's factor is odd: 0.5 leaves the image unchanged, 0 is fully grey,
        # 1 fully saturated. A range s is centred on 0.5: factor in [0.5 - s/2, 0.5 + s/2].
        half = float(c.saturation_range) / 2.0
        steps.append(LayerStep(
            "saturation", "RandomSaturation",
            {"factor": (round(0.5 - half, 6), round(0.5 + half, 6)), "value_range": (0, 255)},
            f"saturation_range={_num(c.saturation_range)} -> factor around 0.5 (0.5 = unchanged)",
            translate("augment_config", "saturation ±{percent}").format(percent=_pct(c.saturation_range))))
    return steps


PRESETS: dict[str, AugmentConfig] = {
    "none": AugmentConfig(),
    # The tutorial's ImageDataGenerator for cats vs dogs.
    "tutorial (cats vs dogs)": AugmentConfig(
        rotation_range=40, width_shift_range=0.2, height_shift_range=0.2, shear_range=0.2, zoom_range=0.2,
        horizontal_flip=True, fill_mode="nearest"),
    # Digits: small moves only; a flipped or upside-down digit is a different (or no) digit,
    # and the background is black, so uncovered pixels are filled with black.
    "digits (no flips)": AugmentConfig(
        rotation_range=10, width_shift_range=0.1, height_shift_range=0.1, shear_range=0.1, zoom_range=0.1,
        fill_mode="constant", cval=0.0),
}


def preset(name: str) -> AugmentConfig:
    """A copy of a named preset; UserError listing the names if unknown."""
    if name not in PRESETS:
        raise UserError(translate("augment_config", "There is no augmentation preset {name}. Presets: {presets}.")
                        .format(name=clip_repr(name), presets=", ".join(PRESETS)))
    return replace(PRESETS[name])


def load_augment_config(path: str | Path) -> AugmentConfig:
    """Settings from a JSON file; refused before parsing if larger than ``core.bounded.MAX_JSON_BYTES``."""
    path = Path(path)
    data = read_json_file(path, translate("augment_config", "the augmentation settings file"), error=UserError)
    try:
        return AugmentConfig.from_dict(data)
    except UserError as exc:
        raise UserError(translate("augment_config", "{file}: {error}").format(file=short_path(path.name),
                                                                              error=exc)) from None


def save_augment_config(config: AugmentConfig, path: str | Path) -> None:
    """Write augmentation settings atomically (``core.files``); a failure keeps the previous file."""
    write_text(path, config.to_json() + "\n")


def _finite(value: int | float) -> bool:
    """math.isfinite that also answers for integers too large for a float (instead of raising)."""
    try:
        return math.isfinite(value)
    except OverflowError:
        return False


def _unit(unit: str) -> str:
    """A unit from RANGES in the interface language."""
    return translate("augment_config", unit)


def _fill_mode_error(value: Any) -> UserError:
    return UserError(translate("augment_config", "fill_mode must be one of {modes}; got {value}.")
                     .format(modes=", ".join(FILL_MODES), value=clip_repr(value)))


def _num(value: float) -> str:
    """1.0 -> "1", 0.25 -> "0.25" (no float noise in messages)."""
    return f"{float(value):.4g}"


def _pct(value: float) -> str:
    return f"{float(value) * 100:.0f}%"


def _py(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.6g}" if value != int(value) else str(int(value))
    if isinstance(value, tuple):
        return "(" + ", ".join(_py(v) for v in value) + ")"
    return repr(value)
