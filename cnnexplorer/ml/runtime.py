"""The one place that imports TensorFlow and Keras, and reports what it found."""
from __future__ import annotations

import gc
import os
import threading
from dataclasses import dataclass

# TensorFlow's first import is not safe from two threads at once (seen here:
# importlib _DeadlockError, then "Registering two gradient with name
# 'ReduceDataset'"). The window imports it on a worker at start-up while a
# tab's worker may want it too, so every import goes through this lock.
_IMPORT_LOCK = threading.RLock()


def _quiet_environment() -> None:
    os.environ.setdefault("KERAS_BACKEND", "tensorflow")
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # no C++ info banners on stderr


def keras():
    """Import and return the ``keras`` module (TensorFlow backend)."""
    _quiet_environment()
    with _IMPORT_LOCK:
        import keras as _keras
    return _keras


def tf():
    """Import and return the ``tensorflow`` module."""
    _quiet_environment()
    with _IMPORT_LOCK:
        import tensorflow as _tf
    return _tf


@dataclass(frozen=True)
class BackendInfo:
    tensorflow_version: str
    keras_version: str
    device: str  # "CPU" or the GPU's name(s)

    @property
    def summary(self) -> str:
        return f"Keras {self.keras_version} · TensorFlow {self.tensorflow_version} · {self.device}"


def load_backend(progress=None, cancel=None) -> BackendInfo:
    """Import TensorFlow/Keras and find the compute device (takes seconds; run it off the GUI thread)."""
    tf_ = tf()
    keras_ = keras()
    gpus = tf_.config.list_physical_devices("GPU")
    device = "CPU"
    if gpus:
        names = []
        for gpu in gpus:
            try:
                details = tf_.config.experimental.get_device_details(gpu)
                names.append(details.get("device_name", gpu.name))
            except Exception:  # details are optional; the device is still usable
                names.append(gpu.name)
        device = "GPU: " + ", ".join(names)
    # The import leaves about a million long-lived objects; moving them out of
    # the collector's reach keeps later full collections (which pause every
    # thread, the GUI's included) short.
    gc.freeze()
    return BackendInfo(tf_.__version__, keras_.__version__, device)
