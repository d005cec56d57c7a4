"""Fuzz the Builder's design checks against real Keras: random designs, valid and hostile. Prints one JSON line.

    python benchmarks/fuzz_designs.py [N=500] [--seed S] [--show K]

Each case is a random design file (JSON text, as ``cnnexplorer summary --spec``
reads it): plausible layer stacks, and hostile ones — wrong types, huge and
negative numbers, missing and unknown keys, deep nesting, mixed 1-D/2-D
layers, broken compile settings and input shapes. The app's side is exactly
what ``summary`` runs (``ModelSpec.from_json`` → ``core.shapes.check`` → the
printed table). Keras' side builds the same layers from the raw JSON, one at a
time on a ``keras.Input``, and notes the first layer it refuses. A case is

* ``agree``: both build it with the same output shape and parameter count at
  every layer, or both refuse it at the same layer;
* ``strict``: the app refuses on purpose something Keras would build (a
  ``strict`` problem: ``padding='SAME'``, ``True`` as a size, activations
  outside the teaching list, settings the Builder does not show, zero-sized
  input axes, layer types it does not offer — README, Builder section);
* ``budget``: over the size budget (10^8 parameters or a quarter of memory),
  refused before anything is built, so Keras is not asked;
* ``format``: the file is not a design (broken JSON, compile not an object,
  nesting 70 deep, 5,000-digit numbers...) and is refused in one line; Keras
  has no counterpart;
* ``disagree``: anything else where the two differ (goal 0);
* ``app_crash``: the app raised something other than its one-line error, or
  its message was not one clean line (goal 0).

The test suite runs a few dozen cases (``tests/core/test_fuzz_designs.py``).
"""
from __future__ import annotations

import copy
import json
import math
import os
import random
import sys
import time
import traceback
from dataclasses import dataclass, field

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from cnnexplorer.core.errors import UserError
from cnnexplorer.core.spec import LAYER_DEFAULTS, ModelSpec, template

MAX_MESSAGE = 700  # a refusal longer than this is not "one clean line"
COMPARE_LIMIT = 2_000_000  # Keras is asked only about designs this small (parameters and activation values)

SMALL_SIZES = [1, 2, 3, 5]
HOSTILE = [True, False, None, "3", 3.0, 2.5, [3], [2, 2], [3, 3, 3], [], {}, -1, 0, 2**63, 10**30, 1e300,
           "SAME", "same", "causal", "leaky_relu", "nope", "x" * 300, [[3]], [True, 2], 10**9, 7, 1, 0.5, 1.0]
BAD_INPUTS = [[28.9, 28, 1], "784", [28, 28, True], [0, 5], [], [5, 5, 5, 5], [2**63], [-3, 4], None, {"h": 3},
              [100_000, 100_000, 3], [2, 2]]
BAD_COMPILE = ["adam", [], {"learning_rate": "x"}, {"learning_rate": -1}, {"learning_rate": 1e300},
               {"loss": "hinge"}, {"optimizer": ["adam"]}, {"metrics": 3}, {"momentum": 0.9}, None]
HUGE_INT, DEEP = "@huge-int@", "@deep@"  # placeholders, replaced in the JSON text
BAD_TYPES = ["Conv3D", "LSTM", 3, None, "conv2d", ["Dense"], "Lambda"]


# -- generator --------------------------------------------------------------------------

def _layer(rng: random.Random, kind: str) -> dict:
    t = rng.choice([k for k in LAYER_DEFAULTS if (kind == "any" or
                                                 (kind == "image" and not k.endswith("1D") and k != "Embedding") or
                                                 (kind == "seq" and not k.endswith("2D")))])
    d: dict = {"type": t}
    if t in ("Conv2D", "SeparableConv2D", "Conv1D"):
        d.update(filters=rng.choice([1, 2, 4]), kernel_size=rng.choice(SMALL_SIZES),
                 padding=rng.choice(["valid", "same"]), activation=rng.choice(["relu", "linear", None]))
        if rng.random() < 0.3:
            d["strides"] = rng.choice([1, 2])
        if t != "Conv1D" and rng.random() < 0.3:
            d["kernel_size"] = [rng.choice(SMALL_SIZES), rng.choice(SMALL_SIZES)]
    elif "Pooling" in t and not t.startswith("Global"):
        d.update(pool_size=rng.choice([1, 2, 3]), padding=rng.choice(["valid", "same"]))
        if rng.random() < 0.3:
            d["strides"] = rng.choice([None, 1, 2])
    elif t == "Dense":
        d.update(units=rng.choice([1, 2, 3, 10]), activation=rng.choice(["relu", "softmax", "sigmoid", None]))
    elif t == "Dropout":
        d["rate"] = rng.choice([0, 0.25, 0.5])
    elif t == "Embedding":
        d.update(input_dim=rng.choice([5, 50]), output_dim=rng.choice([2, 4]))
    elif t == "Rescaling":
        d.update(scale=rng.choice([1 / 255, 0.5, 2]), offset=rng.choice([0, -1]))
    return d


def _nested(depth: int):
    value: object = 1
    for _ in range(depth):
        value = [value]
    return value


def random_design(rng: random.Random) -> tuple[str, str]:
    """(label, JSON text) of one random design; about half are hostile."""
    shape_kind = rng.choice(["image", "image", "seq", "tokens"])
    if shape_kind == "image":
        shape = [rng.randint(1, 12), rng.randint(1, 12), rng.choice([1, 3])]
    elif shape_kind == "seq":
        shape = [rng.randint(1, 16), rng.choice([1, 2, 4])]
    else:
        shape = [rng.randint(1, 16)]
    kind = {"image": "image", "seq": "seq", "tokens": "seq"}[shape_kind]
    if rng.random() < 0.25:
        kind = "any"  # mixed 1-D / 2-D layers
    data = template("mnist-cnn").to_dict()
    data.update(input_shape=shape, name=f"fuzz-{rng.randint(0, 10**6)}",
                layers=[_layer(rng, kind) for _ in range(rng.randint(0, 6))])
    label = "valid"
    if rng.random() < 0.55:
        label = "hostile"
        for _ in range(rng.randint(1, 3)):
            _mutate(rng, data)
    if rng.random() < 0.03:
        return label, json.dumps(data)[: rng.randint(1, 200)]  # truncated file
    text = json.dumps(data, allow_nan=True)
    # JSON that Python's own encoder refuses to write: a 5,000-digit integer, nesting 100,000 deep
    return label, text.replace(f'"{HUGE_INT}"', "9" * 5000).replace(f'"{DEEP}"', "[" * 100_000 + "]" * 100_000)


def _defaults(layer) -> dict:
    kind = layer.get("type") if isinstance(layer, dict) else None
    return LAYER_DEFAULTS.get(kind, {}) if isinstance(kind, str) else {}


def _mutate(rng: random.Random, data: dict) -> None:
    layers = data.get("layers") if isinstance(data.get("layers"), list) else []
    roll = rng.random()
    if roll < 0.45 and layers:
        layer = rng.choice(layers)
        if isinstance(layer, dict):
            keys = list(_defaults(layer)) or ["units"]
            layer[rng.choice(keys)] = copy.deepcopy(rng.choice(HOSTILE))
    elif roll < 0.55 and layers:
        layer = rng.choice(layers)
        if isinstance(layer, dict):
            if rng.random() < 0.5 and layer:
                layer.pop(rng.choice(list(layer)), None)  # a missing key (sometimes "type")
            else:
                layer[rng.choice(["use_bias", "name", "foo", "dilation_rate"])] = rng.choice([False, "x", 1, 2])
    elif roll < 0.63:
        data["input_shape"] = copy.deepcopy(rng.choice(BAD_INPUTS))
    elif roll < 0.71:
        data["compile"] = copy.deepcopy(rng.choice(BAD_COMPILE))
    elif roll < 0.77 and layers and isinstance(layers[-1], dict):
        layers[-1]["type"] = copy.deepcopy(rng.choice(BAD_TYPES))
    elif roll < 0.82:
        target = layers[0] if layers and isinstance(layers[0], dict) else data
        target[rng.choice(["units", "extra"])] = _nested(rng.choice([10, 70])) if rng.random() < 0.7 else DEEP
    elif roll < 0.87:
        data.pop(rng.choice(["input_shape", "layers", "format", "compile", "version", "name"]), None)
    elif roll < 0.93 and layers and isinstance(layers[0], dict):
        layer = layers[0]
        key = rng.choice(list(_defaults(layer)) or ["units"])
        layer[key] = rng.choice([10**9, 10**6, 2**31, 2**40, -(10**9), HUGE_INT if rng.random() < 0.2 else 99999])
    else:
        data["layers"] = layers + [_layer(rng, "any") for _ in range(rng.randint(1, 3))]


# -- judging ------------------------------------------------------------------------------

@dataclass
class Verdict:
    outcome: str
    detail: str = ""
    label: str = ""
    extra: dict = field(default_factory=dict)


def _clean(message: str) -> bool:
    return "\n" not in message and 0 < len(message) <= MAX_MESSAGE and "Traceback" not in message


def judge(text: str, label: str = "") -> Verdict:
    """Run ``text`` through the app's summary path and through Keras; classify the outcome."""
    from cnnexplorer.commands.builder import summary_table
    from cnnexplorer.core.shapes import check

    try:
        spec = ModelSpec.from_json(text)
    except UserError as exc:
        message = str(exc)
        if not _clean(message):
            return Verdict("app_crash", f"unclean refusal: {message[:300]!r}", label)
        return _judge_file_refusal(text, exc, label)
    except Exception:
        return Verdict("app_crash", traceback.format_exc(limit=3), label)
    try:
        report, problems = check(spec)
        table, _ = summary_table(spec)
        for p in problems:
            if not _clean(p.message):
                return Verdict("app_crash", f"unclean problem: {p.message[:300]!r}", label)
    except Exception:
        return Verdict("app_crash", traceback.format_exc(limit=3), label)

    if any(p.kind == "budget" for p in problems):
        return Verdict("budget", problems[0].message[:200], label)
    blocking = [p for p in report.problems if p.keras_rejects]
    first = min(blocking, key=lambda p: p.layer_index or 0) if blocking else None
    refuse_at = None if first is None else (first.layer_index or 0)
    big = max([report.total_params] + [math.prod(r.output_shape) for r in report.layers if r.output_shape])
    if big > COMPARE_LIMIT:
        return Verdict("budget", f"{big:,} values: too large to ask Keras here", label)
    raw = json.loads(text)
    upto = len(spec.layers) if refuse_at is None else refuse_at
    keras_rows, keras_refused_at, keras_reason = _keras_build(tuple(spec.input_shape), raw.get("layers", []), upto,
                                                              skip_last=first is not None and first.kind == "limit")
    if first is not None and first.layer_index is None:  # the app refused the input shape itself
        return Verdict("agree" if keras_refused_at == 0 else ("strict" if first.kind == "strict" else "disagree"),
                       first.message[:200], label)
    if keras_refused_at is not None and (refuse_at is None or keras_refused_at < refuse_at):
        return Verdict("disagree", f"Keras refuses layer {keras_refused_at} ({keras_reason}); the app "
                                   + ("accepts the design" if refuse_at is None else f"refuses layer {refuse_at}"),
                       label, {"app": [(r.output_shape, r.params) for r in report.layers]})
    if refuse_at is not None:
        if keras_refused_at == refuse_at:
            return Verdict("agree", first.message[:200], label)
        if first.kind in ("strict", "limit"):
            return Verdict("strict", first.message[:200], label)
        return Verdict("disagree", f"the app refuses layer {refuse_at} ({first.message[:200]}); Keras builds it",
                       label)
    app_rows = [(tuple(r.output_shape), r.params) for r in report.layers]
    if app_rows != keras_rows:
        return Verdict("disagree", "shapes/parameters differ", label, {"app": app_rows, "keras": keras_rows})
    return Verdict("agree", "built", label)


def _judge_file_refusal(text: str, exc: UserError, label: str) -> Verdict:
    """The file was refused as a whole; only its input shape and layer types have a Keras counterpart."""
    message = str(exc)
    if getattr(exc, "strict", False):
        return Verdict("strict", message[:200], label)
    if "input_shape" in message:
        try:
            shape = json.loads(text).get("input_shape")
            keras = _keras()
            keras.Input(shape)
        except Exception:
            return Verdict("agree", message[:200], label)
        return Verdict("disagree", f"the app refuses input_shape that Keras accepts: {message[:200]}", label)
    if "unknown type" in message:
        types = [layer.get("type") for layer in json.loads(text).get("layers", []) if isinstance(layer, dict)]
        keras_knows = any(isinstance(t, str) and t not in LAYER_DEFAULTS and hasattr(_keras().layers, t)
                          for t in types)
        # A Keras layer the Builder does not offer (LSTM) is strict; a type Keras has not either (3, None) agrees.
        return Verdict("strict" if keras_knows else "agree", message[:200], label)
    return Verdict("format", message[:200], label)


_KERAS = None


def _keras():
    global _KERAS
    if _KERAS is None:
        import keras

        _KERAS = keras
    return _KERAS


def _keras_build(input_shape: tuple, layers: list, upto: int, skip_last: bool
                 ) -> tuple[list, int | None, str]:
    """Build layers 1..upto on a keras.Input; (rows, first refused layer or None, reason). 0 = the Input."""
    keras = _keras()
    try:
        x = keras.Input(input_shape)
    except Exception as exc:
        return [], 0, str(exc).splitlines()[0][:120]
    rows = []
    for index, raw in enumerate(layers[:upto], start=1):
        if skip_last and index == upto:
            break  # a strict refusal: the value may be huge; Keras is not asked to allocate it
        # A setting missing from the file means the Builder's default (Dropout's rate 0.5...), as the app shows it.
        params = {**_defaults(raw), **{k: v for k, v in raw.items() if k != "type"}}
        try:
            layer = getattr(keras.layers, raw["type"])(**params)
            x = layer(x)
            rows.append((tuple(x.shape[1:]), int(layer.count_params())))
        except Exception as exc:
            return rows, index, f"{exc.__class__.__name__}: {str(exc).splitlines()[0][:120] if str(exc) else ''}"
    return rows, None, ""


def run(cases: int, seed: int = 0, show: int = 0) -> dict:
    rng = random.Random(seed)
    counts = {"cases": 0, "agree": 0, "strict": 0, "budget": 0, "format": 0, "disagree": 0, "app_crash": 0}
    shown = []
    start = time.perf_counter()
    for _ in range(cases):
        label, text = random_design(rng)
        verdict = judge(text, label)
        counts["cases"] += 1
        counts[verdict.outcome] += 1
        if verdict.outcome in ("disagree", "app_crash") and len(shown) < max(show, 5):
            shown.append({"outcome": verdict.outcome, "detail": verdict.detail[:600], "design": text[:600],
                          **verdict.extra})
    counts["seed"] = seed
    counts["seconds"] = round(time.perf_counter() - start, 1)
    counts["examples"] = shown
    return counts


def main(argv: list[str]) -> int:
    cases, seed, show = 500, 0, 0
    args = list(argv)
    if args and not args[0].startswith("--"):
        cases = int(args.pop(0))
    if "--seed" in args:
        seed = int(args[args.index("--seed") + 1])
    if "--show" in args:
        show = int(args[args.index("--show") + 1])
    result = run(cases, seed, show)
    examples = result.pop("examples")
    print(json.dumps({"benchmark": "fuzz_designs", **result}))
    for example in examples[:show]:
        print(json.dumps(example), file=sys.stderr)
    return 0 if result["app_crash"] == 0 and result["disagree"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
