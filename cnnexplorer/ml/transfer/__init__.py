"""Pretrained networks and transfer learning (tutorial section 4), in one package:

- ``core/pretrained_catalog.py``: the networks (``CATALOG``), heads, labels — plain data;
- ``core/freeze_state.py``: the layer rows and which of them train (``FreezeState``) — plain data;
- :mod:`.weights`: where weights come from (ImageNet cache/download with Keras' hashes, bundled, file, random);
- :mod:`.preprocessing`: each network's ``preprocess_input`` as standard Keras layers;
- :mod:`.base`: building a base with its weights, describing and freezing its layers, ``find_base``;
- :mod:`.heads`: the classifier heads and the composed model;
- :mod:`.runs`: feature extraction, end to end, fine-tuning, and the Pretrained tab's jobs.

Importing it is cheap (no TensorFlow): everything that builds or runs a model
imports Keras inside the function. Every public name stays importable as
``cnnexplorer.ml.transfer.NAME``.
"""
from __future__ import annotations

from cnnexplorer.core.freeze_state import (
    GROUP_PATTERNS,
    FreezeState,
    LayerRow,
    group_names,
)
from cnnexplorer.core.pretrained_catalog import (
    APPS_URL,
    BUNDLED_LABEL,
    CATALOG,
    HEAD_TITLES,
    HEADS,
    IMAGENET_LABEL,
    KERAS_HASHES,
    RANDOM_LABEL,
    Architecture,
    get_architecture,
)
from cnnexplorer.ml.transfer.base import (
    apply_freeze,
    build_base,
    count_params,
    find_base,
    freeze_until,
    has_batchnorm,
    layer_rows,
    load_base_weights,
    save_base_weights,
)
from cnnexplorer.ml.transfer.heads import (
    compile_model,
    compose,
    feature_extractor,
    head_layers,
    output_setup,
)
from cnnexplorer.ml.transfer.preprocessing import (
    CAFFE_MEAN_BGR,
    apply_preprocess,
    preprocess_layer_class,
    preprocess_layers,
    register_custom_objects,
)
from cnnexplorer.ml.transfer.runs import (
    LoadedBase,
    PretrainedOutcome,
    TransferResult,
    check_dataset,
    epoch_line,
    extract_features,
    job_title,
    load_base_job,
    load_folder,
    pretrained_run,
    run_end_to_end,
    run_feature_extraction,
    train_job,
)
from cnnexplorer.ml.transfer.weights import (
    DOWNLOAD_TIMEOUT_S,
    WeightsSource,
    bundled_weights_path,
    cached_weights,
    check_weights_file,
    default_architecture,
    download_imagenet_weights,
    has_imagenet_weights,
    imagenet_weights,
    keras_models_dir,
    offline_message,
    resolve_source,
)

__all__ = [
    "APPS_URL",
    "BUNDLED_LABEL",
    "CAFFE_MEAN_BGR",
    "CATALOG",
    "DOWNLOAD_TIMEOUT_S",
    "GROUP_PATTERNS",
    "HEADS",
    "HEAD_TITLES",
    "IMAGENET_LABEL",
    "KERAS_HASHES",
    "RANDOM_LABEL",
    "Architecture",
    "FreezeState",
    "LayerRow",
    "LoadedBase",
    "PretrainedOutcome",
    "TransferResult",
    "WeightsSource",
    "apply_freeze",
    "apply_preprocess",
    "build_base",
    "default_architecture",
    "bundled_weights_path",
    "cached_weights",
    "check_dataset",
    "check_weights_file",
    "compile_model",
    "compose",
    "count_params",
    "download_imagenet_weights",
    "epoch_line",
    "extract_features",
    "feature_extractor",
    "find_base",
    "freeze_until",
    "get_architecture",
    "group_names",
    "has_batchnorm",
    "has_imagenet_weights",
    "head_layers",
    "imagenet_weights",
    "keras_models_dir",
    "layer_rows",
    "load_base_job",
    "load_base_weights",
    "job_title",
    "load_folder",
    "offline_message",
    "output_setup",
    "preprocess_layer_class",
    "preprocess_layers",
    "pretrained_run",
    "register_custom_objects",
    "resolve_source",
    "run_end_to_end",
    "run_feature_extraction",
    "save_base_weights",
    "train_job",
]
