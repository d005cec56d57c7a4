"""Runs as data: JSON round-trip, derived measures, and a store that never trips over a bad file."""
import json
import math

import pytest

from cnnexplorer.core.errors import UserError
from cnnexplorer.core.runs import MAX_RUN_FILE_BYTES, Run, RunFileError, RunStore, read_run_file


def _run(name="mnist-cnn · 5 epochs", **kw) -> Run:
    values = dict(
        model_name="mnist-cnn", parameters=34826, dataset="mnist-sample",
        settings={"epochs": 3, "batch_size": 64, "learning_rate": 0.001, "method": "scratch"},
        history={"loss": [1.2, 0.6, 0.4], "accuracy": [0.6, 0.85, 0.9],
                 "val_loss": [0.9, 0.7, math.nan], "val_accuracy": [0.7, 0.8, 0.82]},
        test={"test_loss": 0.45, "test_accuracy": 0.88}, seconds=12.345, class_names=["0", "1"],
    )
    values.update(kw)
    return Run(name, **values)


def test_round_trip_keeps_every_field_and_writes_null_for_nan():
    run = _run(model_path="/nowhere/model.keras", stopped=True, stop_reason="cancelled", kind="lesson")
    text = run.to_json()
    data = json.loads(text)
    assert data["format"] == "cnnexplorer-run" and data["version"] == 1
    assert data["history"]["val_loss"][2] is None  # JSON has no NaN
    again = Run.from_json(text)
    assert again.name == run.name and again.id == run.id and again.kind == "lesson"
    assert again.settings == run.settings and again.test == run.test and again.class_names == ["0", "1"]
    assert again.history["loss"] == run.history["loss"]
    assert math.isnan(again.history["val_loss"][2])
    assert again.stopped and again.stop_reason == "cancelled" and not again.finished


def test_derived_measures():
    run = _run()
    assert run.epochs == 3
    assert run.best_val_accuracy == pytest.approx(0.82)
    assert run.final_gap == pytest.approx(0.9 - 0.82)
    assert run.test_accuracy == pytest.approx(0.88)
    summary = run.summary()
    assert summary["parameters"] == 34826 and summary["train_val_gap"] == pytest.approx(0.08)
    empty = Run("empty")
    assert empty.epochs == 0 and empty.best_val_accuracy is None and empty.final_gap is None
    assert empty.test_accuracy is None


def test_missing_model_file_is_noticed_but_history_stays(tmp_path):
    run = _run(model_path=str(tmp_path / "gone.keras"))
    assert run.model_missing()
    assert Run.from_json(run.to_json()).history["accuracy"] == [0.6, 0.85, 0.9]
    (tmp_path / "gone.keras").write_bytes(b"x")
    assert not run.model_missing()


@pytest.mark.parametrize("text, words", [
    ("[1, 2]", "JSON object"),
    ('{"format": "something-else"}', "format"),
    ('{"format": "cnnexplorer-run", "version": 99, "name": "x"}', "newer"),
    ('{"format": "cnnexplorer-run", "version": 1, "name": "x", "history": [1]}', "history"),
    ('{"format": "cnnexplorer-run", "version": 1, "name": ""}', "name"),
    ("{not json", "not valid JSON"),
])
def test_bad_run_json_says_why(text, words):
    with pytest.raises(RunFileError, match=words):
        Run.from_json(text)


def test_older_train_history_file_is_read():
    legacy = {"history": {"loss": [0.5, 0.3], "accuracy": [0.8, 0.9]}, "config": {"epochs": 2},
              "dataset": "mnist-sample", "model": "mnist-cnn", "test_accuracy": 0.91, "test_loss": 0.3,
              "epochs_run": 2, "seconds": 4.0, "cancelled": False, "stop_reason": ""}
    run = Run.from_dict(legacy)
    assert run.model_name == "mnist-cnn" and run.test_accuracy == pytest.approx(0.91) and run.epochs == 2


def test_store_save_list_rename_delete(tmp_path):
    store = RunStore(tmp_path / "runs")
    assert store.list() == []  # no folder yet: nothing, no error
    first, second = _run("first", started_at="2026-01-01T10:00:00+00:00"), _run("second",
                                                                                started_at="2026-01-01T11:00:00+00:00")
    store.save(second)
    store.save(first)
    assert [r.name for r in store.list()] == ["first", "second"]
    renamed = store.rename(first.id, "  CNN,\n augmented ")
    assert renamed.name == "CNN, augmented"
    assert [r.name for r in store.list()] == ["CNN, augmented", "second"]
    with pytest.raises(UserError):
        store.rename(first.id, "   ")
    store.delete(second.id)
    assert [r.name for r in store.list()] == ["CNN, augmented"]
    store.delete(second.id)  # already gone: nothing to do
    assert not list((tmp_path / "runs").glob(".*"))  # no temporary files left behind


def test_store_skips_corrupt_foreign_and_oversized_files_with_a_note(tmp_path):
    store = RunStore(tmp_path)
    good = _run("good")
    store.save(good)
    (tmp_path / "broken.json").write_text('{"format": "cnnexplorer-run", "vers', encoding="utf-8")
    (tmp_path / "foreign.json").write_text('{"hello": 1}', encoding="utf-8")
    (tmp_path / "binary.json").write_bytes(b"\xff\xfe\x00garbage")
    with open(tmp_path / "huge.json", "wb") as fh:
        fh.truncate(MAX_RUN_FILE_BYTES + 10)
    (tmp_path / "notes.txt").write_text("not a run", encoding="utf-8")
    runs = store.list()
    assert [r.name for r in runs] == ["good"]
    assert sorted(name for name, _ in store.skipped) == ["binary.json", "broken.json", "foreign.json", "huge.json"]
    assert "4 run file(s)" in store.skipped_note()
    assert "more than" in dict(store.skipped)["huge.json"]


def test_import_gives_a_fresh_id_when_it_clashes(tmp_path):
    store = RunStore(tmp_path / "store")
    run = _run("shared")
    store.save(run)
    outside = tmp_path / "run.json"
    outside.write_text(run.to_json(), encoding="utf-8")
    imported = store.import_file(outside)
    assert imported.id != run.id
    assert sorted(r.name for r in store.list()) == ["shared", "shared"]
    assert read_run_file(store.path_of(imported.id)).name == "shared"


def test_a_continued_run_is_one_record():
    first = _run(stopped=True, stop_reason="cancelled")
    more = Run("x", history={"loss": [0.3], "accuracy": [0.95], "val_loss": [0.5], "val_accuracy": [0.9]},
               test={"test_accuracy": 0.93}, seconds=2.0)
    both = first.continued(more)
    assert both.id == first.id and both.name == first.name and both.epochs == 4 and not both.stopped
    assert both.history["accuracy"] == [0.6, 0.85, 0.9, 0.95] and both.test_accuracy == 0.93
    assert both.seconds == pytest.approx(14.345) and both.settings["epochs"] == 4


def test_run_ids_cannot_escape_the_folder(tmp_path):
    store = RunStore(tmp_path)
    with pytest.raises(UserError):
        store.path_of("../etc/passwd")


def test_the_coach_compares_overlaid_runs():
    from cnnexplorer.core.coach import compare_runs

    cnn = _run("CNN", test={"test_accuracy": 0.97})
    dense = _run("Dense", test={"test_accuracy": 0.91},
                 history={"accuracy": [0.9, 0.99], "val_accuracy": [0.85, 0.88]})
    text = compare_runs([cnn, dense]).text
    assert "Comparing 2 runs: CNN has the best accuracy (97.0%)" in text
    assert "Dense has the largest train−validation gap (+11.0 points)" in text
    assert "CNN: 3 epoch(s), accuracy 88.0%" in compare_runs([_run("CNN", test={"test_accuracy": 0.88})]).text
