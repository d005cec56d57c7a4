"""Kernels, padding, stride: the convolution lab's output sizes against Keras'."""

from __future__ import annotations

from cnnexplorer.core.conv_lab import PADDINGS, plan_axis
from cnnexplorer.core.i18n import QT_TRANSLATE_NOOP, translate
from cnnexplorer.ml.lessons.base import Context, Lesson, LessonResult

SIZES = (28, 7)  # a whole digit, and the lab's small grid
KERNELS = (3, 5)
STRIDES = (1, 2)


def keras_output_size(size: int, kernel: int, stride: int, padding: str) -> int:
    """Width of what a real Keras Conv2D gives for a size×size input (Keras' own shape computation)."""
    from cnnexplorer.ml.runtime import keras

    layer = keras().layers.Conv2D(1, kernel, strides=stride, padding=padding)
    return int(layer.compute_output_shape((1, size, size, 1))[2])


def kernels(ctx: Context) -> LessonResult:
    combos = [(n, k, s, p) for n in SIZES for k in KERNELS for p in PADDINGS for s in STRIDES]
    if ctx.quick:
        combos = combos[:4]
    ctx.plan(translate("lessons", "Comparing output sizes with Keras"))
    progress = ctx.stage(0)
    rows, mismatches = [], []
    from cnnexplorer.core.progress import Progress

    for i, (n, k, s, p) in enumerate(combos):
        ctx.check()
        app = plan_axis(n, k, s, p).out
        real = keras_output_size(n, k, s, p)
        rows.append({"input": n, "kernel": k, "stride": s, "padding": p, "app": app, "keras": real})
        if app != real:
            mismatches.append(rows[-1])
        progress(Progress("step", i + 1, len(combos), f"{n}×{n}, {k}×{k}, {p}, /{s}"))
    ctx.measures.update(cases=len(rows), mismatches=len(mismatches), table=rows)
    digit = {(r["padding"], r["stride"]): r["app"] for r in rows if r["input"] == 28 and r["kernel"] == 3}
    holds = not mismatches
    parts = ", ".join(f"{p} /{s} → {digit[(p, s)]}" for p in PADDINGS for s in STRIDES if (p, s) in digit)
    sentence = translate(
        "lessons",
        "A 3×3 kernel on a 28×28 digit gives {parts}; the lab's output size equals Keras' "
        "in "
        "{same} of {cases} cases (sizes 28 and 7, kernels 3 and 5, valid/same, stride 1/2).",
    ).format(parts=parts, same=len(rows) - len(mismatches), cases=len(rows))
    return ctx.result(holds, sentence)


KERNELS_LESSON = Lesson(
    name="kernels-padding-stride",
    title=QT_TRANSLATE_NOOP("lessons", "Kernels, padding, stride"),
    explanation=QT_TRANSLATE_NOOP(
        "lessons",
        "A convolution is set by the size of its window (the kernel), how far the window moves each step "
        "(the stride) and what happens at the border. With padding 'valid' the window only goes where it "
        "fits, so a 3×3 kernel trims one pixel from each side; with 'same' zeros are added around the "
        "input so the output keeps its size. A stride of 2 skips every other position and halves the "
        "output, much like pooling. The demo computes the output size of each combination the way the "
        "convolution lab does and asks Keras for the same layer.",
    ),
    claim=QT_TRANSLATE_NOOP("lessons", "The lab's output size equals Keras' for valid/same × stride 1/2."),
    try_it=(
        QT_TRANSLATE_NOOP(
            "lessons",
            "In the Concepts tab's convolution lab, set padding 'same' and stride 2 and "
            "step through "
            "the positions: where do the zeros go?",
        ),
        QT_TRANSLATE_NOOP("lessons", "Find a kernel and stride for which some input pixels are never seen."),
    ),
    shows="concepts",
    view="convolution",
    demo=kernels,
)
