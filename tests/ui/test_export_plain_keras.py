"""File > Export for plain Keras…: a design or a trained model, as .keras or legacy .h5, opens where CNN Explorer
is not installed and predicts the same."""

import numpy as np
import pytest


def _choose(monkeypatch, path, which):
    from cnnexplorer.ui import main_window as mw

    def fake(parent, title, start, filters):
        options = filters.split(";;")
        return str(path), options[which]

    monkeypatch.setattr(mw.QFileDialog, "getSaveFileName", staticmethod(fake))


@pytest.mark.parametrize("which, suffix", [(0, ".keras"), (1, ".h5")])
def test_a_trained_model_exports_for_plain_keras(main_window, monkeypatch, tmp_path, errors, which, suffix,
                                                 plain_keras_predict):
    from cnnexplorer.core.spec import template
    from cnnexplorer.ml.build import build_model
    from cnnexplorer.ml.data import load_dataset

    data = load_dataset("mnist-sample")
    model = build_model(template("mnist-cnn"))
    model.fit(data.x_train[:256].astype("float32"), data.y_train[:256], epochs=1, batch_size=64, verbose=0)
    main_window.session.model = model
    _choose(monkeypatch, tmp_path / "digits", which)  # no suffix typed: the chosen format gives it
    main_window.export_model_action.trigger()
    out = tmp_path / f"digits{suffix}"
    assert out.is_file() and errors == []
    x = data.x_test[:8].astype("float32")
    assert np.max(np.abs(plain_keras_predict(out, x, tmp_path) - model.predict(x, verbose=0))) <= 1e-5


def test_a_design_exports_untrained_when_there_is_no_model(main_window, monkeypatch, tmp_path, errors,
                                                            plain_keras_predict):
    from cnnexplorer.core.spec import template
    from cnnexplorer.ml.model_files import load_model_file

    main_window.session.model = None
    main_window.session.design = template("mnist-cnn")
    _choose(monkeypatch, tmp_path / "design.h5", 0)
    main_window.export_model_action.trigger()
    assert (tmp_path / "design.h5").is_file() and errors == []
    x = np.random.default_rng(0).integers(0, 256, (4, 28, 28, 1)).astype("float32")
    mine, _ = load_model_file(tmp_path / "design.h5")
    assert np.max(np.abs(plain_keras_predict(tmp_path / "design.h5", x, tmp_path) - mine.predict(x, verbose=0))) <= 1e-5
