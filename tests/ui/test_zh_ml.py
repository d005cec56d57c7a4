"""Messages that ml/ builds (dataset, model file, pretrained, training, augmentation) follow the Chinese interface.

No network and no TensorFlow: every failure here is raised before Keras is needed,
and the "download" is an ``urlopen`` that fails at once, as it does offline.
"""
from __future__ import annotations

import re
import urllib.error
import urllib.request

import numpy as np
import pytest

from cnnexplorer.core.errors import DatasetError, ModelFileError, UserError
from cnnexplorer.core.images import save_png
from cnnexplorer.ui.app import install_translators

HAN = re.compile(r"[\u4e00-\u9fff]")


def _chinese(text: str) -> bool:
    return len(HAN.findall(text)) >= 4


def _offline(*args, **kwargs):
    raise urllib.error.URLError("no network")


def test_unknown_dataset_is_explained_in_chinese(zh):
    from cnnexplorer.ml.data import dataset_info

    with pytest.raises(DatasetError) as err:
        dataset_info("no-such-dataset")
    assert "没有名为 'no-such-dataset' 的数据集" in str(err.value)
    assert "mnist-sample" in str(err.value)  # the names to choose from stay as they are


def test_image_folder_problems_and_progress_in_chinese(zh, tmp_path):
    from cnnexplorer.ml.data import load_dataset

    with pytest.raises(DatasetError) as err:
        load_dataset(str(tmp_path))
    assert "没有子文件夹" in str(err.value) and "cats/" in str(err.value)

    for name in ("cats", "dogs"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "broken.jpg").write_bytes(b"not an image")
    with pytest.raises(DatasetError) as err:
        load_dataset(str(tmp_path))
    assert str(err.value).startswith(f"{tmp_path} 中没有可读取的图像（有 2 个文件无法作为图像读取）")

    rng = np.random.default_rng(0)
    for name in ("cats", "dogs"):
        for i in range(5):
            save_png(tmp_path / name / f"{i}.png", rng.integers(0, 255, (12, 12, 3), dtype=np.uint8))
    events = []
    dataset = load_dataset(str(tmp_path), progress=events.append, image_size=(8, 8))
    assert dataset.info.title == f"图像文件夹 {tmp_path.name}（2 个类别）"
    assert events[-1].message == "已读取 10 张图像，跳过 2 个无法读取的文件"


def test_corrupt_model_file_is_explained_in_chinese(zh, tmp_path):
    from cnnexplorer.ml.model_files import load_model_file

    path = tmp_path / "broken.keras"
    path.write_bytes(b"PK\x03\x04 this is not a whole zip archive")
    with pytest.raises(ModelFileError) as err:
        load_model_file(str(path))
    text = str(err.value)
    assert text.startswith("broken.keras 不是可读取的 Keras 模型：.keras 文件是一个 zip 压缩包")
    assert "model.save('name.keras')" in text  # the Keras call stays as it is
    with pytest.raises(ModelFileError, match="模型文件 .* 不存在"):
        load_model_file(str(tmp_path / "missing.keras"))


def test_pretrained_weights_missing_offline_in_chinese(zh, tmp_path, monkeypatch):
    from cnnexplorer.ml import transfer

    monkeypatch.setenv("KERAS_HOME", str(tmp_path))
    monkeypatch.setattr(urllib.request, "urlopen", _offline)
    events = []
    with pytest.raises(UserError) as err:
        transfer.build_base("vgg16", 64, "imagenet", progress=events.append)
    text = str(err.value)
    assert text.startswith("无法下载 VGG16 的 ImageNet 权重（no network）")
    assert "vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5" in text and "随机权重" in text
    assert events[0].message == "正在下载 VGG16 的 ImageNet 权重…"

    with pytest.raises(UserError, match="需要至少 32×32 像素"):
        transfer.get_architecture("vgg16").check_input_size(16)
    assert transfer.WeightsSource.parse(str(tmp_path / "mine.weights.h5")).label() == "来自 mine.weights.h5 的权重"


def test_training_and_augmentation_messages_in_chinese(zh):
    from cnnexplorer.core.augment_config import AugmentConfig
    from cnnexplorer.ml import augment, train

    with pytest.raises(UserError) as err:
        train.split_validation(np.zeros((3, 4)), np.array([0, 1, 1]), 0.1, 0)
    assert str(err.value) == "训练集（3 个样本）太小，无法留出 10% 用于验证；请使用更小的验证集比例，或设为 0。"
    assert train._done_message(train.TrainResult({}, 2, 1.0, test_loss=0.25, test_accuracy=0.875)) == (
        "测试精度 87.5%，测试损失 0.2500。")
    with pytest.raises(UserError, match="变体数量必须在 1 到 64 之间"):
        augment.preview(np.zeros((8, 8, 3), np.uint8), AugmentConfig(), count=0)


def test_english_again_after_switching_back(qapp):
    from cnnexplorer.ml.data import dataset_info

    install_translators(qapp, "zh_CN")
    install_translators(qapp, "en")
    with pytest.raises(DatasetError) as err:
        dataset_info("nothing")
    assert str(err.value).startswith("There is no dataset called 'nothing'. Choose one of mnist-sample")
    assert not _chinese(str(err.value))
