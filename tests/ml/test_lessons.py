"""Lessons: each demo's set-up on tiny data (quick=True), cancelling half-way, and the measures they rely on.

The claims themselves need the full data and minutes; ``benchmarks/lessons.py`` checks them.
"""
from __future__ import annotations

import json
import threading

import numpy as np
import pytest

from cnnexplorer.core.errors import UserError
from cnnexplorer.core.images import load_image
from cnnexplorer.core.runs import Run
from cnnexplorer.ml.lessons import LESSONS, get_lesson

RUNS = {"why-convolution": 2, "kernels-padding-stride": 0, "pooling": 0, "overfitting-augmentation": 2,
        "pretrained-features": 2, "fine-tuning": 2, "layers-see": 1, "filter-patterns": 0, "where-looks": 1,
        "conv1d-sequences": 2, "separable-convolutions": 2}
PICTURES = {"filter-patterns": 4, "where-looks": 6}  # quick: 2 patterns per layer; 2 heatmaps per class


def test_lessons_follow_the_tutorial_and_have_their_texts():
    assert [lesson.name for lesson in LESSONS] == list(RUNS)
    for lesson in LESSONS:
        assert lesson.title and len(lesson.explanation) > 200 and lesson.claim and lesson.try_it
        assert lesson.shows in ("training", "concepts", "visualize", "pretrained")
    with pytest.raises(UserError, match="no lesson called 'nope'"):
        get_lesson("nope")


@pytest.mark.parametrize("name", list(RUNS))
def test_each_demo_runs_on_tiny_data_and_reports_its_numbers(name, tmp_path):
    events = []
    result = get_lesson(name).run(seed=1, progress=events.append, out_dir=tmp_path, quick=True)
    assert result.complete and result.lesson == name
    assert len(result.runs) == RUNS[name] and all(isinstance(r, Run) and r.kind == "lesson" for r in result.runs)
    assert result.measures and any(ch.isdigit() for ch in result.sentence)
    assert isinstance(result.holds, bool) and result.seconds > 0
    # one progress bar from 0 to the end, never backwards by more than a stage
    steps = [e.step for e in events if e.kind == "lesson"]
    assert steps[-1] == 1000 and max(steps) <= 1000
    line = json.loads(json.dumps(result.summary()))
    assert line["lesson"] == name and line["holds"] == result.holds and "claim" in line
    assert all("parameters" in r and "test_accuracy" in r for r in line["runs"])
    saved = json.loads((tmp_path / f"{name}.json").read_text())
    assert saved["measures"] == line["measures"]
    assert len(list(tmp_path.glob(f"{name}-run-*.json"))) == RUNS[name]
    # the evidence pictures, kept for the tab and written beside the JSON
    pictures = result.artifacts.get("pictures", [])
    assert len(pictures) == PICTURES.get(name, 0) and all(p.caption for p in pictures)
    for i, picture in enumerate(pictures, start=1):
        assert load_image(tmp_path / f"{name}-picture-{i}.png").shape == picture.image.shape


def test_cancelling_a_two_run_demo_half_way_keeps_the_finished_run():
    cancel = threading.Event()

    def progress(event):
        if event.kind == "lesson" and event.step >= 667:  # the third stage: the second training
            cancel.set()

    result = get_lesson("why-convolution").run(seed=0, progress=progress, cancel=cancel, quick=True)
    assert not result.complete and result.holds is False
    finished = [r for r in result.runs if not r.stopped]
    assert len(finished) == 1 and finished[0].test_accuracy is not None
    assert "incomplete" in result.sentence and finished[0].name in result.sentence
    assert result.summary()["complete"] is False


def test_cancel_before_anything_finished_says_there_is_no_result():
    cancel = threading.Event()
    cancel.set()
    result = get_lesson("pooling").run(cancel=cancel, quick=True)
    assert not result.complete and not result.runs and "no result" in result.sentence


def test_receptive_field_measured_through_keras_matches_the_table():
    from cnnexplorer.core.spec import template
    from cnnexplorer.ml.lessons.digits import _last_field, _without, keras_receptive_field

    spec = template("mnist-cnn")
    assert keras_receptive_field(spec) == _last_field(spec) == 18
    flat = _without(spec, "MaxPooling2D", "flat")
    assert keras_receptive_field(flat) == _last_field(flat) == 7


def test_zero_maps_and_wavelength_and_peak_measures():
    from cnnexplorer.ml.lessons.digits import zero_map_fraction
    from cnnexplorer.ml.lessons.pretrained import dominant_wavelength, peak_in_box

    act = np.zeros((4, 4, 4))
    act[1, 1, 0] = 2.0
    assert zero_map_fraction(act) == 0.75
    x = np.arange(64)
    for wavelength in (4, 16):
        grating = np.tile(np.sin(2 * np.pi * x / wavelength), (64, 1))
        assert dominant_wavelength(grating) == pytest.approx(wavelength, rel=0.05)
    heat = np.zeros((10, 10))
    heat[3, 7] = 1
    assert peak_in_box(heat, (2, 6, 4, 8)) and not peak_in_box(heat, (0, 0, 2, 2))


def test_separable_version_swaps_every_conv2d_after_the_first():
    from cnnexplorer.core.shapes import infer_shapes
    from cnnexplorer.core.spec import template
    from cnnexplorer.ml.lessons.digits import separable_version

    spec = separable_version(template("mnist-cnn"))
    assert [layer.type for layer in spec.layers].count("SeparableConv2D") == 2
    assert [layer.type for layer in spec.layers].count("Conv2D") == 1  # the first: one grey channel in
    assert infer_shapes(spec).total_params < infer_shapes(template("mnist-cnn")).total_params
