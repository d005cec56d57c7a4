"""The arguments of one layer of a design, checked the way Keras 3 reads them (and, on purpose, a little stricter).

Every problem says which layer, which argument and how to fix it. A problem
marked ``strict`` is one Keras would accept but the app refuses on purpose
(``True`` as a size, ``padding='SAME'``, activations outside the teaching list,
a dropout rate of 1, settings the Builder cannot show); the README's Builder
section lists these decisions. :mod:`cnnexplorer.core.shapes` turns the
problems into the Builder's messages and stops shape inference at them.
"""
from __future__ import annotations

import math
from typing import Any

from cnnexplorer.core.bounded import clip_repr
from cnnexplorer.core.i18n import translate
from cnnexplorer.core.spec import ACTIVATIONS, LAYER_DEFAULTS, MAX_DIM, PADDINGS, SPATIAL_RANK, LayerSpec, arg_kind

# Activation names Keras 3.15 understands; the app offers ACTIVATIONS, a teaching subset, and refuses the
# others on purpose (a "strict" problem).
KERAS_ACTIVATIONS = frozenset({
    "celu", "elu", "exponential", "gelu", "glu", "hard_shrink", "hard_sigmoid", "hard_silu", "hard_swish",
    "hard_tanh", "leaky_relu", "linear", "log_sigmoid", "log_softmax", "mish", "relu", "relu6", "selu", "sigmoid",
    "silu", "soft_shrink", "softmax", "softplus", "softsign", "sparse_plus", "sparse_sigmoid", "sparsemax",
    "squareplus", "swish", "tanh", "tanh_shrink", "threshold"})


# -- argument checks --------------------------------------------------------------

class _ArgProblem(Exception):
    def __init__(self, message: str, strict: bool = False, limit: bool = False):
        super().__init__(message)
        self.strict = strict or limit  # refused on purpose although Keras would accept it
        self.limit = limit  # a value beyond the app's range (MAX_DIM): Keras would try to allocate it


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _finite(v: Any) -> bool:
    """A real number (not a bool) that is finite; huge integers answer False instead of raising."""
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return False
    try:
        return math.isfinite(v)
    except OverflowError:
        return False


def _too_large(prefix: str, name: str, value: Any) -> _ArgProblem:
    return _ArgProblem(translate("shapes", "{prefix}: {name}={value} is too large — the app allows at most "
                                           "{limit:,}.").format(prefix=prefix, name=name, value=clip_repr(value),
                                                                limit=MAX_DIM), limit=True)


def _size_tuple(layer: LayerSpec, name: str, rank: int, prefix: str) -> tuple[int, ...] | None:
    """A kernel/pool/stride size as one whole number per spatial axis, as Keras reads it.

    One whole number means the same on every axis; a list must have exactly
    one number per axis (Keras refuses ``kernel_size=[3]`` on a 2-D layer).
    ``True`` is refused on purpose (Keras would read it as 1).
    """
    value = layer.arg(name)
    kind = arg_kind(layer.type, name)
    if value is None and kind == "size?":
        return None
    values = list(value) if isinstance(value, (list, tuple)) else None
    if values is None and _is_int(value):
        values = [value] * rank
    if values is None or len(values) != rank or not all(_is_int(v) for v in values):
        booleans = isinstance(value, bool) or (isinstance(value, (list, tuple)) and len(value) == rank
                                               and all(isinstance(v, int) for v in value))
        if rank == 1:
            text = translate("shapes", "{prefix}: {name} must be a whole number, not {value} — use e.g. {name}=3.")
        else:
            text = translate("shapes", "{prefix}: {name} must be a whole number or a list of {rank} of them, not "
                                       "{value} — use e.g. {name}=3 or [3, 3].")
        raise _ArgProblem(text.format(prefix=prefix, name=name, rank=rank, value=clip_repr(value)), strict=booleans)
    if any(v < 1 for v in values):
        raise _ArgProblem(translate("shapes", "{prefix}: {name}={value} is not allowed, sizes must be at least 1 — "
                                              "use {name}=1 or more.")
                          .format(prefix=prefix, name=name, value=clip_repr(value)))
    if any(v > MAX_DIM for v in values):
        raise _too_large(prefix, name, value)
    return tuple(values)


def _check_args(layer: LayerSpec, prefix: str) -> list[_ArgProblem]:
    """Problems with a layer's arguments: what Keras would refuse, and what the app refuses on purpose (strict)."""
    problems: list[_ArgProblem] = []
    known = LAYER_DEFAULTS[layer.type]
    unknown = [name for name in layer.params if name not in known]
    if unknown:
        allowed = ", ".join(known) or translate("shapes", "no settings")
        # Strict: Keras knows many more arguments (use_bias, name...), which the Builder cannot show.
        # One problem per layer, however many unknown settings a file holds.
        names = ", ".join(clip_repr(name, 60) for name in unknown[:3]) + (", …" if len(unknown) > 3 else "")
        problems.append(_ArgProblem(translate("shapes", "{prefix}: unknown setting {name} — remove it ({type} "
                                                        "takes {allowed}).")
                                    .format(prefix=prefix, name=names, type=layer.type, allowed=allowed),
                                    strict=True))
    for name in known:
        value = layer.arg(name)
        kind = arg_kind(layer.type, name)
        try:
            if kind == "int+":
                if not _is_int(value) or value < 1:
                    if name == "units":
                        text = translate("shapes", "{prefix}: {name}={value} must be a whole number of at least 1 — "
                                                   "a layer needs at least one unit; set {name} to 1 or more.")
                    else:
                        text = translate("shapes", "{prefix}: {name}={value} must be a whole number of at least 1 — "
                                                   "a layer needs at least one of them; set {name} to 1 or more.")
                    raise _ArgProblem(text.format(prefix=prefix, name=name, value=clip_repr(value)),
                                      strict=value is True)
                if value > MAX_DIM:
                    raise _too_large(prefix, name, value)
            elif kind in ("size", "size?"):
                _size_tuple(layer, name, SPATIAL_RANK.get(layer.type, 1), prefix)
            elif kind == "padding":
                if value not in PADDINGS:
                    # Keras also takes 'SAME', 'Valid' and (Conv1D) 'causal'; the app keeps the tutorial's spelling.
                    known_to_keras = isinstance(value, str) and (
                        value.lower() in PADDINGS or (value.lower() == "causal" and layer.type == "Conv1D"))
                    raise _ArgProblem(translate("shapes", "{prefix}: padding {value} is unknown — use 'valid' or "
                                                          "'same'.").format(prefix=prefix, value=clip_repr(value)),
                                      strict=known_to_keras)
            elif kind == "activation":
                if value is not None and value not in ACTIVATIONS:
                    raise _ArgProblem(translate("shapes", "{prefix}: activation {value} is unknown — use one of "
                                                          "{choices}.")
                                      .format(prefix=prefix, value=clip_repr(value), choices=", ".join(ACTIVATIONS)),
                                      strict=isinstance(value, str) and value in KERAS_ACTIVATIONS)
            elif kind == "fraction":
                if not _finite(value) or not 0 <= value < 1:
                    raise _ArgProblem(translate("shapes", "{prefix}: dropout rate {value} must be at least 0 and "
                                                          "below 1 — try 0.5.").format(prefix=prefix,
                                                                                        value=clip_repr(value)),
                                      strict=isinstance(value, bool) or value == 1)
            elif kind == "float":
                if not _finite(value):
                    # Keras accepts anything here and fails only when the model runs.
                    raise _ArgProblem(translate("shapes", "{prefix}: {name}={value} must be a number.")
                                      .format(prefix=prefix, name=name, value=clip_repr(value)), strict=True)
        except _ArgProblem as exc:
            problems.append(exc)
    return problems
