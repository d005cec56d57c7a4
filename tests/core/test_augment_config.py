"""AugmentConfig: the tutorial's names and units, JSON, validation, presets, code export (no TF)."""
from __future__ import annotations

import json

import pytest

from cnnexplorer.core.augment_config import (
    PRESETS,
    AugmentConfig,
    layer_plan,
    load_augment_config,
    preset,
    save_augment_config,
)
from cnnexplorer.core.errors import UserError

TUTORIAL_JSON = {
    "rotation_range": 40, "width_shift_range": 0.2, "height_shift_range": 0.2, "shear_range": 0.2,
    "zoom_range": 0.2, "horizontal_flip": True, "fill_mode": "nearest",
}


def test_the_tutorials_arguments_load_as_written_and_match_the_tutorial_preset():
    config = AugmentConfig.from_dict(TUTORIAL_JSON)
    assert config == preset("tutorial (cats vs dogs)")
    assert not config.vertical_flip and config.brightness_range == 0  # missing keys mean off


def test_json_round_trip_keeps_every_field(tmp_path):
    config = AugmentConfig(rotation_range=12.5, width_shift_range=0.1, vertical_flip=True, fill_mode="constant",
                           cval=30, brightness_range=0.1, contrast_range=0.3, saturation_range=0.4)
    assert AugmentConfig.from_json(config.to_json()) == config
    path = tmp_path / "aug.json"
    save_augment_config(config, path)
    assert load_augment_config(path) == config


def test_empty_json_means_everything_off():
    config = AugmentConfig.from_json("{}")
    assert config.is_off()
    assert config.describe() == "off"
    assert layer_plan(config) == []


@pytest.mark.parametrize("key, value, words", [
    ("rotation_range", 400, ["rotation_range", "0", "180", "degrees"]),
    ("width_shift_range", 1.5, ["width_shift_range", "0", "1"]),
    ("zoom_range", -0.1, ["zoom_range", "0.9"]),
    ("cval", 300, ["cval", "255"]),
    ("brightness_range", "lots", ["brightness_range", "number"]),
    ("shear_range", True, ["shear_range", "number"]),
    ("horizontal_flip", "yes", ["horizontal_flip", "true or false"]),
    ("fill_mode", "mirror", ["fill_mode", "nearest", "reflect", "wrap", "constant"]),
    ("brightness_range", [0.8, 1.2], ["brightness_range", "one number"]),
])
def test_invalid_values_are_refused_naming_the_field_and_the_allowed_range(key, value, words):
    with pytest.raises(UserError) as info:
        AugmentConfig.from_dict({key: value})
    for word in words:
        assert word in str(info.value)


def test_unknown_keys_and_bad_json_are_explained():
    with pytest.raises(UserError, match="rotation.*Known settings"):
        AugmentConfig.from_dict({"rotation": 40})
    with pytest.raises(UserError, match="not valid JSON"):
        AugmentConfig.from_json("{rotation_range: 40")
    with pytest.raises(UserError, match="JSON object"):
        AugmentConfig.from_json("[1, 2]")


def test_loading_a_missing_or_bad_file_names_the_file(tmp_path):
    with pytest.raises(UserError, match="does not exist"):
        load_augment_config(tmp_path / "nope.json")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"zoom_range": 5}))
    with pytest.raises(UserError, match="bad.json: zoom_range"):
        load_augment_config(bad)


def test_unit_conversions_in_the_layer_plan():
    plan = {step.key: step for step in layer_plan(preset("tutorial (cats vs dogs)"))}
    # degrees -> fraction of a full turn
    assert plan["rotation"].layer == "RandomRotation"
    assert plan["rotation"].kwargs["factor"] == pytest.approx(40 / 360, abs=1e-6)
    # shifts: same unit (fraction of the size)
    assert plan["shift"].kwargs["width_factor"] == 0.2 and plan["shift"].kwargs["height_factor"] == 0.2
    # zoom in or out by up to 20 %
    assert plan["zoom"].kwargs["height_factor"] == (-0.2, 0.2)
    assert plan["shear"].kwargs["x_factor"] == 0.2
    assert plan["flip"].kwargs["mode"] == "horizontal"
    assert all(step.kwargs.get("fill_mode", "nearest") == "nearest" for step in plan.values())
    colours = AugmentConfig(brightness_range=0.2, contrast_range=0.3, saturation_range=0.4)
    colour = {s.key: s for s in layer_plan(colours)}
    # raw pixels 0-255 app-wide: the colour layers must know it
    assert all(step.kwargs["value_range"] == (0, 255) for step in colour.values())
    assert colour["saturation"].kwargs["factor"] == (0.3, 0.7)  # 0.5 = unchanged


def test_constant_fill_passes_the_fill_value():
    steps = layer_plan(AugmentConfig(rotation_range=10, fill_mode="constant", cval=40))
    assert steps[0].kwargs["fill_mode"] == "constant" and steps[0].kwargs["fill_value"] == 40.0


def test_presets_are_valid_and_digits_preset_never_flips():
    assert set(PRESETS) == {"none", "tutorial (cats vs dogs)", "digits (no flips)"}
    for name in PRESETS:
        preset(name).validate()
    digits = preset("digits (no flips)")
    assert not digits.horizontal_flip and not digits.vertical_flip
    assert digits.fit_warnings("mnist-sample") == []
    assert preset("none").is_off()
    preset("none").rotation_range = 99  # a copy: the preset itself is untouched
    assert PRESETS["none"].rotation_range == 0
    with pytest.raises(UserError, match="Presets"):
        preset("fancy")


def test_describe_reads_like_the_settings():
    text = preset("tutorial (cats vs dogs)").describe()
    for part in ("rotation ±40°", "shift 20% × 20%", "zoom ±20%", "horizontal flip", "fill nearest"):
        assert part in text


def test_colour_transforms_do_not_fit_grayscale_input_and_say_why():
    config = AugmentConfig(saturation_range=0.5, rotation_range=10)
    assert config.fit_problems((150, 150, 3)) == []
    problems = config.fit_problems((28, 28, 1))
    assert len(problems) == 1 and "saturation_range" in problems[0] and "grayscale" in problems[0]
    assert "not an image" in AugmentConfig(rotation_range=5).fit_problems((500,))[0]


def test_flipping_digits_is_warned_about():
    warnings = preset("tutorial (cats vs dogs)").fit_warnings("mnist-sample")
    assert any("flip" in w.lower() for w in warnings)
    assert preset("tutorial (cats vs dogs)").fit_warnings("cats-vs-dogs") == []


def test_keras_code_export_is_valid_python_naming_every_layer():
    code = preset("tutorial (cats vs dogs)").to_keras_code()
    compile(code, "<export>", "exec")
    for layer in ("RandomRotation(factor=0.111111", "RandomTranslation", "RandomShear", "RandomZoom",
                  "RandomFlip(mode='horizontal')"):
        assert layer in code
    assert "rotation_range=40" in code  # the tutorial reader's words are kept next to the layer
    assert "training=True" in code
    off = AugmentConfig().to_keras_code()
    compile(off, "<export>", "exec")
    assert "off" in off
