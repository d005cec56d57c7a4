"""The Pretrained tab as a user meets it: the layer table, loading a base, the methods, bad input.

Real Keras on tiny inputs (VGG16 at 32×32 with random weights), offline.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt

from cnnexplorer.core.freeze_state import LayerRow
from cnnexplorer.core.images import save_png
from cnnexplorer.core.session import Session
from cnnexplorer.ml.transfer import load_base_job
from cnnexplorer.ui.session_bridge import SessionBridge
from cnnexplorer.ui.tabs.pretrained import PretrainedTab
from cnnexplorer.ui.widgets.freeze_table import FreezeTable


def _rows():
    """A fake base: two blocks, one BatchNormalization layer, a pooling layer."""
    spec = [("b1_conv", "Conv2D", 100, 0, "block1"), ("b1_bn", "BatchNormalization", 20, 20, "block1"),
            ("b1_pool", "MaxPooling2D", 0, 0, "block1"), ("b2_conv1", "Conv2D", 1000, 0, "block2"),
            ("b2_conv2", "Conv2D", 2000, 0, "block2")]
    return [LayerRow(i, n, t, "4×4×8", p + f, p, f, g, t == "BatchNormalization")
            for i, (n, t, p, f, g) in enumerate(spec)]


def _folder(root, classes=("bright", "dark"), n=6, size=24):
    rng = np.random.default_rng(0)
    ranges = {"bright": (190, 256), "dark": (0, 60)}
    for c in classes:
        (root / c).mkdir(parents=True)
        for i in range(n):
            lo, hi = ranges.get(c, (0, 256))
            save_png(root / c / f"{i}.png", rng.integers(lo, hi, (size, size, 3)).astype(np.uint8))
    return root


@pytest.fixture
def tab(qtbot, errors, tmp_path, monkeypatch):
    monkeypatch.setenv("CNNEXPLORER_RUNS_DIR", str(tmp_path / "runs"))  # not the real app data folder
    t = PretrainedTab(SessionBridge(Session()))
    qtbot.addWidget(t)
    t.show()
    yield t
    t.shutdown()


def _wait(qtbot, tab, timeout=120_000):
    qtbot.waitUntil(lambda: not tab.slot.is_running(), timeout=timeout)


def test_importing_the_tab_does_not_import_tensorflow():
    code = "import sys, cnnexplorer.ui.tabs.pretrained; print('tensorflow' in sys.modules, 'keras' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_table_counts_follow_checkboxes_blocks_and_the_boundary(qtbot):
    table = FreezeTable()
    qtbot.addWidget(table)
    table.set_rows(_rows())
    assert "Trainable: <span style='color:#b34700'>0</span>" in table.counts_label.text()
    assert table.boundary_label.text() == "nothing (whole base frozen)"
    table.slider.setValue(3)  # drag the boundary to block2
    assert table.state.trainable_params == 3000 and table.boundary_label.text() == "b2_conv1"
    assert "3,000" in table.counts_label.text() and "140" in table.counts_label.text()  # 100 + BN's 40 frozen
    block1 = table.tree.topLevelItem(0)
    block1.setCheckState(0, Qt.CheckState.Checked)  # tick a whole block: BatchNorm stays frozen
    assert table.state.trainable_params == 3100
    assert table.state.non_trainable_params == 40
    assert table.tree.topLevelItem(1).child(0).text(4) == "trains"
    block1.child(1).setCheckState(0, Qt.CheckState.Checked)  # not checkable; the state ignores it
    assert table.state.flags[1] is False
    table.unfreeze_top_block()
    assert table.state.flags == [False, False, False, True, True]
    assert table.tree.topLevelItem(1).child(0).text(4).endswith("fine-tune from here")
    table.freeze_all()
    assert table.state.trainable_params == 0


def test_load_base_with_random_weights_labels_it_and_fills_the_table(tab, qtbot, errors):
    tab.arch_combo.setCurrentIndex(tab.arch_combo.findData("vgg16"))
    tab.random_radio.setChecked(True)
    tab.size_spin.setValue(32)
    tab.load_button.click()
    _wait(qtbot, tab)
    assert not errors
    assert "random weights — patterns will not be meaningful" in tab.weights_banner.text()
    assert tab.table.tree.topLevelItemCount() == 5 and tab.table.state.trainable_params == 0
    assert tab.features_button.isEnabled() and not tab.fine_tune_button.isEnabled()


def test_offline_imagenet_load_says_what_to_do_and_keeps_the_previous_base(tab, qtbot, errors, monkeypatch,
                                                                            tmp_path):
    from cnnexplorer.ml import transfer

    monkeypatch.setenv("KERAS_HOME", str(tmp_path))
    monkeypatch.setattr(transfer.Architecture, "weights_url", lambda self, *a, **k: "http://127.0.0.1:9/x.h5")
    tab.arch_combo.setCurrentIndex(tab.arch_combo.findData("vgg16"))
    tab.imagenet_radio.setChecked(True)
    tab.size_spin.setValue(32)
    tab.load_button.click()
    _wait(qtbot, tab)
    assert errors and "local weights file" in errors[-1] and "random weights" in errors[-1]
    assert tab.loaded is None and tab.table.state is None


def test_method_1_then_fine_tuning_makes_the_session_model_and_one_class_folder_is_refused(tab, qtbot, errors,
                                                                                          tmp_path):
    tab.set_loaded(load_base_job("vgg16", 32, "random"))  # small input keeps the test fast
    assert "head only" in tab.trains_label.text()
    tab.folder_edit.setText(str(_folder(tmp_path / "one", classes=("cats",))))
    tab.features_button.click()
    _wait(qtbot, tab)
    assert "only one class" in errors[-1] and tab.session.model is None

    tab.folder_edit.setText(str(_folder(tmp_path / "two")))
    tab.head_combo.setCurrentIndex(1)  # GlobalAveragePooling
    tab.epochs_spin.setValue(1)
    tab.batch_spin.setValue(4)
    tab.features_button.click()
    _wait(qtbot, tab)
    assert len(errors) == 1, errors
    assert tab.session.model is tab.model and tab.session.model_name.source == "pretrained"
    assert Path(tab.session.model_name.dataset).name == "two"  # the status bar names the folder, not mnist-sample
    assert tab.model.get_layer("vgg16") is tab.loaded.base
    assert "Test accuracy" in tab.result_label.text() and "as long" in tab.result_label.text()
    assert tab.fine_tune_button.isEnabled()
    from cnnexplorer.core.runs import RunStore

    runs = RunStore(tmp_path / "runs").list()  # kept as a run, beside the Training tab's
    assert len(runs) == 1 and runs[0].kind == "pretrained" and runs[0].settings["method"] == "features"
    assert runs[0].test_accuracy == tab.last_run.test_accuracy and runs[0].epochs == 1
    assert runs[0].class_names == ["bright", "dark"] and runs[0].parameters == tab.model.count_params()
    assert [r.id for r in tab.runs_panel.runs()] == [runs[0].id]
    tab.runs_panel.item_of(runs[0].id).setCheckState(Qt.CheckState.Checked)  # overlay and compare it
    assert [r.id for r in tab.chart.overlaid_runs] == [runs[0].id] and tab.runs_panel.compare_table.isVisible()
    assert not tab.result_label.isVisible()
    tab.runs_panel.item_of(runs[0].id).setCheckState(Qt.CheckState.Unchecked)
    assert not tab.chart.overlaid_runs and tab.result_label.isVisible()

    tab.fine_tune_button.click()  # nothing unfrozen yet: a clear message, nothing trains
    _wait(qtbot, tab)
    assert "every layer is frozen" in errors[-1]
    tab.table.unfreeze_top_block()
    assert "block5_conv1" in tab.trains_label.text() and "3 of them" in tab.trains_label.text()
    before = [w.numpy().copy() for w in tab.loaded.base.get_layer("block1_conv1").weights]
    tab.fine_tune_button.click()
    _wait(qtbot, tab)
    assert len(errors) == 2, errors
    assert tab.epochs_done == 2
    after = tab.loaded.base.get_layer("block1_conv1").weights
    assert all(np.array_equal(a, b.numpy()) for a, b in zip(before, after))
    assert "fine-tuned" in tab.session.model_name.name


def test_example_folder_button_writes_the_shapes_and_chooses_them(tab, qtbot, errors, tmp_path, monkeypatch):
    from cnnexplorer.ml.data import load_dataset
    from cnnexplorer.ui.tabs import pretrained

    monkeypatch.setattr(pretrained, "app_data_folder", lambda: tmp_path)
    tab.example_button.click()
    _wait(qtbot, tab)
    assert not errors
    assert tab.folder_edit.text() == str(tmp_path / "example-shapes")
    assert "circles" in tab.status_label.text()
    data = load_dataset(tab.folder_edit.text(), image_size=(32, 32), color_mode="rgb", validation_split=0.2)
    assert data.info.num_classes == 3 and len(data.x_train) + len(data.x_test) == 180


def test_in_presentation_mode_the_layer_names_stay_readable_and_the_table_fits_the_screen(qtbot):
    from PySide6.QtGui import QFontMetrics

    from cnnexplorer.ui import presentation

    presentation.look().set_presentation(True)
    try:
        table = FreezeTable()
        qtbot.addWidget(table)
        rows = _rows()
        table.set_rows(rows)
        table.resize(480, 500)  # a narrow column, as at 1280x800 with presentation-size text
        table.show()
        names = QFontMetrics(table.tree.font())
        widest = max(names.horizontalAdvance(r.name) for r in rows)
        assert table.tree.columnWidth(0) >= widest  # the name column is not squeezed away
        assert table.minimumSizeHint().width() <= 480  # the counts line wraps instead of widening the tab
    finally:
        presentation.look().restore_defaults()


def test_closing_while_a_pretrained_job_trains_asks_first_and_another_tabs_training_is_respected(tab, qtbot,
                                                                                                errors):
    import threading

    from cnnexplorer.core.progress import check_cancel

    started = threading.Event()

    def slow_job(progress=None, cancel=None):
        started.set()
        cancel.wait(30)
        check_cancel(cancel)

    assert tab.session.claim_training("pretrained")
    tab._start("train-features", slow_job)
    qtbot.waitUntil(started.is_set)
    asked = []
    tab.ask = lambda title, text: asked.append(text) or False
    assert tab.confirm_close() is False and tab.is_training() and asked
    tab.ask = lambda title, text: True
    assert tab.confirm_close() is True
    qtbot.waitUntil(lambda: tab.session.training is None and not tab.slot.is_running())
    assert tab.progress_bar.value() == 0  # idle: an empty bar, not a full one

    tab.set_loaded(load_base_job("vgg16", 32, "random"))
    tab.session.claim_training("training")  # the Training tab is busy
    tab.features_button.click()
    assert errors and "Another tab is training" in errors[-1] and not tab.slot.is_running()
    assert tab.session.training == "training"


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_presentation_mode_cuts_no_combo_or_radio_text_and_no_note(qtbot, qapp, language):
    """On a 1280x800 projector with big text: the head combo and the weights choices show their whole text."""
    from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QRadioButton

    from cnnexplorer.ui import presentation
    from cnnexplorer.ui.app import install_translators

    install_translators(qapp, language)
    presentation.look().set_presentation(True)
    try:
        t = PretrainedTab(SessionBridge(Session()))
        qtbot.addWidget(t)
        t.resize(1280, 740)
        t.show()
        for _ in range(5):
            QApplication.processEvents()
        cut = [w.currentText() for w in t.findChildren(QComboBox) if w.width() < w.sizeHint().width() - 2]
        cut += [w.text() for w in t.findChildren(QRadioButton) if w.width() < w.sizeHint().width() - 2]
        wrapped = [w for w in t.findChildren(QLabel) if w.wordWrap() and w.text() and w.isVisibleTo(t)]
        cut += [w.text()[:40] for w in wrapped if w.height() < w.heightForWidth(w.width()) - 2]
        assert not cut
        t.shutdown()
    finally:
        presentation.look().restore_defaults()
        install_translators(qapp, "en")
