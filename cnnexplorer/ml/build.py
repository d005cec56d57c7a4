"""ModelSpec -> compiled keras.Model. The only step of the Builder that imports TensorFlow."""
from __future__ import annotations

from typing import Any

from cnnexplorer.core.errors import SpecError
from cnnexplorer.core.i18n import translate
from cnnexplorer.core.shapes import infer_shapes, validate
from cnnexplorer.core.spec import (
    ACTIVATIONS,
    LAYER_DEFAULTS,
    LOSSES,
    OPTIMIZERS,
    CompileSpec,
    LayerSpec,
    ModelSpec,
    default_loss,
)
from cnnexplorer.ml.codegen import export_code, python_name  # noqa: F401  (re-exported: build.export_code)
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


def build_model(spec: ModelSpec, compile: bool = True, check: bool = True):
    """Build (and by default compile) the Sequential model a design describes.

    A design with problems raises :class:`SpecError` carrying the same
    messages the Builder shows (layer, problem, fix), never a raw Keras error.
    ``check=False`` skips that (tests use it to compare the checks with Keras).
    """
    problems = validate(spec) if check else []
    if problems:
        raise SpecError(translate("build", "This design cannot be built yet:") + "\n"
                        + "\n".join(p.message for p in problems))
    k = keras()
    model = k.Sequential(name=python_name(spec.name))
    model.add(k.Input(shape=tuple(spec.input_shape)))
    for index, layer in enumerate(spec.layers, start=1):
        cls = getattr(k.layers, layer.type)
        try:
            model.add(cls(**layer_kwargs(layer)))
        except (ValueError, TypeError) as exc:  # the checks above should make this unreachable
            raise SpecError(translate("build", "Layer {index} {type}: Keras refused it ({reason}). Change its "
                                               "settings.")
                            .format(index=index, type=layer.type, reason=_first_line(str(exc)))) from None
    if compile:
        model.compile(
            optimizer=make_optimizer(spec.compile.optimizer, spec.compile.learning_rate),
            loss=spec.compile.loss,
            metrics=list(spec.compile.metrics),
        )
    return model


def _first_line(text: str) -> str:
    text = text.strip()
    return (text.splitlines()[0] if text else translate("build", "no details"))[:200]


# -- a loaded model back into an editable design ---------------------------------------

# Keras config keys that must have these values for the builder to represent a
# layer faithfully (anything else would be silently dropped by the design).
_MUST_BE: dict[str, Any] = {
    "use_bias": True, "dilation_rate": 1, "groups": 1, "depth_multiplier": 1,
    "data_format": "channels_last", "mask_zero": False, "center": True, "scale_bn": True,
    "noise_shape": None, "axis": -1,
    "kernel_regularizer": None, "bias_regularizer": None, "activity_regularizer": None,
    "depthwise_regularizer": None, "pointwise_regularizer": None, "embeddings_regularizer": None,
    "kernel_constraint": None, "bias_constraint": None, "depthwise_constraint": None,
    "pointwise_constraint": None, "embeddings_constraint": None, "beta_regularizer": None,
    "gamma_regularizer": None, "momentum": 0.99, "epsilon": 0.001,
}


def _plain(value: Any) -> Any:
    """(3, 3) -> 3; [2, 2] -> 2; tuples -> lists (JSON-friendly)."""
    if isinstance(value, (list, tuple)):
        values = list(value)
        return values[0] if len(set(values)) == 1 else values
    return value


def _layer_spec_from_keras(index: int, layer, model_name: str) -> LayerSpec:
    type_ = layer.__class__.__name__
    if type_ not in LAYER_DEFAULTS:
        raise SpecError(
            translate("build", "Layer {index} {type} ({layer}) is not a layer the Builder knows, so {model} opens "
                               "read-only: you can train, inspect and visualise it, but not edit it. To edit it, "
                               "rebuild it from Builder layers.")
            .format(index=index, type=type_, layer=layer.name, model=model_name)
        )
    config = layer.get_config()
    for key, wanted in _MUST_BE.items():
        cfg_key = "scale" if key == "scale_bn" else key
        if key in ("scale_bn", "momentum", "epsilon") and type_ != "BatchNormalization":
            continue
        if cfg_key not in config:
            continue
        value = _plain(config[cfg_key])
        if key == "axis" and type_ == "BatchNormalization" and value in (-1, len(layer.input.shape) - 1):
            continue
        if key == "data_format" and value in (None, "channels_last"):
            continue
        if value != wanted:
            raise SpecError(
                translate("build", "Layer {index} {type} ({layer}) uses {setting}, which the Builder cannot edit, so "
                                   "{model} opens read-only (train, inspect and visualise it as it is).")
                .format(index=index, type=type_, layer=layer.name, setting=f"{cfg_key}={config[cfg_key]!r}",
                        model=model_name)
            )
    params: dict[str, Any] = {}
    for name in LAYER_DEFAULTS[type_]:
        if name not in config:
            continue
        value = _plain(config[name])
        if name == "activation":
            if isinstance(value, dict) or value not in ACTIVATIONS:
                raise SpecError(
                    translate("build", "Layer {index} {type} ({layer}) uses the activation {value}, which the "
                                       "Builder does not offer, so {model} opens read-only.")
                    .format(index=index, type=type_, layer=layer.name, value=repr(value), model=model_name)
                )
        if name == "padding" and value not in ("valid", "same"):
            raise SpecError(translate("build", "Layer {index} {type} ({layer}) uses padding={value}, which the "
                                               "Builder does not offer, so {model} opens read-only.")
                            .format(index=index, type=type_, layer=layer.name, value=repr(value), model=model_name))
        params[name] = value
    return LayerSpec(type_, params)


def _compile_from_model(model, layers: list[LayerSpec]) -> CompileSpec:
    compile_spec = CompileSpec()
    last = layers[-1] if layers else None
    if last is not None and last.type == "Dense":
        compile_spec.loss = default_loss(last.arg("units"), last.arg("activation"))
    optimizer = getattr(model, "optimizer", None)
    if optimizer is not None:
        name = optimizer.__class__.__name__.lower()
        if name in OPTIMIZERS:
            compile_spec.optimizer = name
        try:
            compile_spec.learning_rate = float(optimizer.learning_rate.numpy())
        except Exception:  # schedules etc.: keep the default
            pass
    loss = getattr(model, "loss", None)
    loss_name = loss if isinstance(loss, str) else getattr(loss, "name", None)
    if isinstance(loss_name, str) and loss_name in LOSSES:
        compile_spec.loss = loss_name
    return compile_spec


def spec_from_model(model, name: str | None = None) -> ModelSpec:
    """The editable design of a Keras model whose layers are all Builder layers, in one chain.

    Raises :class:`SpecError` (saying why, and that the model opens read-only)
    otherwise: unknown layer types, options the Builder cannot edit, branches,
    several inputs, or inputs without a fixed size.
    """
    model_name = name or getattr(model, "name", None) or translate("build", "the model")
    inputs = getattr(model, "inputs", None) or []
    if not inputs:
        raise SpecError(translate("build", "{model} has no known inputs; the Builder edits one-input models only, "
                                           "so it opens read-only.").format(model=model_name))
    if len(inputs) != 1:
        raise SpecError(translate("build", "{model} has {count} inputs; the Builder edits one-input models only, "
                                           "so it opens read-only.").format(model=model_name, count=len(inputs)))
    shape = tuple(inputs[0].shape[1:])
    if not shape or any(d is None for d in shape):
        raise SpecError(translate("build", "{model} accepts inputs of any size {shape}; the Builder needs a fixed "
                                           "input size, so it opens read-only.").format(model=model_name, shape=shape))
    chain = [layer for layer in model.layers if layer.__class__.__name__ != "InputLayer"]
    if not isinstance(model, keras().Sequential):
        previous = inputs[0]
        for layer in chain:
            try:
                linked = layer.input is previous
            except Exception:  # a layer used several times has no single input
                linked = False
            if not linked:
                raise SpecError(translate("build", "{model} is not a simple chain of layers (it branches or merges "
                                                   "at {layer}); the Builder edits chains only, so it opens "
                                                   "read-only.").format(model=model_name, layer=layer.name))
            previous = layer.output
    layers = [_layer_spec_from_keras(i, layer, model_name) for i, layer in enumerate(chain, start=1)]
    spec = ModelSpec(input_shape=tuple(int(d) for d in shape), layers=layers,
                     compile=_compile_from_model(model, layers), name=str(model_name))
    report = infer_shapes(spec)
    if report.keras_buildable and report.total_params != model.count_params():
        raise SpecError(translate("build", "{model}'s layers could not be reproduced exactly (the design would "
                                           "have {design:,} parameters, the file has {file:,}), so it opens "
                                           "read-only.")
                        .format(model=model_name, design=report.total_params, file=model.count_params()))
    return spec


def model_rows(model) -> tuple[tuple | None, list[tuple[str, str, tuple | None, int]]]:
    """(input shape, [(layer name, class name, output shape, parameters), ...]) of any Keras model.

    What the Builder shows for a model it cannot turn into a design (read-only).
    """
    def shape_of(tensor) -> tuple | None:
        try:
            return tuple(tensor.shape[1:])
        except Exception:  # layers used several times, nested models without a single output
            return None

    inputs = getattr(model, "inputs", None) or []
    input_shape = shape_of(inputs[0]) if len(inputs) == 1 else None
    rows = []
    for layer in model.layers:
        if layer.__class__.__name__ == "InputLayer":
            continue
        try:
            out = shape_of(layer.output)
        except Exception:
            out = None
        rows.append((layer.name, layer.__class__.__name__, out, int(layer.count_params())))
    return input_shape, rows
