"""The Chinese texts of the Concepts tab stay in step with its English strings."""
from __future__ import annotations

import ast
from pathlib import Path

from cnnexplorer.ui.tabs import concepts
from cnnexplorer.ui.tabs.concepts_zh import ZH


def _tr_strings() -> set[str]:
    tree = ast.parse(Path(concepts.__file__).read_text(encoding="utf-8"))
    return {node.args[0].value for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "tr"
            and node.args and isinstance(node.args[0], ast.Constant)}


def test_every_tab_string_has_a_translation_and_no_key_is_stale():
    strings = _tr_strings()
    assert set(ZH) - strings == set()
    assert strings - set(ZH) == set()


def test_translations_keep_their_placeholders():
    for english, chinese in ZH.items():
        for n in range(1, 10):
            assert (f"%{n}" in english) == (f"%{n}" in chinese), english
        assert chinese.strip()
