"""Every text of the Concepts tab has a finished Chinese translation in the .ts, and the tab shows it."""
from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from cnnexplorer.ui.tabs import concepts
from cnnexplorer.ui.widgets import step_bar

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "cnnexplorer_zh_CN.ts"


def _tr_strings() -> set[tuple[str, str]]:
    """(class, English source) of every ``self.tr("…")`` in the tab's package and its step bar."""
    files = [*Path(concepts.__file__).parent.glob("*.py"), Path(step_bar.__file__)]
    found = set()
    for path in files:
        for cls in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(cls, ast.ClassDef):
                continue
            for node in ast.walk(cls):
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "tr"
                        and node.args and isinstance(node.args[0], ast.Constant)):
                    found.add((cls.name, node.args[0].value))
    return found


def test_every_tab_string_has_a_finished_translation_with_its_placeholders():
    strings = _tr_strings()
    assert len(strings) > 100
    translations = {(c.findtext("name"), m.findtext("source")): m.find("translation")
                    for c in ET.parse(TS).getroot().iter("context") for m in c.iter("message")}
    for context, english in strings:
        translation = translations.get((context, english))
        assert translation is not None and translation.get("type") != "unfinished", (context, english)
        chinese = translation.text or ""
        assert re.search(r"[\u4e00-\u9fff]", chinese) or not re.search(r"[A-Za-z]{3}", english), (context, english)
        assert set(re.findall(r"%\d", english)) == set(re.findall(r"%\d", chinese)), (context, english)


def test_the_tab_reads_its_chinese_from_the_qm(zh, qtbot):
    from cnnexplorer.core.session import Session
    from cnnexplorer.ui.session_bridge import SessionBridge

    tab = concepts.ConceptsTab(SessionBridge(Session()))
    qtbot.addWidget(tab)
    assert [b.text() for b in tab.buttons.buttons()] == ["卷积", "池化", "权重：Dense 与卷积", "感受野"]
    bar = tab.conv.step_bar
    assert (bar.first_button.text(), bar.next_button.text(), bar.play_button.text()) == \
        ("|◀ 开头", "下一步 ▶", "▶ 播放")
    assert tab.conv.source_combo.itemText(3) == "数字 3"
    assert "卷积核" in tab.conv.explain.text()
    tab.shutdown()
