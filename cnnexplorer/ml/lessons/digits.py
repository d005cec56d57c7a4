"""Lessons on the bundled digits: why convolution, pooling, overfitting and augmentation, what the layers see,
separable convolutions."""

from __future__ import annotations

import numpy as np

from cnnexplorer.core.i18n import QT_TRANSLATE_NOOP, translate
from cnnexplorer.core.spec import LayerSpec, ModelSpec, template
from cnnexplorer.ml.lessons import data as lesson_data
from cnnexplorer.ml.lessons.base import Context, Lesson, LessonResult, pct, points, value


def _build(spec: ModelSpec, seed: int):
    from cnnexplorer.ml.build import build_model
    from cnnexplorer.ml.runtime import keras

    keras().utils.set_random_seed(seed)
    return build_model(spec)


# -- Why convolution ------------------------------------------------------------------------------


def why_convolution(ctx: Context) -> LessonResult:
    ctx.plan(
        translate("lessons", "Loading the digits"),
        translate("lessons", "Training the Dense network"),
        translate("lessons", "Training the CNN"),
    )
    ctx.stage(0)
    data = lesson_data.digits(ctx.quick)
    cfg = lesson_data.config(ctx.quick, epochs=5, batch_size=64, validation_split=0.1, seed=ctx.seed)
    dense = ctx.train(
        translate("lessons", "Dense network"),
        _build(template("dense-baseline"), ctx.seed),
        data,
        cfg,
        1,
        "dense-baseline",
    )
    cnn = ctx.train(translate("lessons", "CNN"), _build(template("mnist-cnn"), ctx.seed), data, cfg, 2, "mnist-cnn")
    gain = value(cnn.test_accuracy) - value(dense.test_accuracy)
    cnn_params, dense_params = int(cnn.parameters or 0), int(dense.parameters or 0)
    ctx.measures.update(
        dense_accuracy=dense.test_accuracy,
        cnn_accuracy=cnn.test_accuracy,
        gain_points=100 * gain,
        dense_parameters=dense_params,
        cnn_parameters=cnn_params,
    )
    holds = gain >= 0.02 and cnn_params < dense_params
    text = translate(
        "lessons",
        "The CNN reached {cnn} test accuracy with {cnn_params:,} parameters; the Dense "
        "network {dense} with "
        "{dense_params:,} ({gain} points for the CNN, with {ratio:.1f}× fewer parameters).",
    )
    sentence = text.format(
        cnn=pct(cnn.test_accuracy),
        dense=pct(dense.test_accuracy),
        cnn_params=cnn_params,
        dense_params=dense_params,
        gain=points(cnn.test_accuracy, dense.test_accuracy),
        ratio=dense_params / max(1, cnn_params),
    )
    if not holds:
        sentence += " " + translate(
            "lessons", "This time the claim does not hold: the CNN needed at least 2 points more with fewer parameters."
        )
    return ctx.result(holds, sentence)


WHY_CONVOLUTION = Lesson(
    name="why-convolution",
    title=QT_TRANSLATE_NOOP("lessons", "Why convolution"),
    explanation=QT_TRANSLATE_NOOP(
        "lessons",
        "A Dense layer connects every pixel to every unit, so a stroke it has learned in one corner means "
        "nothing to it in another corner. A convolution learns small windows (3×3 here) and slides the "
        "same window over the whole image: what it learns in one place it recognises everywhere, with far "
        "fewer weights. The demo trains the Dense-only network and the tutorial's CNN on the same 4,000 "
        "digits with the same settings and compares them.",
    ),
    claim=QT_TRANSLATE_NOOP(
        "lessons", "The CNN's test accuracy is at least 2 points above the Dense network's, with fewer parameters."
    ),
    try_it=(
        QT_TRANSLATE_NOOP(
            "lessons", "Open both runs in the Training tab and compare the validation curves: which one overfits first?"
        ),
        QT_TRANSLATE_NOOP(
            "lessons",
            "In the Builder, halve the CNN's filters (32→16, 64→32): how many parameters "
            "are left, and "
            "how much accuracy?",
        ),
        QT_TRANSLATE_NOOP("lessons", "Give the Dense network a second hidden layer: does it catch up?"),
    ),
    shows="training",
    demo=why_convolution,
)


# -- Pooling --------------------------------------------------------------------------------------


def _without(spec: ModelSpec, kind: str, name: str) -> ModelSpec:
    out = spec.copy()
    out.layers = [layer for layer in out.layers if layer.type != kind]
    out.name = name
    return out


def _last_field(spec: ModelSpec) -> int:
    from cnnexplorer.core.receptive_field import field_table

    rows = [row for row in field_table(spec).layers if row.type in ("Conv2D", "SeparableConv2D")]
    return int(rows[-1].field[0])


def keras_receptive_field(spec: ModelSpec) -> int:
    """The receptive field of the last convolution's centre cell, measured through Keras: the gradient of that
    cell with respect to the input, with kernels set to ones, no activations, and max pooling replaced by
    average pooling of the same window (so every pixel under a window counts). Rows it reaches = the field."""
    from cnnexplorer.ml.runtime import keras, tf

    k, tf_ = keras(), tf()
    probe = spec.copy()
    last = max(i for i, layer in enumerate(probe.layers) if layer.type.startswith(("Conv", "Separable")))
    layers = []
    for layer in probe.layers[: last + 1]:
        params = dict(layer.params)
        if layer.type == "MaxPooling2D":
            layers.append(LayerSpec("AveragePooling2D", params))
            continue
        if "activation" in params or layer.type in ("Conv2D", "SeparableConv2D"):
            params["activation"] = "linear"
        layers.append(LayerSpec(layer.type, params))
    probe.layers = layers
    from cnnexplorer.ml.build import build_model

    model = build_model(probe, compile=False, check=False)
    for weight in model.weights:
        weight.assign(
            np.ones(weight.shape, dtype="float32") if len(weight.shape) > 1 else np.zeros(weight.shape, dtype="float32")
        )
    x = tf_.Variable(np.ones((1, *spec.input_shape), dtype="float32"))
    with tf_.GradientTape() as tape:
        out = model(x)
        h, w = int(out.shape[1]), int(out.shape[2])
        cell = out[0, h // 2, w // 2, 0]
    grad = np.abs(tape.gradient(cell, x).numpy()[0, ..., 0])
    rows = np.flatnonzero(grad.sum(axis=1) > 0)
    del k
    return int(rows.max() - rows.min() + 1) if len(rows) else 0


def pooling(ctx: Context) -> LessonResult:
    from cnnexplorer.core.shapes import infer_shapes
    from cnnexplorer.ml.build import build_model

    ctx.plan(
        translate("lessons", "Building both networks"), translate("lessons", "Measuring receptive fields through Keras")
    )
    ctx.stage(0)
    with_pool = template("mnist-cnn")
    without = _without(with_pool, "MaxPooling2D", "mnist-cnn-no-pooling")
    rows = {}
    for key, spec in (("with", with_pool), ("without", without)):
        ctx.check()
        app_params = infer_shapes(spec).total_params
        keras_params = int(build_model(spec, compile=False).count_params())
        rows[key] = {"app_parameters": app_params, "keras_parameters": keras_params, "app_field": _last_field(spec)}
    ctx.stage(1)
    for key, spec in (("with", with_pool), ("without", without)):
        ctx.check()
        rows[key]["keras_field"] = keras_receptive_field(spec)
    ctx.measures.update({f"{key}_{name}": value for key, row in rows.items() for name, value in row.items()})
    equal = all(
        r["app_parameters"] == r["keras_parameters"] and r["app_field"] == r["keras_field"] for r in rows.values()
    )
    holds = equal and rows["with"]["keras_field"] > rows["without"]["keras_field"]
    ctx.artifacts["design"] = with_pool
    a, b = rows["with"], rows["without"]
    sentence = translate(
        "lessons",
        "With pooling the network has {a_params:,} parameters and its last convolution "
        "sees {a_field}×"
        "{a_field} pixels; without pooling {b_params:,} parameters ({ratio:.0f}× more, nearly all in the "
        "Dense layer after Flatten) and only {b_field}×{b_field} pixels.",
    ).format(
        a_params=a["keras_parameters"],
        a_field=a["keras_field"],
        b_params=b["keras_parameters"],
        b_field=b["keras_field"],
        ratio=b["keras_parameters"] / a["keras_parameters"],
    )
    if equal:
        sentence += " " + translate(
            "lessons",
            "The app's numbers equal Keras' (parameters from count_params, "
            "receptive fields from "
            "the gradient of one output cell).",
        )
    else:
        sentence += " " + translate(
            "lessons", "The app's numbers differ from Keras' (app: {a}, {b}; Keras: {c}, {d})."
        ).format(a=a["app_parameters"], b=a["app_field"], c=a["keras_parameters"], d=a["keras_field"])
    return ctx.result(holds, sentence)


POOLING = Lesson(
    name="pooling",
    title=QT_TRANSLATE_NOOP("lessons", "Pooling"),
    explanation=QT_TRANSLATE_NOOP(
        "lessons",
        "Max pooling keeps the largest value of each 2×2 window, halving the width and height of the "
        "feature maps without any weights to learn. Two things follow: the layers after it have fewer "
        "values to handle, and each of their cells looks at a wider patch of the original image (its "
        "receptive field), so later filters can combine strokes into whole digits. The demo compares the "
        "tutorial's CNN with the same layers minus the pooling.",
    ),
    claim=QT_TRANSLATE_NOOP(
        "lessons",
        "Parameter counts and receptive fields computed by the app equal the ones "
        "Keras gives, and "
        "pooling widens the receptive field.",
    ),
    try_it=(
        QT_TRANSLATE_NOOP(
            "lessons",
            "In the Concepts tab, open the receptive-field table and click a cell of the "
            "last "
            "convolution with and without pooling.",
        ),
        QT_TRANSLATE_NOOP(
            "lessons",
            "Replace the pooling with a convolution of stride 2 in the Builder: what happens to the parameters?",
        ),
    ),
    shows="concepts",
    view="field",  # the receptive field of the design the demo leaves in the Builder
    demo=pooling,
)


# -- Overfitting and augmentation ---------------------------------------------------------------------

# batch 32 for 35 epochs ended on a bad augmented epoch at seed 0 (validation 73 %); batch 64 for 40 held at 0-2
OVERFIT_TRAIN, OVERFIT_VALIDATION, OVERFIT_EPOCHS = 300, 600, 40


def digit_augmentation():
    """Small rotations, shifts and zooms: a digit stays the same digit. No flips (a mirrored 2 is not a 2)."""
    from cnnexplorer.core.augment_config import AugmentConfig

    return AugmentConfig(
        rotation_range=8, width_shift_range=0.08, height_shift_range=0.08, zoom_range=0.08, fill_mode="constant", cval=0
    )


def overfitting(ctx: Context) -> LessonResult:
    import dataclasses

    ctx.plan(
        translate("lessons", "Loading the digits"),
        translate("lessons", "Training without augmentation"),
        translate("lessons", "Training with augmentation"),
    )
    ctx.stage(0)
    full = lesson_data.digits(False)
    train_idx, val_idx = lesson_data.two_subsets(
        full.y_train, 60 if ctx.quick else OVERFIT_TRAIN, 100 if ctx.quick else OVERFIT_VALIDATION, ctx.seed
    )
    y = full.y_train[train_idx]
    test = slice(0, 100) if ctx.quick else slice(None)
    # validation: other training digits, never the ones trained on
    data = dataclasses.replace(
        full,
        x_train=full.x_train[train_idx],
        y_train=y,
        x_val=full.x_train[val_idx],
        y_val=full.y_train[val_idx],
        x_test=full.x_test[test],
        y_test=full.y_test[test],
    )
    epochs = OVERFIT_EPOCHS
    plain = ctx.train(
        translate("lessons", "Without augmentation"),
        _build(template("mnist-cnn"), ctx.seed),
        data,
        lesson_data.config(ctx.quick, epochs, batch_size=64, validation_split=0.0, seed=ctx.seed),
        1,
        "mnist-cnn",
    )
    aug = ctx.train(
        translate("lessons", "With augmentation"),
        _build(template("mnist-cnn"), ctx.seed),
        data,
        lesson_data.config(
            ctx.quick, epochs, batch_size=64, validation_split=0.0, seed=ctx.seed, augment=digit_augmentation()
        ),
        2,
        "mnist-cnn",
    )

    def last(run, key):
        return float(run.history[key][-1])

    gap_plain = last(plain, "accuracy") - last(plain, "val_accuracy")
    gap_aug = last(aug, "accuracy") - last(aug, "val_accuracy")
    val_plain, val_aug = last(plain, "val_accuracy"), last(aug, "val_accuracy")
    ctx.measures.update(
        training_examples=len(y),
        gap_without=gap_plain,
        gap_with=gap_aug,
        val_accuracy_without=val_plain,
        val_accuracy_with=val_aug,
        test_accuracy_without=plain.test_accuracy,
        test_accuracy_with=aug.test_accuracy,
    )
    holds = gap_aug < gap_plain and val_aug >= val_plain - 0.01
    sentence = translate(
        "lessons",
        "On {count} training digits, the gap between training and validation accuracy "
        "after the last "
        "epoch was {gap_plain} points without augmentation and {gap_aug} with it; validation accuracy "
        "{val_plain} without, {val_aug} with.",
    ).format(
        count=len(y),
        gap_plain=f"{100 * gap_plain:.1f}",
        gap_aug=f"{100 * gap_aug:.1f}",
        val_plain=pct(val_plain),
        val_aug=pct(val_aug),
    )
    if not holds:
        sentence += " " + translate(
            "lessons",
            "This time the claim does not hold (the gap must shrink and validation "
            "accuracy must "
            "not drop by more than 1 point).",
        )
    return ctx.result(holds, sentence)


OVERFITTING = Lesson(
    name="overfitting-augmentation",
    title=QT_TRANSLATE_NOOP("lessons", "Overfitting and augmentation"),
    explanation=QT_TRANSLATE_NOOP(
        "lessons",
        "With few examples a network soon memorises them: training accuracy climbs towards 100 % while "
        "accuracy on images it has not seen stays behind. That gap is overfitting. Augmentation shows the "
        "network a slightly different version of each image every epoch (here small rotations, shifts "
        "and zooms, which leave a digit the same digit), so memorising pays less and what it learns "
        "carries over to new images. The demo trains the same CNN on only 300 digits, without and with "
        "augmentation.",
    ),
    claim=QT_TRANSLATE_NOOP(
        "lessons",
        "With augmentation the final gap between training and validation accuracy is "
        "smaller, and "
        "validation accuracy is not worse by more than 1 point.",
    ),
    try_it=(
        QT_TRANSLATE_NOOP(
            "lessons", "Overlay both runs in the Training tab: where do the solid and dashed lines part?"
        ),
        QT_TRANSLATE_NOOP(
            "lessons",
            "In the Augmentation tab, turn on horizontal flips for digits and preview: why is that a bad idea here?",
        ),
        QT_TRANSLATE_NOOP("lessons", "Train longer (50 epochs): which run keeps improving on validation?"),
    ),
    shows="training",
    demo=overfitting,
)


# -- What the layers see ------------------------------------------------------------------------


def zero_map_fraction(act: np.ndarray) -> float:
    """The share of a layer's feature maps (H, W, C) that are zero everywhere for this input."""
    flat = act.reshape(-1, act.shape[-1])
    return float((np.abs(flat).max(axis=0) <= 0).mean())


def layers_see(ctx: Context) -> LessonResult:
    from cnnexplorer.ml.viz.activations import compute_activations
    from cnnexplorer.ml.viz.graph import list_layers

    ctx.plan(
        translate("lessons", "Loading the digits"),
        translate("lessons", "Training the CNN"),
        translate("lessons", "Looking at the activations"),
    )
    ctx.stage(0)
    data = lesson_data.digits(ctx.quick, train=2000)
    run = ctx.train(
        translate("lessons", "CNN"),
        _build(template("mnist-cnn"), ctx.seed),
        data,
        lesson_data.config(ctx.quick, epochs=3, batch_size=64, validation_split=0.1, seed=ctx.seed),
        1,
        "mnist-cnn",
    )
    ctx.stage(2)
    model = ctx.model_of(run)
    convs = [info.path for info in list_layers(model) if info.is_conv]
    first, last = convs[0], convs[-1]
    index = (101 * ctx.seed) % len(data.x_test)  # the test digits are sorted by class: spread the seeds
    digit = data.x_test[index : index + 1].astype("float32")
    acts = compute_activations(model, digit, [first, last], cancel=ctx.cancel)
    f_first, f_last = zero_map_fraction(acts.layers[first]), zero_map_fraction(acts.layers[last])
    # the same measure over 100 test digits, to show the one digit is not a special case
    many = [
        compute_activations(model, data.x_test[i : i + 1].astype("float32"), [first, last]).layers
        for i in range(min(100, len(data.x_test)))
    ]
    mean_first = float(np.mean([zero_map_fraction(a[first]) for a in many]))
    mean_last = float(np.mean([zero_map_fraction(a[last]) for a in many]))
    ctx.measures.update(
        digit_index=index,
        digit_label=int(data.y_test[index]),
        first_layer=first,
        last_layer=last,
        zero_maps_first=f_first,
        zero_maps_last=f_last,
        mean_zero_maps_first_100=mean_first,
        mean_zero_maps_last_100=mean_last,
    )
    ctx.artifacts.update(model=model, image=data.x_test[index], layers=[first, last])
    holds = f_last > f_first
    sentence = translate(
        "lessons",
        "On test digit {index} (a {label}), {first_pct} of the feature maps of the first "
        "convolution "
        "({first}) are all zero, and {last_pct} of the last one's ({last}); over 100 test digits "
        "{mean_first} and {mean_last}.",
    ).format(
        index=index,
        label=int(data.y_test[index]),
        first_pct=pct(f_first),
        first=first,
        last_pct=pct(f_last),
        last=last,
        mean_first=pct(mean_first),
        mean_last=pct(mean_last),
    )
    if not holds:
        sentence += " " + translate("lessons", "This time the deeper layer is not sparser on this digit.")
    return ctx.result(holds, sentence)


LAYERS_SEE = Lesson(
    name="layers-see",
    title=QT_TRANSLATE_NOOP("lessons", "What the layers see"),
    explanation=QT_TRANSLATE_NOOP(
        "lessons",
        "Each convolution turns its input into a stack of feature maps, one per filter. The first layer's "
        "maps still look like the digit: edges and strokes in different directions. Deeper maps are "
        "smaller, more abstract, and more often completely dark, because a deep filter answers only when "
        "the pattern it stands for is present. The layers keep less about how the image looks and more "
        "about which class it is. The demo trains the CNN briefly and counts the all-dark maps of the "
        "first and the last convolution for one digit.",
    ),
    claim=QT_TRANSLATE_NOOP(
        "lessons", "A larger share of the deeper layer's feature maps is all zero (sparser with depth)."
    ),
    try_it=(
        QT_TRANSLATE_NOOP(
            "lessons",
            "In the Visualize tab, step through other test digits (Index, Random) and watch which maps light up.",
        ),
        QT_TRANSLATE_NOOP("lessons", "Compare a 1 and an 8: which one wakes more filters of the last layer?"),
    ),
    shows="visualize",
    view="activations",
    demo=layers_see,
)


# -- Separable convolutions ---------------------------------------------------------------------


SEPARABLE_EPOCHS = 16  # separable layers start slower: 4 points behind after 6 epochs, 2 after 12 (seed 1)


def separable_version(spec: ModelSpec) -> ModelSpec:
    """Every Conv2D after the first becomes a SeparableConv2D. The first one sees a single (grey) channel, where
    a depthwise 3×3 followed by a 1×1 mix can only draw one 3×3 pattern at different strengths, so it stays a
    Conv2D (the tutorial's separable network takes colour images: three channels from the start)."""
    out = spec.copy()
    first = next(i for i, layer in enumerate(out.layers) if layer.type == "Conv2D")
    out.layers = [
        LayerSpec("SeparableConv2D", dict(layer.params)) if layer.type == "Conv2D" and i != first else layer
        for i, layer in enumerate(out.layers)
    ]
    out.name = "mnist-cnn-separable"
    return out


def conv_weights(model) -> int:
    """Weights (kernels and biases) of the model's convolution layers."""
    return int(sum(layer.count_params() for layer in model.layers if "Conv" in layer.__class__.__name__))


def separable(ctx: Context) -> LessonResult:
    ctx.plan(
        translate("lessons", "Loading the digits"),
        translate("lessons", "Training the CNN"),
        translate("lessons", "Training the separable CNN"),
    )
    ctx.stage(0)
    data = lesson_data.digits(ctx.quick)
    cfg = lesson_data.config(ctx.quick, epochs=SEPARABLE_EPOCHS, batch_size=64, validation_split=0.1, seed=ctx.seed)
    cnn = ctx.train(
        translate("lessons", "CNN (Conv2D)"), _build(template("mnist-cnn"), ctx.seed), data, cfg, 1, "mnist-cnn"
    )
    sep = ctx.train(
        translate("lessons", "CNN (SeparableConv2D)"),
        _build(separable_version(template("mnist-cnn")), ctx.seed),
        data,
        cfg,
        2,
        "mnist-cnn-separable",
    )
    w_cnn, w_sep = conv_weights(ctx.model_of(cnn)), conv_weights(ctx.model_of(sep))
    ratio = w_cnn / max(1, w_sep)
    ctx.measures.update(
        conv_weights_conv2d=w_cnn,
        conv_weights_separable=w_sep,
        ratio=ratio,
        accuracy_conv2d=cnn.test_accuracy,
        accuracy_separable=sep.test_accuracy,
    )
    holds = ratio >= 4 and value(sep.test_accuracy) >= value(cnn.test_accuracy) - 0.02
    sentence = translate(
        "lessons",
        "The convolutions hold {w_cnn:,} weights with Conv2D and {w_sep:,} with "
        "SeparableConv2D "
        "({ratio:.1f}× fewer); test accuracy {acc_cnn} against {acc_sep} ({diff} points).",
    ).format(
        w_cnn=w_cnn,
        w_sep=w_sep,
        ratio=ratio,
        acc_cnn=pct(cnn.test_accuracy),
        acc_sep=pct(sep.test_accuracy),
        diff=points(sep.test_accuracy, cnn.test_accuracy),
    )
    if not holds:
        sentence += " " + translate(
            "lessons",
            "This time the claim does not hold (at least 4× fewer weights and no more than 2 points lower accuracy).",
        )
    return ctx.result(holds, sentence)


SEPARABLE = Lesson(
    name="separable-convolutions",
    title=QT_TRANSLATE_NOOP("lessons", "Separable convolutions"),
    explanation=QT_TRANSLATE_NOOP(
        "lessons",
        "A normal 3×3 convolution mixes space and channels at once: every filter has a 3×3 window for "
        "every input channel. A separable convolution splits the job in two: first one 3×3 window per "
        "channel (depthwise), then a 1×1 convolution that mixes the channels (pointwise). That needs far "
        "fewer weights and calculations, and often learns just as well. The demo swaps the Conv2D layers "
        "of the tutorial's CNN for SeparableConv2D (all but the first, which sees a single grey channel: "
        "there is nothing to separate) and trains both the same way.",
    ),
    claim=QT_TRANSLATE_NOOP(
        "lessons",
        "The separable network has at least 4× fewer convolution weights, and its test "
        "accuracy "
        "is no more than 2 points lower.",
    ),
    try_it=(
        QT_TRANSLATE_NOOP(
            "lessons", "In the Builder, compare the parameter column of a Conv2D and a SeparableConv2D with 64 filters."
        ),
        QT_TRANSLATE_NOOP(
            "lessons", "Load the separable-cnn template: it is the tutorial's network for colour images."
        ),
    ),
    shows="training",
    demo=separable,
)
