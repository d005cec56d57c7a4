"""Under zh_CN the texts conv_lab and receptive_field build for the Concepts tab are Chinese; in English unchanged."""
from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np

from cnnexplorer.core import conv_lab as lab
from cnnexplorer.core import receptive_field as rf
from cnnexplorer.core.spec import LayerSpec, ModelSpec

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "cnnexplorer_zh_CN.ts"
KEPT = {"Keras", "Conv2D", "Dense", "MaxPooling2D", "SeparableConv2D", "Flatten", "valid", "same", "GRU"}


def assert_chinese(text: str) -> None:
    assert re.search(r"[\u4e00-\u9fff]", text), text
    english = [w for w in re.findall(r"[A-Za-z][A-Za-z0-9_]*", text) if w not in KEPT and len(w) > 1
               and not re.search(r"\d", w)]
    assert not english, (english, text)


def _design(*layers: LayerSpec, shape=(28, 28, 1)) -> ModelSpec:
    return ModelSpec(name="t", input_shape=shape, layers=list(layers))


def test_lab_problems_sums_and_weight_formulas_are_chinese(zh):
    grid = np.ones((4, 4))
    stride = lab.check_conv(grid, lab.kernel_preset("edge", 2), 3, "valid")
    assert [p.code for p in stride] == ["stride"]
    assert stride[0].text.startswith("步幅（3）比卷积核（2）还大") and "不超过 2" in stride[0].text
    too_big = lab.check_pool(grid, 5, 5, "valid")[0]
    assert too_big.code == "too_big" and "5×5 的池化窗口比 4×4 的输入还大" in too_big.text
    assert too_big.params["what"] == "pooling window"  # the tab still reads the English key
    for problem in (*stride, too_big, *lab.check_conv(np.zeros((0, 0)), np.ones((3, 3)), 1, "valid"),
                    *lab.check_conv(grid, np.ones((2, 3)), 1, "valid"), *lab.check_pool(grid, 0, 1, "valid")):
        assert_chinese(problem.text)
    assert "不能是 'full'" in lab.check_conv(grid, np.ones((3, 3)), 1, "full")[0].text

    step = lab.convolve(np.full((5, 5), 2.0), np.ones((5, 5)), 1, "valid").steps[0]
    assert step.sum_text(np.ones((5, 5)), max_terms=9).endswith("…（还有 17 项） = 50")
    assert lab.output_size_text(12, 3, 2, "same").endswith("→ 前面 0 个，后面 1 个")
    assert lab.output_size_text(2, 3, 1, "valid").endswith("→ 窗口放不下")

    costs = {c.name: c for c in lab.compare_weights(28, 28, 1, 32, 3, "same")}
    assert costs["Conv2D"].formula == "3×3 窗口 × 1 个通道 × 32 个过滤器 + 32 个偏置"
    assert costs["Dense (same output size)"].formula == "784 个输入 × 25,088 个单元 + 25,088 个偏置"
    assert "（逐通道）" in costs["SeparableConv2D"].formula
    assert "Dense (32 units)" in costs  # names stay English: the tab and the CLI look rows up by them


def test_receptive_field_notes_are_chinese(zh):
    table = rf.field_table(_design(LayerSpec("Conv2D", {"filters": 4, "kernel_size": 3})))
    assert table.layers[0].name == "输入" and table.layers[0].type == "Input"
    tiny = rf.field_table(_design(LayerSpec("Conv2D", {"filters": 4, "kernel_size": 5}), shape=(4, 4, 1)))
    assert tiny.problem.startswith("第 1 层 Conv2D：它的 5×5 窗口放不进它的输入") and "'same'" in tiny.problem
    odd = rf.field_table(_design(LayerSpec("GRU", {"units": 4})))
    assert odd.problem == "这里无法分析第 1 层 GRU。"
    wrong = rf.field_table(_design(LayerSpec("Conv1D", {"filters": 4, "kernel_size": 3})))
    assert_chinese(wrong.problem)


def test_the_concepts_tab_shows_them_in_chinese(zh, qtbot):
    from cnnexplorer.core.session import Session
    from cnnexplorer.ui.session_bridge import SessionBridge
    from cnnexplorer.ui.tabs.concepts import ConceptsTab

    tab = ConceptsTab(SessionBridge(Session()))
    qtbot.addWidget(tab)
    tab.show_page("weights")
    conv_row = [c.name for c in tab.weights.costs].index("Conv2D")
    assert "个过滤器" in tab.weights.table.item(conv_row, 4).text()
    tab.show_page("field")
    assert tab.field.table.item(0, 0).text() == "输入"
    tab.shutdown()


def test_english_is_unchanged_without_a_translator():
    assert lab.compare_weights(28, 28, 1, 32)[2].formula == "3×3 window × 1 channel × 32 filters + 32 biases"
    assert rf.field_table(_design(LayerSpec("Dense", {"units": 2}))).layers[0].name == "Input"


def test_every_template_has_a_finished_translation_with_the_same_fields():
    found = ET.parse(TS).getroot()
    translations = {(c.findtext("name"), m.findtext("source")): m.find("translation")
                    for c in found.iter("context") for m in c.iter("message")}
    for module in (lab, rf):
        tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
        calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "translate"]
        assert calls
        for call in calls:
            context, text = (a.value for a in call.args)
            translation = translations.get((context, text))
            assert translation is not None and translation.get("type") != "unfinished" and translation.text, text
            assert set(re.findall(r"\{(\w+)", text)) == set(re.findall(r"\{(\w+)", translation.text)), text
