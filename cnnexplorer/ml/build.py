"""ModelSpec -> compiled keras.Model. The only step of the Builder that imports TensorFlow."""
from __future__ import annotations

from typing import Any

from cnnexplorer.core.spec import LAYER_DEFAULTS, LayerSpec, ModelSpec
from cnnexplorer.ml.runtime import keras


def layer_kwargs(layer: LayerSpec) -> dict[str, Any]:
    """The Keras constructor arguments of a layer: defaults overridden by the design's values."""
    kwargs = dict(LAYER_DEFAULTS[layer.type])
    kwargs.update(layer.params)
    return kwargs


def make_optimizer(name: str, learning_rate: float):
    k = keras()
    classes = {"rmsprop": k.optimizers.RMSprop, "adam": k.optimizers.Adam, "sgd": k.optimizers.SGD}
    return classes[name](learning_rate=learning_rate)


def build_model(spec: ModelSpec, compile: bool = True):
    """Build (and by default compile) the Sequential model a design describes."""
    k = keras()
    model = k.Sequential(name=spec.name.replace("-", "_") or "model")
    model.add(k.Input(shape=tuple(spec.input_shape)))
    for layer in spec.layers:
        cls = getattr(k.layers, layer.type)
        model.add(cls(**layer_kwargs(layer)))
    if compile:
        model.compile(
            optimizer=make_optimizer(spec.compile.optimizer, spec.compile.learning_rate),
            loss=spec.compile.loss,
            metrics=list(spec.compile.metrics),
        )
    return model


def load_model_file(path: str):
    """Load a ``.keras``/``.h5`` model in Keras' safe mode; returns (model, path).

    Safe mode refuses files that would run code when loaded (Lambda layers
    hold Python bytecode); the message says so instead of a bare traceback.
    """
    from pathlib import Path

    from cnnexplorer.core.errors import ModelFileError

    p = Path(path)
    if not p.is_file():
        raise ModelFileError(f"The model file {p} does not exist.")
    k = keras()
    try:
        model = k.saving.load_model(str(p), safe_mode=True, compile=True)
    except ValueError as exc:
        text = str(exc)
        if "Lambda" in text or "safe_mode" in text or "unsafe" in text.lower():
            raise ModelFileError(
                f"{p.name} contains a Lambda layer, i.e. Python code that would run when the file is opened. "
                "For your safety CNN Explorer opens models in Keras' safe mode, which refuses such files. "
                "Rebuild the model without Lambda layers, or open it only in your own trusted script."
            ) from None
        raise ModelFileError(f"{p.name} could not be opened as a Keras model ({_first_line(text)}).") from None
    except Exception as exc:  # truncated zips, HDF5 errors, random bytes ...
        raise ModelFileError(
            f"{p.name} is not a readable Keras model ({exc.__class__.__name__}: {_first_line(str(exc))}). "
            "The file may be truncated or of another kind; save the model again with model.save('name.keras')."
        ) from None
    return model, str(p)


def save_model_file(model, path: str) -> None:
    """Save as ``.keras`` through a temporary file, so a failed save never destroys the previous file."""
    import os
    from pathlib import Path

    target = Path(path)
    if target.suffix != ".keras":
        target = target.with_suffix(".keras")
    tmp = target.with_name(f".{target.stem}.saving.keras")  # Keras insists on the .keras suffix
    try:
        model.save(str(tmp))
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()


def _first_line(text: str) -> str:
    text = text.strip()
    return (text.splitlines()[0] if text else "no details")[:200]
