"""The one training run (tab and CLI): the model, the numbers, the class names and the run record."""
from __future__ import annotations

import numpy as np
import pytest

from cnnexplorer.core.configs import TrainingConfig
from cnnexplorer.core.images import save_png
from cnnexplorer.core.progress import Progress
from cnnexplorer.core.runs import Run
from cnnexplorer.core.spec import CompileSpec, LayerSpec, ModelSpec
from cnnexplorer.ml.class_names import class_names
from cnnexplorer.ml.training_run import run_training


def tiny(units=10, shape=(28, 28, 1)):
    return ModelSpec(input_shape=shape, name="tiny-dense",
                     layers=[LayerSpec("Rescaling", {"scale": 1 / 255}), LayerSpec("Flatten"),
                             LayerSpec("Dense", {"units": units, "activation": "softmax"})],
                     compile=CompileSpec(optimizer="adam", learning_rate=0.003))


def test_a_run_returns_the_model_predictions_and_its_record():
    events: list[Progress] = []
    outcome = run_training(tiny(), "mnist-sample", TrainingConfig(epochs=2, batch_size=256, validation_split=0.1),
                           progress=events.append)
    run = outcome.run
    assert isinstance(run, Run) and run.name == "tiny-dense · mnist-sample" and run.kind == "training"
    assert run.epochs == 2 and run.parameters == 7850 and run.settings["batch_size"] == 256
    assert run.settings["learning_rate"] == pytest.approx(0.003) and run.settings["optimizer"] == "adam"
    assert run.test_accuracy == pytest.approx(outcome.result.test_accuracy) and not run.stopped
    assert len(outcome.predictions) == len(outcome.dataset.y_test)
    assert class_names(outcome.model) == [str(i) for i in range(10)]  # names travel with the model
    assert Run.from_json(run.to_json()).history == run.history
    assert any(e.kind == "dataset" and "images" in e.message for e in events)


def test_an_image_folder_is_read_at_the_models_size_with_a_note(tmp_path):
    rng = np.random.default_rng(0)
    for c, value in (("dark", 40), ("light", 210)):
        (tmp_path / c).mkdir()
        for i in range(12):
            save_png(tmp_path / c / f"{i}.png", np.clip(rng.normal(value, 10, (28, 28, 1)), 0, 255).astype(np.uint8))
    events: list[Progress] = []
    outcome = run_training(tiny(units=2), str(tmp_path), TrainingConfig(epochs=1, batch_size=8),
                           progress=events.append)
    assert outcome.dataset.x_train.shape[1:] == (28, 28, 1)
    note = next(e.message for e in events if e.kind == "dataset")
    assert "28×28" in note and "grey" in note
    assert outcome.run.class_names == ["dark", "light"] and class_names(outcome.model) == ["dark", "light"]
