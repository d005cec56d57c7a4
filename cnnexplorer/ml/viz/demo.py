"""A quickly trained MNIST CNN, so the Visualize tab has something meaningful to look at in seconds."""
from __future__ import annotations

from cnnexplorer.core.i18n import translate
from cnnexplorer.core.progress import check_cancel, report


def quick_mnist_model(samples: int = 2000, epochs: int = 1, seed: int = 0, progress=None, cancel=None):
    """The tutorial's MNIST CNN trained briefly on the bundled digits (about 90 % test accuracy)."""
    from cnnexplorer.core.spec import template
    from cnnexplorer.ml.build import build_model
    from cnnexplorer.ml.data import load_dataset
    from cnnexplorer.ml.runtime import keras

    k = keras()
    data = load_dataset("mnist-sample")
    k.utils.set_random_seed(seed)
    model = build_model(template("mnist-cnn"))
    x, y = data.x_train[:samples].astype("float32"), data.y_train[:samples]
    batch = 64
    steps = -(-len(x) // batch)

    class _Report(k.callbacks.Callback):  # type: ignore[name-defined]  # keras is imported at run time
        def on_train_batch_end(self, b, logs=None):
            check_cancel(cancel)
            report(progress, "batch", b + 1, steps * epochs, translate("viz_demo", "Training a quick MNIST model…"))

    model.fit(x, y, epochs=epochs, batch_size=batch, verbose=0, callbacks=[_Report()])
    check_cancel(cancel)
    return model
