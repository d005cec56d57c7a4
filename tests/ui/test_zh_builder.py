"""The Builder's formulas, explanations and problems, and design/image/settings errors, in Chinese under zh_CN."""
from __future__ import annotations

import html
import re

import pytest

from cnnexplorer.core.configs import TrainingConfig
from cnnexplorer.core.errors import ImageError, SpecError, UserError
from cnnexplorer.core.images import load_image
from cnnexplorer.core.session import Session
from cnnexplorer.core.shapes import validate
from cnnexplorer.core.spec import LayerSpec, ModelSpec, template
from cnnexplorer.ui.app import install_translators
from cnnexplorer.ui.session_bridge import SessionBridge
from cnnexplorer.ui.tabs.builder import BuilderTab

CHINESE = re.compile(r"[\u4e00-\u9fff]")


def _messages(spec: ModelSpec, num_classes: int | None = None) -> list[str]:
    return [p.message for p in validate(spec, num_classes)]


def test_problems_of_bad_designs_are_chinese_with_keras_names_kept(zh):
    too_big = ModelSpec((5, 5, 1), [LayerSpec("Conv2D", {"kernel_size": 7}), LayerSpec("Flatten"),
                                    LayerSpec("Dense", {"units": 10, "activation": "softmax"})])
    # no pooling layer before it, so none is suggested (issue 17, item 4)
    assert _messages(too_big) == ["第 1 层 Conv2D：卷积核 7×7 比它的输入 5×5 还大——请使用 padding='same'、"
                                  "不超过 5×5 的 kernel_size，或使用更大的输入。"]
    embedding_second = ModelSpec((500,), [LayerSpec("Dense", {"units": 8}), LayerSpec("Embedding"),
                                          LayerSpec("GlobalMaxPooling1D"),
                                          LayerSpec("Dense", {"units": 1, "activation": "sigmoid"})])
    embedding_second.compile.loss = "binary_crossentropy"
    bad_loss = template("mnist-cnn")
    bad_loss.compile.loss = "hinge"
    messages = (_messages(embedding_second) + _messages(template("mnist-cnn"), num_classes=3)
                + _messages(bad_loss) + _messages(ModelSpec((28, 28, 1), [])))
    assert len(messages) == 4
    for message in messages:
        assert CHINESE.search(message), message
        assert not re.search(r"\b(the|must|layer|use|add)\b", message), message
    assert "第 2 层 Embedding" in messages[0]
    assert "units=3" in messages[1] and "3 个类别" in messages[1]
    assert "'hinge'" in messages[2] and "sparse_categorical_crossentropy" in messages[2]


def test_english_is_unchanged_without_a_translator(qapp):
    install_translators(qapp, "en")
    assert _messages(template("mnist-cnn"), num_classes=3) == [
        "Layer 9 Dense: the output has 10 units but the dataset has 3 classes — set units=3."]


def test_formula_panel_explains_in_chinese_and_keeps_the_math(zh, qtbot, errors):
    tab = BuilderTab(SessionBridge(Session()))
    qtbot.addWidget(tab)
    tab.table.select_layer(1)  # Conv2D 3×3, 32 filters on 28×28×1
    text = html.unescape(tab.formula_label.text())
    assert "out = floor((28 - 3) / 1) + 1 = 26" in text and "params = 3·3·1·32 + 32 = 320" in text
    assert "使用 padding='valid' 时" in text and "偏置" in text
    tab.table.select_layer(2)  # MaxPooling2D: two formula lines, the second one translated
    assert "<br>池化没有权重（params = 0）" in tab.formula_label.text()
    tab.table.select_layer(7)  # Dense
    assert "out = 64 个单元<br>params = 576·64 + 64 = 36,928" in tab.formula_label.text()
    tab.table.select_layer(6)  # Flatten, then a Conv2D after it: the problem is shown in Chinese
    tab.add_layer("Conv2D")
    assert "第 8 层 Conv2D：需要一幅图像" in tab.problem_list.item(0).text()
    assert "Flatten（第 7 层）" in tab.problem_list.item(0).text()
    assert errors == []


def test_design_image_and_settings_errors_are_chinese(zh, tmp_path):
    not_an_image = tmp_path / "notes.png"
    not_an_image.write_text("hello", encoding="utf-8")
    (tmp_path / "d.json").write_text("{", encoding="utf-8")
    raised = []
    for call in (lambda: template("nope"), lambda: ModelSpec.from_json("{"), lambda: load_image(not_an_image),
                 lambda: TrainingConfig(epochs=0).validate()):
        with pytest.raises(UserError) as info:
            call()
        raised.append(info.value)
    assert isinstance(raised[0], SpecError) and "没有名为 'nope' 的模板" in str(raised[0])
    assert "JSON" in str(raised[1]) and "第 1 行" in str(raised[1])
    assert isinstance(raised[2], ImageError) and str(raised[2]).startswith("notes.png 不是本应用能读取的图像")
    assert str(raised[3]) == "轮次必须是 1 到 1000 之间的整数（当前为 0）。"


def test_advice_header_and_raw_pixel_note_are_chinese(zh, qtbot):
    tab = BuilderTab(SessionBridge(Session()))
    qtbot.addWidget(tab)
    tab.load_template("conv1d-text")  # on the MNIST sample: choose a sequence dataset first
    first = tab.problem_list.item(0).text()
    assert "序列数据集" in first and "sequences-sample" in first
    tab.load_template("mnist-cnn")
    tab.table.select_layer(1)
    for box in tab.layer_editor.widgets["kernel_size"].boxes:
        box.setValue(30)
    assert tab.total_label.text() == "参数个数未知：第 2 层还无法构建"
    tab.undo_stack.undo()
    tab.table.select_layer(0)
    tab.delete_button.click()  # no Rescaling any more
    notes = [tab.problem_list.item(i).text() for i in range(tab.problem_list.count())]
    assert any(t.startswith("提示：第 1 层 Conv2D 收到的是 0-255 的原始像素值") for t in notes)
