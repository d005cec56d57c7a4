"""Run a model layer by layer and tap any layer's output, also inside nested models.

Keras 3 cannot build ``keras.Model(outer.inputs, inner_layer.output)`` when the
inner layer lives in a base model nested inside a Sequential/Functional model
(the tutorial's "VGG16 + new head" case): the inner tensor belongs to the base
model's own graph. Instead of building sub-models, :class:`Tapper` re-runs the
model's own graph (the Sequential layer list, or the Functional node graph via
Keras' ``_run_through_graph``), descending into nested models, and records the
outputs of the layers asked for. The same weights are used, so results are the
model's own. The final layer's activation is left out (softmax/sigmoid), which
gives the class scores *before* softmax that Grad-CAM needs.

Layer paths are names joined with "/" from the outer model down, e.g.
``"vgg16/block5_conv3"``. All code here uses ``keras.ops`` so it also runs on
symbolic tensors (used to find output shapes without computing anything).
"""
from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass
from typing import Any

from cnnexplorer.core.errors import UserError
from cnnexplorer.core.i18n import translate
from cnnexplorer.ml.runtime import keras

SQUASHING = ("softmax", "sigmoid")


@dataclass(frozen=True)
class LayerInfo:
    """A layer of a (possibly nested) model as the Visualize tab lists it."""

    path: str
    kind: str  # the Keras class name, e.g. "Conv2D"
    shape: tuple  # output shape without the batch axis, e.g. (26, 26, 32)
    depth: int  # 0 = top level, 1 = inside a nested model, ...

    @property
    def is_conv(self) -> bool:
        return "Conv" in self.kind and len(self.shape) == 3 and "Transpose" not in self.kind

    @property
    def is_pool(self) -> bool:
        return "Pooling" in self.kind and "Global" not in self.kind and len(self.shape) == 3

    @property
    def is_spatial(self) -> bool:
        return len(self.shape) == 3

    @property
    def channels(self) -> int:
        return int(self.shape[-1]) if self.shape else 0


class _Stop(Exception):
    """Raised inside a forward run once every requested tap is recorded (truncated model)."""


def is_model(layer: Any) -> bool:
    return isinstance(layer, keras().Model)


def is_sequential(model: Any) -> bool:
    return isinstance(model, keras().Sequential)


def is_functional(model: Any) -> bool:
    return hasattr(model, "_run_through_graph") and hasattr(model, "_nodes_by_depth") and not is_sequential(model)


def activation_name(layer: Any) -> str:
    act = getattr(layer, "activation", None)
    if act is None:
        return ""
    return getattr(act, "__name__", type(act).__name__)


def _is_squash_layer(layer: Any) -> str:
    """"softmax"/"sigmoid" if the layer is only that activation (Activation or Softmax layer), else ""."""
    name = type(layer).__name__
    if name == "Softmax":
        return "softmax"
    if name == "Activation" and activation_name(layer) in SQUASHING:
        return activation_name(layer)
    return ""


def input_shape(model: Any) -> tuple:
    """The model's input shape without the batch axis, e.g. (28, 28, 1); raises UserError if it has several."""
    inputs = None
    try:
        inputs = model.inputs
    except Exception:  # an Input-less Sequential that was never called
        inputs = None
    if inputs:
        if len(inputs) != 1:
            raise UserError(translate(
                "graph", "This model has {count} inputs; Visualize works on models with one image input. "
                "Open a model with a single image input.").format(count=len(inputs)))
        return tuple(inputs[0].shape[1:])
    shape = getattr(model, "_build_shapes_dict", None) or {}
    if shape:
        first = list(shape.values())[0]
        return tuple(first[1:])
    for layer in getattr(model, "layers", []):
        batch_shape = getattr(layer, "batch_shape", None) or getattr(layer, "_batch_input_shape", None)
        if batch_shape:
            return tuple(batch_shape[1:])
        break
    raise UserError(translate(
        "graph", "This model has no known input shape yet. Build it with an Input layer (or train it once) and "
        "try again."))


def require_image_model(model: Any) -> tuple:
    """The input shape (H, W, C) of an image model; a UserError for sequence or other models."""
    shape = input_shape(model)
    if len(shape) != 3 or shape[-1] not in (1, 3, 4):
        raise UserError(translate(
            "graph", "This model takes inputs of shape {shape}, not images (height × width × 1 or 3 channels). "
            "Visualize works on image models: train an image model or open one.").format(shape=tuple(shape)))
    return shape


class Tapper:
    """Forward function of ``model`` that also returns the outputs of the layers in ``taps``.

    ``tapper(x)`` returns ``(list_of_tap_outputs, scores)`` where ``scores`` are the final
    layer's values before a softmax/sigmoid (``None`` when ``need_scores`` is False: the
    run then stops right after the last tap, which truncates the model for filter patterns).
    ``pre_activation`` records the listed taps before their own activation function
    (filter patterns maximise the pre-ReLU output so dead filters can move).
    """

    def __init__(self, model: Any, taps: tuple[str, ...] = (), need_scores: bool = True,
                 pre_activation: bool = False) -> None:
        self.model = model
        self.taps = tuple(taps)
        self.need_scores = need_scores
        self.pre_activation = pre_activation
        self.final_activation = ""  # filled by the first run: "softmax", "sigmoid" or ""
        self._lock = threading.Lock()
        known = {info.path for info in list_layers(model)}
        for tap in self.taps:
            if tap not in known:
                raise UserError(translate("graph", "The model has no layer {layer!r}. Choose one of: {names}.")
                                .format(layer=tap, names=", ".join(sorted(known))))
        if not self.taps and not need_scores:
            raise ValueError("nothing to compute")

    # -- running -------------------------------------------------------------
    def __call__(self, x):
        record: dict[str, Any] = {}
        scores = None
        with self._lock:  # the swap fallback in _pre_activation touches layer attributes
            try:
                scores = self._run(self.model, x, "", record, final=self.need_scores)
            except _Stop:
                pass
        return [record[t] for t in self.taps], scores

    def _wants_inside(self, prefix: str) -> bool:
        return any(t.startswith(prefix) for t in self.taps)

    def _run(self, model, x, prefix: str, record: dict, final: bool):
        if is_sequential(model):
            layers = model.layers
            for i, layer in enumerate(layers):
                x = self._call(layer, (x,), {}, prefix, record, final and i == len(layers) - 1)
            return x
        if is_functional(model):
            outputs = model.outputs
            final_ops = set()
            if final and len(outputs) == 1:
                final_ops.add(id(outputs[0]._keras_history.operation))
            elif final:
                raise UserError(translate(
                    "graph", "This model has {count} outputs; Visualize explains models with one output. "
                    "Open a single-output classifier.").format(count=len(outputs)))

            def operation_fn(op):
                def call(*args, **kwargs):
                    kwargs.pop("training", None)
                    return self._call(op, args, kwargs, prefix, record, id(op) in final_ops)

                return call

            result = model._run_through_graph(model._standardize_inputs(x), operation_fn=operation_fn)
            return result[0] if isinstance(result, (list, tuple)) and len(result) == 1 else result
        # A subclassed model: we cannot look inside, only call it.
        return model(x, training=False)

    def _call(self, layer, args, kwargs, prefix: str, record: dict, final: bool):
        path = prefix + layer.name
        if is_model(layer) and (final or self._wants_inside(path + "/")):
            out = self._run(layer, args[0], path + "/", record, final)
        elif final and _is_squash_layer(layer):
            self.final_activation = _is_squash_layer(layer)
            out = args[0]  # the scores before softmax/sigmoid
        elif final and activation_name(layer) in SQUASHING:
            self.final_activation = activation_name(layer)
            out = self._pre_activation(layer, args[0])
        elif self.pre_activation and path in self.taps and activation_name(layer) not in ("", "linear"):
            out = self._pre_activation(layer, args[0])
        else:
            out = layer(*args, **kwargs, training=False) if is_model(layer) else layer(*args, **kwargs)
        if path in self.taps:
            record[path] = out
            if not self.need_scores and all(t in record for t in self.taps):
                raise _Stop()
        return out

    @staticmethod
    def _pre_activation(layer, x):
        """The layer's output before its activation function, with the layer's own weights."""
        ops = keras().ops
        base_names = {cls.__name__ for cls in type(layer).__mro__}
        def plain() -> bool:  # a kernel of its own, no LoRA: asked only of Dense and Conv layers
            return getattr(layer, "kernel", None) is not None and not getattr(layer, "lora_enabled", False)

        if "Dense" in base_names and plain():
            kernel = layer.kernel
            out = ops.matmul(ops.cast(x, kernel.dtype), kernel)
            if layer.bias is not None:
                out = ops.add(out, layer.bias)
            return out
        if "BaseConv" in base_names and plain():
            kernel = layer.kernel
            out = layer.convolution_op(ops.cast(x, kernel.dtype), kernel)
            if layer.use_bias:
                shape = (1,) * (len(out.shape) - 1) + (layer.filters,)
                if layer.data_format != "channels_last":
                    shape = (1, layer.filters) + (1,) * (len(out.shape) - 2)
                out = ops.add(out, ops.reshape(layer.bias, shape))
            return out
        # Any other layer with an activation: call it with the activation switched off
        # (only while this call runs; the tapper's lock keeps concurrent runs of ours apart).
        saved = layer.activation
        layer.activation = None
        try:
            return layer(x)
        finally:
            layer.activation = saved


def list_layers(model: Any) -> list[LayerInfo]:
    """Every layer with its path and output shape, nested models expanded (after the nested model itself).

    Shapes come from one symbolic run (no computation), so this is quick even for VGG16.
    """
    cached = _layer_cache.get(model)
    if cached is not None:
        return cached
    k = keras()
    shape = input_shape(model)
    entries: list[tuple[str, Any, int]] = []

    def walk(m, prefix: str, depth: int) -> None:
        for layer in m.layers:
            if type(layer).__name__ == "InputLayer":
                continue
            entries.append((prefix + layer.name, layer, depth))
            if is_model(layer):
                walk(layer, prefix + layer.name + "/", depth + 1)

    walk(model, "", 0)
    shapes: dict[str, tuple] = {}
    recorder = _ShapeRecorder(model, [e[0] for e in entries])
    try:
        recorder(k.KerasTensor((1,) + tuple(shape)))
        shapes = recorder.shapes
    except Exception:  # unusual graphs: fall back to what the layers know
        for path, layer, _ in entries:
            try:
                shapes[path] = tuple(layer.output.shape[1:])
            except Exception:
                shapes[path] = ()
    result = [LayerInfo(path, type(layer).__name__, tuple(shapes.get(path, ())), depth)
              for path, layer, depth in entries]
    _layer_cache[model] = result
    return result


class _ShapeRecorder(Tapper):
    def __init__(self, model, paths):
        self.model = model
        self.taps = tuple(paths)
        self.need_scores = True
        self.pre_activation = False
        self.final_activation = ""
        self._lock = threading.Lock()
        self.shapes: dict[str, tuple] = {}

    def __call__(self, x):
        record: dict[str, Any] = {}
        self._run(self.model, x, "", record, final=False)
        self.shapes = {p: tuple(v.shape[1:]) for p, v in record.items() if hasattr(v, "shape")}
        return None


def get_layer(model: Any, path: str):
    """The layer object at a path like "vgg16/block5_conv3"."""
    current = model
    for part in path.split("/"):
        current = current.get_layer(part)
    return current


def last_conv_layer(model: Any) -> LayerInfo | None:
    """The last convolution layer in execution order, looking inside nested models too."""
    convs = [info for info in list_layers(model) if info.is_conv]
    return convs[-1] if convs else None


def output_shape(model: Any) -> tuple:
    """The model's output shape, batch axis first."""
    try:
        return tuple(model.outputs[0].shape)
    except Exception:
        layers = list_layers(model)
        return (None,) + tuple(layers[-1].shape) if layers else (None, 0)


def num_classes(model: Any) -> int:
    """Number of classes the model scores (a single sigmoid unit counts as 2); 0 when it ends in feature maps
    (a convolutional base without its classifier), which score no class."""
    out_shape = output_shape(model)
    if len(out_shape) != 2:
        return 0
    units = int(out_shape[-1]) if out_shape[-1] is not None else 0
    return 2 if units == 1 else units


class _WeakCache:
    """Per-model cache that forgets a model when it is garbage collected."""

    def __init__(self) -> None:
        self._data: weakref.WeakKeyDictionary[Any, Any] = weakref.WeakKeyDictionary()
        self._lock = threading.Lock()

    def get(self, model, default=None):
        with self._lock:
            try:
                return self._data.get(model, default)
            except TypeError:
                return default

    def __setitem__(self, model, value) -> None:
        with self._lock:
            try:
                self._data[model] = value
            except TypeError:  # not weak-referenceable: do not cache
                pass

    def setdefault_dict(self, model) -> dict:
        with self._lock:
            try:
                return self._data.setdefault(model, {})
            except TypeError:
                return {}

    def forget(self, model) -> None:
        with self._lock:
            try:
                self._data.pop(model, None)
            except TypeError:
                pass


_layer_cache = _WeakCache()
# Compiled functions per model, keyed inside by (purpose, layer paths, ...). Built once per (model, layer).
function_cache = _WeakCache()
BUILD_COUNT = {"n": 0}  # how many compiled functions were built (benchmarks/tests check reuse)


def cached_function(model, key: tuple, build):
    """The function stored for (model, key), built by ``build()`` the first time."""
    store = function_cache.setdefault_dict(model)
    fn = store.get(key)
    if fn is None:
        fn = build()
        BUILD_COUNT["n"] += 1
        store[key] = fn
    return fn


def forget_model(model) -> None:
    """Drop everything cached for a model (call when its weights or structure change)."""
    function_cache.forget(model)
    _layer_cache.forget(model)
