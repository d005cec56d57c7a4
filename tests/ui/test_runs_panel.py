"""Runs you can compare: kept runs beside the Training tab's chart, overlaid, tabled, renamed, deleted, imported."""
from __future__ import annotations

import csv
import io
import json

import pytest
from PySide6.QtCore import Qt

from cnnexplorer.core.runs import Run, RunStore
from cnnexplorer.core.session import Session
from cnnexplorer.ui.session_bridge import SessionBridge
from cnnexplorer.ui.tabs.training import TrainingTab
from cnnexplorer.ui.widgets.runs_panel import RunsPanel, default_run_folder


def make_run(name, acc=(0.6, 0.8, 0.9), val=(0.55, 0.7, 0.75), test=0.74, **kw):
    return Run(name, model_name=kw.pop("model_name", "mnist-cnn"), parameters=kw.pop("parameters", 34826),
               dataset="mnist-sample", seconds=kw.pop("seconds", 75.0),
               history={"loss": [1.0 / (i + 1) for i in range(len(acc))], "accuracy": list(acc),
                        "val_loss": [1.2 / (i + 1) for i in range(len(val))], "val_accuracy": list(val)},
               test={"test_loss": 0.5, "test_accuracy": test}, **kw)


@pytest.fixture
def tab(qtbot, errors):
    widget = TrainingTab(SessionBridge(Session()))
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show()
    widget.runs_panel.ask = lambda title, text: True
    yield widget
    assert widget.shutdown()


def test_runs_are_kept_in_the_app_data_folder_one_json_each(qtbot, tab):
    store = RunStore(default_run_folder())
    store.save(make_run("CNN"))
    store.save(make_run("Dense", parameters=101770))
    tab.runs_panel.reload()
    assert [r.name for r in tab.runs_panel.runs()] == ["CNN", "Dense"]
    assert len(list(default_run_folder().glob("*.json"))) == 2


def test_runs_saved_by_another_tab_appear_when_the_panel_is_shown(qtbot, tab):
    tab.hide()
    RunStore(default_run_folder()).save(make_run("pretrained head", kind="pretrained"))
    tab.show()
    qtbot.waitUntil(lambda: [r.name for r in tab.runs_panel.runs()] == ["pretrained head"], timeout=2000)


def test_two_runs_overlaid_and_compared(qtbot, tab):
    store = tab.runs_panel.store
    cnn, dense = make_run("CNN", test=0.97), make_run("Dense", val=(0.5, 0.6, 0.62), test=0.9, parameters=101770)
    store.save(cnn)
    store.save(dense)
    panel = tab.runs_panel
    panel.reload()
    assert not panel.compare_table.isVisible()
    for i in range(panel.list.count()):
        panel.list.item(i).setCheckState(Qt.CheckState.Checked)
    chart = tab.chart
    assert [r.name for r in chart.overlaid_runs] == ["CNN", "Dense"]
    legend = [t.get_text() for t in chart._legend.get_texts()]
    assert legend[:2] == ["CNN", "Dense"] and "validation" in legend
    # two runs × (training, validation) × (loss, accuracy) lines, drawn in two colours
    colours = {line.get_color() for line in chart.ax_acc.get_lines() if line.get_visible() and len(line.get_xdata())}
    assert len(colours) == 2
    styles = {line.get_linestyle() for line in chart.ax_acc.get_lines() if len(line.get_xdata())}
    assert {"-", "--"} <= styles
    # the comparison table stands where the test results were
    table = panel.compare_table
    assert table.isVisible() and table.rowCount() == 2
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == ["Run", "Parameters", "Epochs", "Time", "Best val. acc.", "Test acc.", "Train−val gap"]
    assert [table.item(0, c).text() for c in range(7)] == ["CNN", "34,826", "3", "1 min 15 s", "75.0%", "97.0%",
                                                          "+15.0 pt"]
    assert table.item(1, 4).text() == "62.0%" and table.item(1, 6).text() == "+28.0 pt"
    assert chart.describe_point(3.0).startswith("epoch 3") and "CNN 0.750" in chart.describe_point(3.0)
    rows = list(csv.reader(io.StringIO(panel.table_csv())))
    assert rows[0][:4] == ["run", "model", "dataset", "parameters"] and rows[1][0] == "CNN" and rows[2][3] == "101770"
    assert "CNN has the best accuracy (97.0%)" in tab.coach_label.text()
    # unticking returns to the live chart
    panel.set_checked([])
    assert chart.overlaid_runs == [] and not table.isVisible()


def test_overlay_png_and_table_csv_are_written(qtbot, tab, tmp_path):
    tab.runs_panel.store.save(make_run("CNN"))
    tab.runs_panel.reload()
    tab.runs_panel.set_checked({r.id for r in tab.runs_panel.runs()})
    tab.chart.save_png(tmp_path / "overlay.png")
    assert (tmp_path / "overlay.png").read_bytes()[:4] == b"\x89PNG"
    assert tab.runs_panel.export_csv(tmp_path / "runs.csv")
    assert (tmp_path / "runs.csv").read_text().splitlines()[1].startswith("CNN,mnist-cnn")


def test_rename_is_stored(qtbot, tab, errors):
    panel = tab.runs_panel
    run = make_run("first try")
    panel.store.save(run)
    panel.reload()
    item = panel.item_of(run.id)
    item.setText("CNN without pooling")  # as after a double-click edit
    assert panel.store.get(run.id).name == "CNN without pooling"
    assert panel.runs()[0].name == "CNN without pooling"
    item.setText("   ")  # an empty name is refused and the old one comes back
    assert item.text() == "CNN without pooling" and "name" in errors[-1]


def test_delete_asks_and_removes_the_file(qtbot, tab):
    panel = tab.runs_panel
    keep, gone = make_run("keep"), make_run("gone")
    panel.store.save(keep)
    panel.store.save(gone)
    panel.reload()
    panel.list.setCurrentItem(panel.item_of(gone.id))
    panel.ask = lambda title, text: False
    assert not panel.delete_current() and panel.list.count() == 2
    panel.ask = lambda title, text: True
    assert panel.delete_current()
    assert [r.name for r in panel.runs()] == ["keep"]
    assert [r.name for r in panel.store.list()] == ["keep"]


def test_a_corrupt_run_file_is_skipped_with_a_note(qtbot, tmp_path, errors):
    store = RunStore(tmp_path)
    store.save(make_run("good"))
    (tmp_path / "damaged.json").write_text('{"format": "cnnexplorer-run", "name": ', encoding="utf-8")
    panel = RunsPanel(store)
    qtbot.addWidget(panel)
    panel.show()
    assert [r.name for r in panel.runs()] == ["good"]
    assert panel.note.isVisible() and "damaged.json" in panel.note.text() and "skipped" in panel.note.text()
    assert errors == []  # a note, not an error dialog at start-up


def test_a_run_from_train_history_opens_in_the_app(qtbot, tab, tmp_path, capsys):
    from cnnexplorer.cli import main
    from cnnexplorer.core.spec import CompileSpec, LayerSpec, ModelSpec, save_spec

    spec = ModelSpec(input_shape=(28, 28, 1), name="tiny-dense",
                     layers=[LayerSpec("Rescaling", {"scale": 1 / 255}), LayerSpec("Flatten"),
                             LayerSpec("Dense", {"units": 10, "activation": "softmax"})],
                     compile=CompileSpec(optimizer="adam", learning_rate=0.003))
    save_spec(spec, tmp_path / "tiny.json")
    model, history = tmp_path / "tiny.keras", tmp_path / "run.json"
    assert main(["train", "--spec", str(tmp_path / "tiny.json"), "--epochs", "2", "--batch-size", "256",
                 "--validation-split", "0.1", "--out", str(model), "--history", str(history)]) == 0
    printed = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    model.unlink()  # the model file is gone: the run still shows its history
    run = tab.runs_panel.import_file(history)
    assert run is not None and run.name == "tiny-dense · mnist-sample" and run.model_missing()
    assert [r.name for r in tab.chart.overlaid_runs] == ["tiny-dense · mnist-sample"]
    table = tab.runs_panel.compare_table
    assert table.rowCount() == 1 and table.item(0, 1).text() == "7,850" and table.item(0, 2).text() == "2"
    assert table.item(0, 5).text() == f"{printed['test_accuracy']:.1%}"
    assert "gone" in tab.runs_panel.item_of(run.id).toolTip()
    assert len(list(tab.runs_panel.store.folder.glob("*.json"))) == 1  # kept for the next start


def test_importing_something_else_says_why(qtbot, tab, tmp_path, errors):
    bad = tmp_path / "design.json"
    bad.write_text('{"format": "cnnexplorer-design"}', encoding="utf-8")
    assert tab.runs_panel.import_file(bad) is None
    assert "run" in errors[-1] and tab.runs_panel.list.count() == 0
