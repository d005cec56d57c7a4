"""The Augmentation tab as a teacher uses it: presets, sliders, live preview, files, the probe."""
from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

from cnnexplorer.core.augment_config import AugmentConfig, preset
from cnnexplorer.core.session import Session
from cnnexplorer.ui.session_bridge import SessionBridge
from cnnexplorer.ui.tabs.augmentation import AugmentationTab

WAIT_MS = 60000  # the first preview imports TensorFlow on the worker


@pytest.fixture
def tab(qtbot, errors):
    bridge = SessionBridge(Session())
    widget = AugmentationTab(bridge)
    qtbot.addWidget(widget)
    yield widget
    assert widget.shutdown()  # cancels and waits for the preview and the probe
    assert not widget.preview_slot.is_busy() and not widget.probe_slot.is_busy()


def _idle(tab) -> bool:
    """No preview waiting for its pause, running, or queued."""
    return not tab._debounce.isActive() and not tab.preview_slot.is_busy()


def _shown(qtbot, tab):
    tab.resize(1100, 700)
    tab.show()
    qtbot.waitUntil(lambda: tab.grid.variant_count == tab.count_spin.value() and _idle(tab), timeout=WAIT_MS)


def test_building_the_tab_does_not_import_tensorflow():
    code = ("import sys; from PySide6.QtWidgets import QApplication; app = QApplication([]);"
            "from cnnexplorer.core.session import Session; from cnnexplorer.ui.session_bridge import SessionBridge;"
            "from cnnexplorer.ui.tabs.augmentation import AugmentationTab;"
            "t = AugmentationTab(SessionBridge(Session()));"
            "print('tensorflow' in sys.modules, 'keras' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.stdout.strip().splitlines()[-1] == "False False", out.stderr


def test_opens_on_the_preset_for_the_sessions_digits_and_shares_it_with_training(tab):
    """The session starts on mnist-sample: small moves, no flips (a flipped 2 is no 2), a digit to preview."""
    assert tab.preset_box.currentData() == "digits (no flips)"
    assert tab.session.augment == preset("digits (no flips)")
    assert not tab.hflip.isChecked() and not tab.vflip.isChecked()
    assert tab._source_name == "digit" and tab._source_image.shape == (28, 28, 1)
    assert "Flipping" not in tab.summary.text()
    assert "RandomRotation(factor=0.027778" in tab.code_view.toPlainText()


def test_the_tutorial_preset_has_the_cats_vs_dogs_settings(tab):
    tab._preset_chosen("tutorial (cats vs dogs)")
    assert tab.preset_box.currentText() == "tutorial (cats vs dogs)"
    assert tab.rows["rotation_range"].spin.value() == 40 and tab.hflip.isChecked()
    assert "rotation ±40°" in tab.summary.text()
    assert "RandomRotation(factor=0.111111" in tab.code_view.toPlainText()


def test_the_preset_follows_the_dataset_until_the_user_picks_one(tab):
    tab.session.dataset_name = "cifar10"  # colour photos: the tutorial's flips make sense
    assert tab.preset_box.currentData() == "tutorial (cats vs dogs)" and tab.hflip.isChecked()
    tab.session.dataset_name = "sequences-sample"  # no images: nothing to augment
    assert tab.preset_box.currentData() == "none" and tab.session.augment is None
    tab.session.dataset_name = "mnist-sample"
    assert tab.preset_box.currentData() == "digits (no flips)"
    tab.rows["rotation_range"].spin.setValue(25)  # the teacher's own setting...
    tab.session.dataset_name = "cifar10"
    assert tab.rows["rotation_range"].spin.value() == 25 and not tab.hflip.isChecked()  # ...stays


def test_a_chosen_preset_stays_when_the_dataset_changes(tab):
    tab._preset_chosen("none")
    tab.session.dataset_name = "cifar10"
    assert tab.preset_box.currentData() == "none" and tab.session.augment is None


def test_moving_a_slider_updates_the_session_and_marks_the_preset_custom(tab):
    tab.rows["rotation_range"].slider.setValue(90)
    assert tab.rows["rotation_range"].spin.value() == 90
    assert tab.session.augment.rotation_range == 90
    assert tab.preset_box.currentText() == "custom"
    assert "rotation ±90°" in tab.summary.text()


def test_choosing_none_turns_augmentation_off_for_training(tab):
    tab._preset_chosen("none")
    assert tab.session.augment is None
    assert tab.summary.text().endswith("off")


def test_values_outside_the_range_are_refused_by_the_widgets(tab):
    tab.rows["rotation_range"].spin.setValue(400)
    tab.rows["zoom_range"].spin.setValue(3)
    assert tab.rows["rotation_range"].spin.value() == 180
    assert tab.rows["zoom_range"].spin.value() == pytest.approx(0.9)
    assert tab.cval_spin.isEnabled()  # the digits preset fills with a constant (black)
    tab.fill_box.setCurrentText("nearest")
    assert not tab.cval_spin.isEnabled()  # only used by fill mode "constant"
    tab.fill_box.setCurrentText("constant")
    assert tab.cval_spin.isEnabled() and tab.session.augment.fill_mode == "constant"


def test_a_change_from_another_tab_shows_in_the_controls(tab):
    tab.session.augment = preset("digits (no flips)")
    assert tab.preset_box.currentText() == "digits (no flips)"
    assert not tab.hflip.isChecked() and tab.fill_box.currentText() == "constant"


def test_live_preview_shows_the_requested_variants_reproducibly_with_a_fixed_seed(qtbot, tab):
    _shown(qtbot, tab)
    assert tab.grid.message == ""
    tab.fixed_seed.setChecked(True)
    tab.count_spin.setValue(4)
    qtbot.waitUntil(lambda: tab.grid.variant_count == 4 and _idle(tab), timeout=WAIT_MS)
    first = [q.copy() for q in tab.grid._variants]
    rotation = tab.rows["rotation_range"].spin.value()
    tab.rows["rotation_range"].spin.setValue(rotation + 1)
    tab.rows["rotation_range"].spin.setValue(rotation)  # back to the same settings and seed...
    qtbot.waitUntil(lambda: _idle(tab), timeout=WAIT_MS)
    assert [q == f for q, f in zip(tab.grid._variants, first)] == [True] * 4  # ...same pictures
    tab.new_samples()  # a new seed: new pictures
    qtbot.waitUntil(lambda: _idle(tab) and any(q != f for q, f in zip(tab.grid._variants, first)), timeout=WAIT_MS)


def test_a_grayscale_digit_with_a_colour_transform_is_explained_not_silently_applied(qtbot, tab):
    tab._preset_chosen("tutorial (cats vs dogs)")  # flips and 40° on digits: both explained
    tab.set_source("digit")
    assert tab._source_image.shape == (28, 28, 1)
    tab.rows["saturation_range"].spin.setValue(0.5)
    assert "saturation_range" in tab.summary.text() and "grayscale" in tab.summary.text()
    assert "Flipping a digit" in tab.summary.text()  # the session's dataset is mnist-sample
    image, config, count, seed = tab.preview_request()
    assert config.saturation_range == 0 and config.rotation_range == 40  # left out of the preview, as said
    _shown(qtbot, tab)
    assert tab.grid._variants[0].width() == 28


def test_presets_save_and_load_as_json(tmp_path, tab, errors):
    tab.rows["brightness_range"].spin.setValue(0.3)
    path = tmp_path / "aug.json"
    assert tab.save_config(str(path))
    data = json.loads(path.read_text())
    assert data["rotation_range"] == 10 and data["brightness_range"] == pytest.approx(0.3)
    tab._preset_chosen("none")
    assert tab.load_config(str(path))
    assert tab.session.augment.brightness_range == pytest.approx(0.3)
    bad = tmp_path / "bad.json"
    bad.write_text('{"rotation_range": 500}')
    assert not tab.load_config(str(bad))
    assert "rotation_range" in errors[-1] and "180" in errors[-1]
    assert tab.session.augment.brightness_range == pytest.approx(0.3)  # unchanged by the bad file


def test_an_unreadable_image_gives_a_clear_message(tmp_path, tab, errors):
    bad = tmp_path / "photo.jpg"
    bad.write_bytes(b"not an image")
    assert not tab.set_source_file(str(bad))
    assert "photo.jpg" in errors[-1] and "JPEG" in errors[-1]
    good = tmp_path / "wide.png"
    from cnnexplorer.core.images import save_png

    wide = np.zeros((60, 90, 3), np.uint8)
    wide[..., 0] = 200  # red: a colour photo stays colour
    save_png(good, wide)
    assert tab.set_source_file(str(good))
    assert tab._source_image.shape == (150, 150, 3)
    assert "wide.png" in tab.source_box.currentText()


def test_robustness_probe_charts_accuracy_per_transformation(qtbot, tab):
    import keras

    assert not tab.probe_button.isEnabled()  # no model yet
    model = keras.Sequential([keras.Input((28, 28, 1)), keras.layers.Rescaling(1 / 255), keras.layers.Flatten(),
                              keras.layers.Dense(10, activation="softmax")])
    tab.session.set_model(model, "tiny", "built")
    assert tab.probe_button.isEnabled()
    tab.apply_config(AugmentConfig(rotation_range=20, horizontal_flip=True))
    tab.probe_button.click()
    qtbot.waitUntil(lambda: tab.probe_slot.outcome == "finished", timeout=WAIT_MS)
    assert list(tab.probe_chart.results) == ["original", "rotation ±20°", "horizontal flip"]
    assert all(0 <= v <= 1 for v in tab.probe_chart.results.values())
    assert tab.probe_button.isEnabled()
