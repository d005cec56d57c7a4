"""A model saved with the app's own layers opens again in a fresh process."""
import subprocess
import sys

import numpy as np


def test_model_with_pretrained_preprocessing_reopens_in_a_new_process(tmp_path):
    from cnnexplorer.ml.model_files import save_model_file
    from cnnexplorer.ml.runtime import keras
    from cnnexplorer.ml.transfer import preprocess_layer_class

    k = keras()
    inputs = k.Input((16, 16, 3))
    x = preprocess_layer_class()(mode="caffe")(inputs)
    x = k.layers.Conv2D(2, 3)(x)
    outputs = k.layers.Dense(2, activation="softmax")(k.layers.GlobalAveragePooling2D()(x))
    model = k.Model(inputs, outputs)
    model.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy")
    path = tmp_path / "pets.keras"
    save_model_file(model, str(path))
    image = np.full((1, 16, 16, 3), 120, np.float32)
    expected = model.predict(image, verbose=0)

    code = (
        "import sys, numpy as np\n"
        "from cnnexplorer.ml.model_files import load_model_file\n"
        f"model, _ = load_model_file({str(path)!r})\n"
        "print(np.array2string(model.predict(np.full((1, 16, 16, 3), 120, np.float32), verbose=0), precision=6))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-1500:]
    assert result.stdout.strip() == np.array2string(expected, precision=6)
