"""The Training tab as a user meets it.

Most tests drive a fake trainer through the same progress protocol (fast);
a few train a real tiny model through the real tab.
"""
from __future__ import annotations

import math
import threading

import numpy as np
import pytest

from cnnexplorer.core.progress import Progress
from cnnexplorer.core.session import Session
from cnnexplorer.core.spec import CompileSpec, LayerSpec, ModelSpec, template
from cnnexplorer.ml.data import Dataset, DatasetInfo
from cnnexplorer.ml.train import TrainResult
from cnnexplorer.ml.training_run import TrainingOutcome, describe_run
from cnnexplorer.ui import workers
from cnnexplorer.ui.session_bridge import SessionBridge
from cnnexplorer.ui.tabs.training import TrainingTab

DIGITS = tuple(str(i) for i in range(10))


def small_test_set(n=60, seed=0):
    rng = np.random.default_rng(seed)
    info = DatasetInfo("mnist-sample", "fake", "images", (28, 28, 1), 10, DIGITS, "t", "t", "bundled")
    y = np.arange(n) % 10
    x = rng.integers(0, 255, (n, 28, 28, 1), dtype=np.uint8)
    return Dataset(info, x, y, x, y.astype(np.int32))


class FakeTrainer:
    """Emits batch/epoch events like ml.train, honours cancel, returns a TrainingOutcome."""

    def __init__(self, steps=5, endless=False, nan_at=None, stop_at=None):
        self.steps, self.endless, self.nan_at, self.stop_at = steps, endless, nan_at, stop_at
        self.calls = []
        self.started = threading.Event()

    def __call__(self, source, dataset_name, config, initial_epoch=0, adapt_to=None, dataset=None, progress=None,
                 cancel=None):
        self.calls.append({"source": source, "config": config, "initial_epoch": initial_epoch, "adapt_to": adapt_to})
        data = dataset or small_test_set()
        history, losses, epochs_run = {}, [], 0
        result = TrainResult(history, 0, 0.1, initial_epoch=initial_epoch, batch_losses=losses)
        epoch = initial_epoch
        while epoch < initial_epoch + config.epochs or self.endless:
            for b in range(self.steps):
                if cancel.is_set():
                    result.cancelled, result.stop_reason, result.epochs_run = True, "cancelled", epochs_run
                    return self._outcome(data, config, result)
                loss = math.nan if self.nan_at == (epoch, b) else 2.0 / (1 + epoch * self.steps + b)
                losses.append(loss)
                progress(Progress("batch", b + 1, self.steps, metrics={
                    "loss": loss, "accuracy": 0.5, "samples_per_s": 1000.0, "eta_s": 3.0, "epoch": float(epoch)}))
                self.started.set()
                if self.stop_at == (epoch, b):  # as if Stop were pressed right after this batch
                    cancel.set()
                cancel.wait(0.002)
                if not math.isfinite(loss):
                    result.stop_reason, result.epochs_run = "nan", epochs_run
                    return self._outcome(data, config, result)
            metrics = {"loss": 1.0 / (epoch + 1), "accuracy": 0.8, "val_loss": 1.1 / (epoch + 1), "val_accuracy": 0.75}
            for k, v in metrics.items():
                history.setdefault(k, []).append(v)
            epochs_run += 1
            epoch += 1
            progress(Progress("epoch", epoch, initial_epoch + config.epochs, metrics=metrics))
        result.epochs_run = epochs_run
        result.test_loss, result.test_accuracy = 0.3, 0.9
        predictions = data.y_test.copy()
        predictions[:6] = (predictions[:6] + 1) % 10  # six mistakes: 0->1, 1->2, ...
        return self._outcome(data, config, result, predictions, np.full(len(predictions), 0.8, np.float32))

    @staticmethod
    def _outcome(data, config, result, predictions=None, confidences=None):
        run = describe_run("fake-model", "fake-model", data, config, result)
        return TrainingOutcome("fake-model", data, result, predictions, confidences, run)


@pytest.fixture
def tab(qtbot, errors):
    session = Session()
    bridge = SessionBridge(session)
    widget = TrainingTab(bridge)
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    widget.asked = []
    widget.answer = True

    def ask(title, text):
        widget.asked.append(text)
        return widget.answer

    widget.ask = ask
    yield widget
    assert widget.shutdown()


def start_and_wait(qtbot, tab, timeout=120000):
    assert tab.start()
    qtbot.waitUntil(lambda: not tab.is_training(), timeout=timeout)


def test_fake_run_fills_chart_progress_coach_and_results(qtbot, tab):
    tab.run_fn = FakeTrainer(steps=4)
    tab.form.epochs_spin.setValue(3)
    start_and_wait(qtbot, tab)
    assert tab.chart.epochs == [1.0, 2.0, 3.0]
    assert len(tab.chart.batch_loss.raw) == 12
    assert tab.progress_bar.value() == 1000
    assert "Done" in tab.status_label.text()
    assert "validation accuracy 75.0%" in tab.coach_label.text()
    assert "Test accuracy 90.0%" in tab.results_panel.test_label.text()
    assert tab.results_panel.matrix_view.rowCount() == 10 and tab.results_panel.matrix_view.item(0, 1).text() == "1"
    assert tab.results_panel.matrix_view.item(0, 10).text() == "83%"  # 5 of 6 zeros right
    assert "0 → 1" in tab.results_panel.details_label.text()
    assert tab.session.model == "fake-model" and tab.session.model_name.source == "trained"
    assert tab.continue_button.isEnabled() and tab.save_button.isEnabled()
    assert tab.session.training is None  # released for the other tabs


def test_continue_adds_epochs_to_the_same_chart(qtbot, tab):
    trainer = FakeTrainer(steps=3)
    tab.run_fn = trainer
    tab.form.epochs_spin.setValue(2)
    start_and_wait(qtbot, tab)
    assert tab.continue_training()
    qtbot.waitUntil(lambda: not tab.is_training(), timeout=20000)
    assert trainer.calls[1]["initial_epoch"] == 2 and trainer.calls[1]["source"] == "fake-model"
    assert tab.chart.epochs == [1.0, 2.0, 3.0, 4.0]
    assert len(tab.chart.batch_loss.raw) == 12
    assert tab.chart.batch_loss.x == sorted(tab.chart.batch_loss.x)  # the x axis carries on


def test_every_run_is_kept_and_continue_extends_it(qtbot, tab):
    tab.run_fn = FakeTrainer(steps=3)
    tab.form.epochs_spin.setValue(2)
    start_and_wait(qtbot, tab)
    runs = tab.runs_panel.runs()
    assert [(r.name, r.epochs) for r in runs] == [("fake-model · mnist-sample", 2)]
    assert tab.continue_training()
    qtbot.waitUntil(lambda: not tab.is_training(), timeout=20000)
    assert [(r.name, r.epochs) for r in tab.runs_panel.runs()] == [("fake-model · mnist-sample", 4)]
    assert tab.runs_panel.store.get(runs[0].id).history["val_accuracy"] == [0.75] * 4  # on disk too
    start_and_wait(qtbot, tab)
    assert [r.name for r in tab.runs_panel.runs()] == ["fake-model · mnist-sample", "fake-model · mnist-sample (2)"]
    assert tab.results_panel.isVisible()


def test_stop_and_continue_never_draws_backwards(qtbot, tab):
    tab.run_fn = FakeTrainer(steps=5, stop_at=(1, 2))
    tab.form.epochs_spin.setValue(3)
    start_and_wait(qtbot, tab)
    assert tab.chart.epochs == [1.0] and tab.chart.batch_loss.x[-1] == pytest.approx(1.6)  # half of epoch 2 shown
    tab.run_fn = FakeTrainer(steps=5)
    assert tab.continue_training()
    qtbot.waitUntil(lambda: not tab.is_training(), timeout=20000)
    xs = tab.chart.batch_loss.x
    assert xs == sorted(xs) and len(xs) == len(tab.chart.batch_loss.smooth)


def test_the_coach_speaks_about_the_run_while_it_starts(qtbot, tab):
    trainer = FakeTrainer(steps=200, endless=True)
    tab.run_fn = trainer
    assert "Press Start" in tab.coach_label.text()
    assert tab.start()
    assert "Press Start" not in tab.coach_label.text() and "preparing" in tab.coach_label.text()
    # then the run's own numbers: "started" during the first epoch, "After 1 epoch(s)" once it is done
    qtbot.waitUntil(lambda: "preparing" not in tab.coach_label.text(), timeout=10000)
    assert "Press Start" not in tab.coach_label.text()
    assert "started" in tab.coach_label.text() or "After" in tab.coach_label.text()
    tab.stop()
    qtbot.waitUntil(lambda: not tab.is_training(), timeout=10000)


def test_augmentation_is_off_for_a_sequence_dataset(qtbot, tab):
    from cnnexplorer.core.augment_config import AugmentConfig

    tab.session.augment = AugmentConfig(rotation_range=10.0)
    assert tab.form.augment_check.isEnabled()
    tab.form.augment_check.setChecked(True)
    tab.session.dataset_name = "sequences-sample"
    assert not tab.form.augment_check.isEnabled() and not tab.form.augment_check.isChecked()
    assert "sequences" in tab.form.augment_note.text()
    assert tab.config().augment is None


def test_the_loss_note_explains_sparse_categorical_crossentropy(qtbot, tab):
    note = tab.form.source_note.text().replace("\u200b", "")  # zero-width spaces let it wrap after "_"
    assert "sparse_categorical_crossentropy" in note and "to_categorical" in note and "same loss" in note


def test_the_confusion_matrix_names_the_classes_the_model_carries(qtbot, tab):
    from types import SimpleNamespace

    from cnnexplorer.ml.class_names import attach_class_names

    names = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    model = SimpleNamespace(name="named")
    attach_class_names(model, names)
    trainer = FakeTrainer(steps=2)
    tab.run_fn = lambda *args, **kwargs: _with_model(trainer(*args, **kwargs), model)
    tab.form.epochs_spin.setValue(1)
    start_and_wait(qtbot, tab)
    view = tab.results_panel.matrix_view
    assert [view.horizontalHeaderItem(j).text() for j in range(3)] == ["zero", "one", "two"]
    assert view.verticalHeaderItem(9).text() == "nine"
    assert "zero → one" in tab.results_panel.details_label.text()
    dialog = tab.results_panel.show_cell(0, 1)
    qtbot.addWidget(dialog)
    assert "true zero" in dialog.list.item(0).text()


def _with_model(outcome, model):
    outcome.model = model
    return outcome


def test_the_dataset_note_says_what_was_read(qtbot, tab):
    note = "70,000 images, 28×28 grey, 10 classes; read as 28×28 grey"
    trainer = FakeTrainer(steps=2)

    def run(*args, progress=None, **kwargs):
        progress(Progress("dataset", 0, 0, note))
        return trainer(*args, progress=progress, **kwargs)

    tab.run_fn = run
    tab.form.epochs_spin.setValue(1)
    assert "MNIST sample" in tab.form.dataset_note.text()
    start_and_wait(qtbot, tab)
    assert tab.form.dataset_note.isVisible() and note in tab.form.dataset_note.text()


def test_stop_then_twenty_start_stop_cycles_leave_no_threads(qtbot, tab):
    import gc
    import weakref

    tab.run_fn = FakeTrainer(endless=True)
    baseline = threading.active_count()
    finished_tasks = []
    for cycle in range(20):
        trainer = FakeTrainer(endless=True)
        tab.run_fn = trainer
        assert tab.start(), f"cycle {cycle} did not start"
        assert trainer.started.wait(10)
        qtbot.waitUntil(lambda: len(tab.chart.batch_loss.raw) > 0, timeout=5000)
        tab.stop()
        qtbot.waitUntil(lambda: not tab.is_training(), timeout=10000)
        assert tab.start_button.isEnabled() and not tab.stop_button.isEnabled()
        finished_tasks.append(weakref.ref(tab.slot.task))
    assert workers.live_tasks() == []
    gc.collect()
    qtbot.wait(50)  # let deleteLater-style cleanups run
    gc.collect()
    assert sum(ref() is not None for ref in finished_tasks) <= 2  # old runs (threads, buffers) are freed
    assert threading.active_count() <= baseline + 1
    assert "Stopped" in tab.status_label.text()
    # the chart shows only the last run, whose points all came from that run
    assert 0 < len(tab.chart.batch_loss.raw) == len(tab.chart.batch_loss.x)
    assert tab.chart.batch_loss.x[0] == pytest.approx(0.2)  # batch 1 of 5 of epoch 0: nothing left from before


def test_nan_loss_is_reported_by_the_coach(qtbot, tab):
    tab.run_fn = FakeTrainer(steps=5, nan_at=(0, 2))
    start_and_wait(qtbot, tab)
    assert "NaN" in tab.coach_label.text() and "learning rate" in tab.coach_label.text()
    assert tab.coach_label.property("level") == "problem"
    assert "NaN" in tab.status_label.text()
    assert tab.session.model is None and not tab.continue_button.isEnabled()  # blown-up weights are not kept


def test_class_mismatch_offers_to_change_the_last_dense(qtbot, tab):
    tab.run_fn = FakeTrainer(steps=2)
    spec = template("mnist-cnn")
    spec.layers[-1].params["units"] = 5
    tab.session.design = spec
    tab.answer = False
    assert not tab.start()
    assert "outputs 5 classes" in tab.asked[0] and "10 units" in tab.asked[0]
    assert tab.session.design.layers[-1].params["units"] == 5  # refused: nothing changed
    tab.answer = True
    assert tab.start()
    qtbot.waitUntil(lambda: not tab.is_training(), timeout=20000)
    assert tab.session.design.layers[-1].params["units"] == 10
    assert tab.run_fn.calls[-1]["source"].layers[-1].params["units"] == 10


def test_size_and_colour_mismatch_converts_the_images(qtbot, tab):
    tab.run_fn = FakeTrainer(steps=2)
    spec = template("mnist-cnn")
    spec.input_shape = (32, 32, 3)
    tab.session.design = spec
    assert tab.start()
    qtbot.waitUntil(lambda: not tab.is_training(), timeout=20000)
    assert "32×32" in tab.asked[0] and "colour" in tab.asked[0]
    assert tab.run_fn.calls[-1]["adapt_to"] == (32, 32, 3)


def test_images_into_a_sequence_model_is_refused(qtbot, tab, errors):
    tab.run_fn = FakeTrainer(steps=2)
    tab.session.design = template("conv1d-text")
    assert not tab.start()
    assert tab.run_fn.calls == [] and "holds images" in errors[-1]


def test_invalid_design_is_refused_with_the_layer_named(qtbot, tab, errors):
    tab.run_fn = FakeTrainer(steps=2)
    spec = template("mnist-cnn")
    spec.layers[1].params["kernel_size"] = 40
    tab.session.design = spec
    assert not tab.start()
    assert tab.run_fn.calls == []
    assert "cannot be trained" in errors[-1] and "Layer 2" in errors[-1]


def test_bad_settings_from_the_command_of_a_widget_cannot_start(qtbot, tab, errors):
    tab.run_fn = FakeTrainer(steps=2)
    tab.session.dataset_name = "no-such-dataset"
    assert not tab.start()
    assert "no dataset called" in errors[-1]


def test_confirm_close_while_training_asks_and_stops(qtbot, tab):
    trainer = FakeTrainer(endless=True)
    tab.run_fn = trainer
    assert tab.start()
    assert trainer.started.wait(10)
    tab.answer = False
    assert tab.confirm_close() is False and tab.is_training()
    tab.answer = True
    assert tab.confirm_close() is True
    qtbot.waitUntil(lambda: not tab.is_training(), timeout=10000)
    assert "Stop training" in tab.asked[-1]


def test_closing_the_window_while_training(qtbot, main_window):
    tab = main_window.tab_by_key["training"]
    trainer = FakeTrainer(endless=True)
    tab.run_fn = trainer
    asked = []
    tab.ask = lambda title, text: asked.append(text) or True
    main_window.select_tab("training")
    assert tab.start()
    assert trainer.started.wait(10)
    assert main_window.close()
    assert asked
    assert tab.slot.wait(0)  # stopped before the window went away, not abandoned
    qtbot.waitUntil(lambda: workers.live_tasks() == [], timeout=5000)


def test_confusion_cell_opens_images_and_hands_one_to_visualize(qtbot, tab):
    tab.run_fn = FakeTrainer(steps=2)
    tab.form.epochs_spin.setValue(1)
    start_and_wait(qtbot, tab)
    dialog = tab.results_panel.show_cell(0, 1)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1
    assert "true 0" in dialog.list.item(0).text() and "pred 1" in dialog.list.item(0).text()
    dialog.list.setCurrentRow(0)
    assert dialog.action_button.isEnabled()
    dialog.action_button.click()
    probe = tab.session.probe_image
    assert probe is not None and probe.label == "0" and "predicted 1" in probe.note
    assert probe.image.shape == (28, 28, 1)
    correct = tab.results_panel.show_cell(3, 3)
    qtbot.addWidget(correct)
    assert correct.list.count() == 5


def test_export_chart_and_history(qtbot, tab, tmp_path):
    tab.run_fn = FakeTrainer(steps=2)
    tab.form.epochs_spin.setValue(2)
    start_and_wait(qtbot, tab)
    tab.chart.save_png(tmp_path / "chart.png")
    tab.chart.save_csv(tmp_path / "history.csv")
    assert (tmp_path / "chart.png").read_bytes()[:4] == b"\x89PNG"
    lines = (tmp_path / "history.csv").read_text().splitlines()
    assert lines[0] == "epoch,loss,accuracy,val_loss,val_accuracy" and len(lines) == 3
    from cnnexplorer.core.files import FileWriteError

    with pytest.raises(FileWriteError, match="folder"):  # one sentence through core.files, not an OSError
        tab.chart.save_png(tmp_path)
    assert not list(tmp_path.glob(".*"))  # no temporary file left behind


def test_chart_hover_describes_the_nearest_epoch(qtbot, tab):
    tab.run_fn = FakeTrainer(steps=2)
    tab.form.epochs_spin.setValue(2)
    start_and_wait(qtbot, tab)
    text = tab.chart.describe_point(2.02)
    assert text.startswith("epoch 2") and "val_accuracy 0.7500" in text
    assert "batch loss" in tab.chart.describe_point(0.5)
    from types import SimpleNamespace

    chart = tab.chart
    with qtbot.waitSignal(chart.hovered) as blocker:
        chart._on_mouse(SimpleNamespace(inaxes=chart.ax_acc, xdata=1.98, ydata=0.8))
    assert blocker.args[0].startswith("epoch 2")
    assert chart._annotation.get_visible() and "val_loss" in chart._annotation.get_text()
    assert tab.hover_label.text().startswith("epoch 2")
    chart._on_mouse(SimpleNamespace(inaxes=None, xdata=None, ydata=None))
    assert not chart._annotation.get_visible()


def test_chart_redraws_are_throttled(qtbot, tab):
    chart = tab.chart
    chart.set_planned_epochs(2)
    before = chart.redraws
    for i in range(300):  # a flood of events between two timer ticks
        chart.add_events([Progress("batch", i % 50 + 1, 50, metrics={"loss": 1.0, "accuracy": 0.5,
                                                                       "epoch": float(i // 50)})])
    assert chart.redraws == before  # appending never draws
    qtbot.waitUntil(lambda: chart.redraws > before, timeout=2000)
    assert chart.redraws - before <= 2


# -- real training through the tab -------------------------------------------------------------

def tiny_design(lr=0.003):
    return ModelSpec(input_shape=(28, 28, 1), name="tiny-dense",
                     layers=[LayerSpec("Rescaling", {"scale": 1 / 255}), LayerSpec("Flatten"),
                             LayerSpec("Dense", {"units": 10, "activation": "softmax"})],
                     compile=CompileSpec(optimizer="adam", learning_rate=lr))


@pytest.mark.slow
def test_real_training_continue_and_save(qtbot, tab, tmp_path):
    tab.session.design = tiny_design()
    tab.form.epochs_spin.setValue(1)
    tab.form.batch_spin.setValue(256)
    start_and_wait(qtbot, tab)
    assert tab.chart.epochs == [1.0]
    matrix = tab.results_panel.matrix_view.matrix
    assert matrix.shape == (10, 10) and matrix.sum() == 1000
    assert tab.session.model is not None and tab.session.model_name.name == "tiny-dense"
    assert "Test accuracy" in tab.results_panel.test_label.text()
    assert tab.continue_training()
    qtbot.waitUntil(lambda: not tab.is_training(), timeout=120000)
    assert tab.chart.epochs == [1.0, 2.0]
    path = tmp_path / "tiny.keras"
    assert tab.save_model(str(path)) and path.is_file()


@pytest.mark.slow
def test_real_stop_during_the_first_batch(qtbot, tab):
    tab.session.design = tiny_design()
    tab.form.epochs_spin.setValue(50)
    assert tab.start()
    tab.stop()  # before or during the first batch
    qtbot.waitUntil(lambda: not tab.is_training(), timeout=120000)
    assert workers.live_tasks() == []
    assert len(tab.chart.epochs) == 0
    assert tab.start_button.isEnabled()


@pytest.mark.slow
def test_a_folder_of_28x28_grey_images_trains_the_mnist_cnn_in_the_tab(qtbot, tab, tmp_path):
    from cnnexplorer.core.images import save_png

    rng = np.random.default_rng(0)
    for c, value in (("dark", 40), ("light", 210)):
        (tmp_path / c).mkdir()
        for i in range(12):
            save_png(tmp_path / c / f"{i}.png", np.clip(rng.normal(value, 10, (28, 28, 1)), 0, 255).astype(np.uint8))
    tab.session.dataset_name = str(tmp_path)
    tab.form.epochs_spin.setValue(1)
    tab.form.batch_spin.setValue(8)
    start_and_wait(qtbot, tab)
    assert "outputs 10 classes" in tab.asked[0] and "28×28" not in tab.asked[0]  # no resize/convert question
    note = tab.form.dataset_note.text()
    assert "24 images" in note and "28×28 grey" in note
    view = tab.results_panel.matrix_view
    assert [view.horizontalHeaderItem(j).text() for j in range(2)] == ["dark", "light"]
