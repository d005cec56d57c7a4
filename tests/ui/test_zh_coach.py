"""Under zh_CN the coach, the augmentation summary and notes, and the compatibility messages are Chinese."""
from __future__ import annotations

import ast
import math
import re
import string
import xml.etree.ElementTree as ET
from pathlib import Path
from types import SimpleNamespace

import pytest

from cnnexplorer.core import augment_config, coach, compatibility, resources
from cnnexplorer.core.augment_config import AugmentConfig, preset
from cnnexplorer.core.coach import coach as advise
from cnnexplorer.core.compatibility import check_compatibility
from cnnexplorer.core.errors import UserError
from cnnexplorer.ui.app import install_translators

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "cnnexplorer_zh_CN.ts"
MODULES = (coach, augment_config, compatibility, resources)
# English that may stay inside a Chinese sentence: Keras names, dataset names, formats (and any identifier
# with "_" or a digit in it, such as rotation_range or cifar10).
KEPT = {"NaN", "Dropout", "Dense", "nearest", "reflect", "wrap", "constant", "cval",
        "mnist-sample", "sequences-sample", "JSON", "true", "false", "MNIST", "CNN", "Conv1D"}

MNIST = SimpleNamespace(name="mnist-sample", kind="images", input_shape=(28, 28, 1), num_classes=10)
CIFAR = SimpleNamespace(name="cifar10", kind="images", input_shape=(32, 32, 3), num_classes=10)
SEQUENCES = SimpleNamespace(name="sequences-sample", kind="sequences", input_shape=(500,), num_classes=2)


def assert_chinese(text: str) -> None:
    assert re.search(r"[\u4e00-\u9fff]", text), text
    unquoted = re.sub(r"'[^']*'", " ", text)  # a value the user typed, e.g. got 'bogus'
    english = [w for w in re.findall(r"[A-Za-z_][A-Za-z_0-9\-]*", unquoted) if w not in KEPT and len(w) > 1
               and not re.search(r"[\d_]", w)]
    assert not english, (english, text)


def test_coach_advice_for_typical_histories_is_chinese(zh):
    overfitting = {"loss": [1.0, 0.6, 0.4, 0.3, 0.2, 0.1], "val_loss": [1.0, 0.7, 0.6, 0.65, 0.7, 0.8],
                   "accuracy": [0.6, 0.8, 0.9, 0.93, 0.96, 0.99], "val_accuracy": [0.6, 0.75, 0.8, 0.8, 0.79, 0.78]}
    advice = advise(overfitting)
    assert advice.level == "warning" and "过拟合" in advice.text and "第 3 轮" in advice.text
    assert_chinese(advice.text)

    stuck = advise({"loss": [2.3, 2.3, 2.3], "accuracy": [0.1, 0.1, 0.11]}, num_classes=10, learning_rate=0.001)
    assert "11%" in stuck.text and "10%" in stuck.text and "0.001" in stuck.text
    assert_chinese(stuck.text)

    diverging = advise({"loss": [1.0, 0.8, 1.5, 3.0, 9.0]}, learning_rate=0.1)
    assert diverging.level == "problem" and "发散" in diverging.text and "（当前为 0.1）" in diverging.text
    assert_chinese(diverging.text)

    nan = advise({}, batch_losses=[2.3, float("inf")])
    assert "第 2 个批次" in nan.text and "NaN" in nan.text
    assert_chinese(nan.text)
    assert_chinese(advise({"loss": [0.5, math.nan]}).text)

    fine = advise({"loss": [1.0, 0.5], "val_loss": [0.8, 0.4], "accuracy": [0.7, 0.9], "val_accuracy": [0.75, 0.91]})
    assert fine.level == "good" and fine.text.startswith("2 轮后") and "91.0%" in fine.text
    assert_chinese(fine.text)
    gap = advise({"loss": [1.0, 0.5], "val_loss": [0.8, 0.9], "accuracy": [0.7, 0.99], "val_accuracy": [0.7, 0.8]})
    assert "19%" in gap.text
    for text in (gap.text, advise({}).text, advise({}, batch_losses=[2.0]).text,
                 advise({"loss": [1.0, 0.5], "accuracy": [0.7, 0.8]}).text, advise({"loss": [1.0]}).text):
        assert_chinese(text)


def test_augmentation_summary_notes_and_errors_are_chinese(zh):
    summary = preset("tutorial (cats vs dogs)").describe()
    assert summary == "旋转 ±40°，平移 20% × 20%，错切 0.2（≈11°），缩放 ±20%，水平翻转，填充 nearest"
    assert AugmentConfig().describe() == "关闭"
    assert "填充 constant 0" in preset("digits (no flips)").describe()
    colour = AugmentConfig(brightness_range=0.2, contrast_range=0.1, saturation_range=0.3, vertical_flip=True)
    assert colour.describe() == "垂直翻转，亮度 ±20%，对比度 ±10%，饱和度 ±30%"

    notes = colour.fit_problems((28, 28, 1)) + AugmentConfig(horizontal_flip=True, rotation_range=45).fit_warnings(
        "mnist-sample") + colour.fit_problems((500,))
    assert len(notes) == 4 and "数字（不翻转）" in notes[0]
    for note in notes:
        assert_chinese(note)

    with pytest.raises(UserError) as bad:
        AugmentConfig.from_dict({"rotation_range": 400})
    assert str(bad.value) == "rotation_range 必须在 0 到 180 之间（度）；现在是 400。"
    for data in ({"zoom_range": [0.1, 0.2]}, {"fill_mode": "bogus"}, {"oops": 1}, [1]):
        with pytest.raises(UserError) as bad:
            AugmentConfig.from_dict(data)
        assert_chinese(str(bad.value))


def test_compatibility_messages_are_chinese(zh):
    cnn = check_compatibility((32, 32, 3), 2, "sparse_categorical_crossentropy", MNIST)
    assert [m.kind for m in cnn] == ["size", "channels", "classes"]
    assert cnn[0].message == "模型需要 32×32 的图像，mnist-sample 的图像是 28×28：把图像缩放到 32×32？"
    assert "把最后的 Dense 层改为 10 个单元" in cnn[2].message
    gray = check_compatibility((28, 28, 1), 10, "sparse_categorical_crossentropy", CIFAR)
    sequence_model = check_compatibility((100,), 2, "binary_crossentropy", MNIST)
    image_model = check_compatibility((28, 28, 1), 1, "binary_crossentropy", SEQUENCES)
    length = check_compatibility((100,), 1, "binary_crossentropy", SEQUENCES)
    for m in [*cnn, *gray, *sequence_model, *image_model, *length]:
        assert_chinese(m.message)
    assert "灰度" in gray[1].message and "长度" in length[0].message


def test_english_again_after_switching_back(qapp):
    install_translators(qapp, "zh_CN")
    install_translators(qapp, "en")
    assert advise({}).text.startswith("Press Start")
    assert preset("tutorial (cats vs dogs)").describe().startswith("rotation ±40°, shift")


def _templates() -> set[tuple[str, str]]:
    found = set()
    for module in MODULES:
        for node in ast.walk(ast.parse(Path(module.__file__).read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("translate", "QT_TRANSLATE_NOOP")
                    and all(isinstance(a, ast.Constant) for a in node.args[:2])):
                found.add((node.args[0].value, node.args[1].value))
    return found


def test_every_template_has_a_chinese_translation_with_the_same_fields():
    translations = {}
    for context in ET.parse(TS).getroot().iter("context"):
        for message in context.iter("message"):
            node = message.find("translation")
            if node.get("type") not in ("unfinished", "obsolete", "vanished"):
                translations[(context.findtext("name"), message.findtext("source"))] = node.text or ""
    templates = _templates()
    assert len(templates) > 50
    fields = string.Formatter()
    for key in sorted(templates):
        assert translations.get(key), f"no Chinese for {key}"
        english = sorted((f, spec) for _, f, spec, _ in fields.parse(key[1]) if f)
        chinese = sorted((f, spec) for _, f, spec, _ in fields.parse(translations[key]) if f)
        assert english == chinese, key


def test_a_missing_bundled_file_is_explained_in_chinese(zh):
    with pytest.raises(UserError) as missing:
        resources.resource_path("data", "no_such_file.npz")
    assert "data/no_such_file.npz" in str(missing.value) and "重新安装" in str(missing.value)
