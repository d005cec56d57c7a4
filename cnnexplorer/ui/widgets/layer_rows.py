"""What the Builder's layer table shows, as plain text: settings, shapes, parameter counts, formulas.

Pure formatting of a design and its :class:`ShapeReport` into :class:`LayerRow`
values and the formula panel's HTML; no widgets, so it is tested without a
window. Texts keep the ``BuilderTab`` translation context they had in the tab.
"""
from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication

from cnnexplorer.core.shapes import Problem, ShapeReport, explain, fmt_shape
from cnnexplorer.core.spec import LayerSpec, ModelSpec
from cnnexplorer.ui.widgets.layer_table import LayerRow

translate = QCoreApplication.translate  # the name lupdate looks for


def settings_text(layer: LayerSpec) -> str:
    """A short, readable summary of a layer's settings for the table."""
    a = layer.arg

    def size(v: Any) -> str:
        if isinstance(v, (list, tuple)):
            return "×".join(str(x) for x in v)
        return f"{v}×{v}" if layer.type.endswith("2D") else str(v)

    def act() -> str:
        return a("activation") or "linear"

    t = layer.type
    if t in ("Conv2D", "SeparableConv2D", "Conv1D"):
        parts = [translate("BuilderTab", "%1 filters").replace("%1", str(a("filters"))), size(a("kernel_size")), act()]
        if a("strides") not in (1, [1, 1], (1, 1)):
            parts.append(translate("BuilderTab", "stride %1").replace("%1", size(a("strides"))))
        if a("padding") != "valid":
            parts.append(translate("BuilderTab", "padding %1").replace("%1", str(a("padding"))))
        return ", ".join(str(p) for p in parts)
    if "Pooling" in t and not t.startswith("Global"):
        parts = [translate("BuilderTab", "pool %1").replace("%1", size(a("pool_size")))]
        if a("strides") is not None:
            parts.append(translate("BuilderTab", "stride %1").replace("%1", size(a("strides"))))
        if a("padding") != "valid":
            parts.append(translate("BuilderTab", "padding %1").replace("%1", str(a("padding"))))
        return ", ".join(parts)
    if t == "Dense":
        return translate("BuilderTab", "%1 units, %2").replace("%1", str(a("units"))).replace("%2", act())
    if t == "Dropout":
        return translate("BuilderTab", "rate %1").replace("%1", str(a("rate")))
    if t == "Embedding":
        return (translate("BuilderTab", "%1 words → %2-d vectors").replace("%1", str(a("input_dim")))
                .replace("%2", str(a("output_dim"))))
    if t == "Rescaling":
        scale = a("scale")
        shown = "1/255" if isinstance(scale, float) and abs(scale - 1 / 255) < 1e-12 else str(scale)
        return f"× {shown}" + (f" + {a('offset')}" if a("offset") else "")
    return ""


def design_rows(spec: ModelSpec, report: ShapeReport, problems: list[Problem]) -> list[LayerRow]:
    by_layer: dict[int, list[str]] = {}
    for p in problems:
        if p.layer_index is not None:
            by_layer.setdefault(p.layer_index, []).append(p.message)
    rows = [LayerRow("", "Input", input_kind(spec.input_shape), shape_text(report.input_shape),
                     "", "", is_input=True,
                     formula=translate(
                         "BuilderTab", "The data one example brings into the model (the batch size is left out)."))]
    for layer, r in zip(spec.layers, report.layers):
        shape = shape_text(r.output_shape)
        rows.append(LayerRow(str(r.index), layer.type, settings_text(layer), shape,
                             f"{r.params:,}" if r.output_shape is not None else "—",
                             f"{r.total:,}" if r.output_shape is not None else "—",
                             by_layer.get(r.index, []), r.formula))
    return rows


def shape_text(shape: tuple | None) -> str:
    """(26, 26, 32) -> '26 × 26 × 32' (spaced for a projector); unknown -> '—'; None dims -> 'any'."""
    if shape is None:
        return "—"
    return " × ".join(translate("BuilderTab", "any") if d is None else str(d) for d in shape)


def input_kind(shape: tuple) -> str:
    kinds = {3: translate("BuilderTab", "image, raw pixels 0-255"), 1: translate("BuilderTab", "word ids"),
             2: translate("BuilderTab", "sequence")}
    return kinds.get(len(shape), "")


def read_only_rows(input_shape: tuple | None, layers: list[tuple[str, str, tuple | None, int]]) -> list[LayerRow]:
    """Rows for a model that cannot be a design: (name, class, output shape, parameters) per layer."""
    rows = [LayerRow("", "Input", "", shape_text(input_shape), "", "", is_input=True)]
    total = 0
    for i, (name, cls, shape, params) in enumerate(layers, start=1):
        total += params
        rows.append(LayerRow(str(i), cls, name, shape_text(shape),
                             f"{params:,}", f"{total:,}", formula=f"{cls} '{name}': {params:,} parameters"))
    return rows


def formula_html(spec: ModelSpec, report: ShapeReport, problems: list[Problem], layer: int | None) -> str:
    """The formula panel for one layer (0-based; None for the input): shapes, arithmetic, why, problems."""
    if layer is None:
        return ("<p style='font-size:large'>" + html.escape(translate("BuilderTab", "input:"))
                + f" <b>{fmt_shape(report.input_shape)}</b></p>"
                "<p>" + html.escape(translate("BuilderTab", "Every layer below transforms this shape; select one "
                                                            "to see how.")) + "</p>")
    r = report.layers[layer]
    inp = fmt_shape(r.input_shape) if r.input_shape is not None else "?"
    out = fmt_shape(r.output_shape) if r.output_shape is not None else "?"
    parts = [f"<p style='font-size:large'>{inp} &nbsp;→&nbsp; <b>{out}</b></p>"]
    if r.formula:
        lines = [html.escape(x.strip()) for x in r.formula.split(";")]
        parts.append("<p style='font-family:monospace; font-size:large'>" + "<br>".join(lines) + "</p>")
    why = explain(spec, report, layer + 1)
    if why:
        parts.append(f"<p>{html.escape(why)}</p>")
    for p in r.problems + [p for p in problems if p.layer_index == layer + 1 and p not in r.problems]:
        parts.append(f"<p style='color:#b00000'>⚠ {html.escape(p.message)}</p>")
    if r.input_shape is None and not r.problems:
        parts.append("<p>" + html.escape(translate("BuilderTab", "Shape unknown: fix the first problem above this "
                                                                 "layer first.")) + "</p>")
    return "".join(parts)
