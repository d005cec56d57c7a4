"""Conv1D on sequences: the conv1d-text template against a Dense network at the tutorial's settings."""

from __future__ import annotations

import dataclasses

from cnnexplorer.core.configs import TrainingConfig
from cnnexplorer.core.i18n import QT_TRANSLATE_NOOP, translate
from cnnexplorer.core.spec import CompileSpec, LayerSpec, ModelSpec, template
from cnnexplorer.ml.lessons import data as lesson_data
from cnnexplorer.ml.lessons.base import Context, Lesson, LessonResult, pct, value

# The tutorial's settings (section 6): RMSprop 1e-4 (in the template), 10 epochs, batch 128, validation split 0.2.
EPOCHS, BATCH, SPLIT = 10, 128, 0.2


def dense_on_embeddings() -> ModelSpec:
    """Embedding → Flatten → Dense(1): the same embedding and optimizer as conv1d-text, no convolution."""
    conv = template("conv1d-text")
    return ModelSpec(
        name="dense-on-embeddings",
        input_shape=tuple(conv.input_shape),
        layers=[
            LayerSpec("Embedding", dict(conv.layers[0].params)),
            LayerSpec("Flatten", {}),
            LayerSpec("Dense", {"units": 1, "activation": "sigmoid"}),
        ],
        compile=CompileSpec(
            optimizer=conv.compile.optimizer, learning_rate=conv.compile.learning_rate, loss="binary_crossentropy"
        ),
    )


def conv1d(ctx: Context) -> LessonResult:
    from cnnexplorer.ml.build import build_model
    from cnnexplorer.ml.data import load_dataset
    from cnnexplorer.ml.runtime import keras

    ctx.plan(
        translate("lessons", "Loading the sequences"),
        translate("lessons", "Training the Conv1D network"),
        translate("lessons", "Training the Dense network"),
    )
    ctx.stage(0)
    data = load_dataset("sequences-sample")
    if ctx.quick:
        x, y = lesson_data.take(data.x_train, data.y_train, 200, 0)
        data = dataclasses.replace(data, x_train=x, y_train=y, x_test=data.x_test[:100], y_test=data.y_test[:100])
    cfg = TrainingConfig(epochs=1 if ctx.quick else EPOCHS, batch_size=BATCH, validation_split=SPLIT, seed=ctx.seed)
    runs = []
    for stage, (name, spec) in enumerate(
        (
            (translate("lessons", "Conv1D"), template("conv1d-text")),
            (translate("lessons", "Dense"), dense_on_embeddings()),
        ),
        start=1,
    ):
        keras().utils.set_random_seed(ctx.seed)
        runs.append(ctx.train(name, build_model(spec), data, cfg, stage, spec.name))
    conv, dense = runs
    ctx.measures.update(
        conv1d_accuracy=conv.test_accuracy,
        dense_accuracy=dense.test_accuracy,
        conv1d_parameters=conv.parameters,
        dense_parameters=dense.parameters,
    )
    holds = value(conv.test_accuracy) >= 0.90 and value(dense.test_accuracy) <= 0.65
    sentence = translate(
        "lessons",
        "With RMSprop 1e-4, 10 epochs, batch 128 and 20 % validation, the Conv1D network "
        "reached "
        "{conv} test accuracy and the Dense network {dense} (chance is 50 %).",
    ).format(conv=pct(conv.test_accuracy), dense=pct(dense.test_accuracy))
    if not holds:
        sentence += " " + translate(
            "lessons", "This time the claim does not hold (Conv1D at least 90 %, Dense at most 65 %)."
        )
    return ctx.result(holds, sentence)


CONV1D = Lesson(
    name="conv1d-sequences",
    title=QT_TRANSLATE_NOOP("lessons", "Conv1D on sequences"),
    explanation=QT_TRANSLATE_NOOP(
        "lessons",
        "Text is a sequence of word ids. An Embedding turns each word into a vector, and a Conv1D slides a "
        "short window (7 words here) along the sentence, so a phrase it has learned is recognised "
        "wherever it appears. In the bundled sequences a text is positive when three words appear in one "
        "particular order anywhere in it; the negative texts hold the same words in another order. A "
        "Dense layer on the flattened word vectors would have to learn the phrase separately at every "
        "position. The demo trains both at the tutorial's settings.",
    ),
    claim=QT_TRANSLATE_NOOP(
        "lessons",
        "At the tutorial's settings (RMSprop 1e-4, 10 epochs, batch 128, validation "
        "split 0.2) "
        "Conv1D reaches at least 90 % test accuracy and the Dense network at most 65 %.",
    ),
    try_it=(
        QT_TRANSLATE_NOOP(
            "lessons", "Change the Conv1D kernel size from 7 to 2 in the Builder: can it still see a three-word phrase?"
        ),
        QT_TRANSLATE_NOOP(
            "lessons", "Train the conv1d-text template with batch 32 instead of 128: how many epochs does it need now?"
        ),
        QT_TRANSLATE_NOOP(
            "lessons",
            "The template cannot see a phrase in the last words of a text: its MaxPooling1D(5) keeps only 490 of "
            "the first Conv1D's 494 windows, so the bundled texts keep the phrase away from the end. Which "
            "setting of the pooling layer would close that blind spot?",
        ),
    ),
    shows="training",
    demo=conv1d,
)
