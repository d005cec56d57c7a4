"""Every user-visible text can reach the translation file: lupdate collects only string literals.

Read from the code with ``ast`` (no import, no Qt):

- an error a user sees (``UserError`` and its subclasses, ``SpecError``, ``DatasetError``...) built from a bare
  string literal or f-string instead of ``translate("context", "...")``/``self.tr("...")``;
- an f-string, a ``%``/``+`` expression or a ``.format()`` call *inside* ``tr()``/``translate()``/
  ``QT_TRANSLATE_NOOP()``: lupdate cannot collect it, and at run time the formatted text is never found in the
  translation (format the translated text instead: ``translate("ctx", "{n} layers").format(n=n)``).

A variable inside ``tr(name)`` is fine: the text was collected where it was written (``QT_TRANSLATE_NOOP``).
"""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# The command line (cli.py, commands/) speaks English like argparse; everything the window can show is checked.
CODE = sorted(p for p in (ROOT / "cnnexplorer").rglob("*.py")
              if not {"resources", "commands"} & set(p.relative_to(ROOT).parts) and p.name != "cli.py")
TRANSLATING = {"tr": 0, "translate": 1, "QT_TRANSLATE_NOOP": 1, "QT_TR_NOOP": 0, "tr_core": 0}


def _name(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _user_error_classes(trees: dict[Path, ast.Module]) -> set[str]:
    """UserError and every class that derives from it, anywhere in the code."""
    names = {"UserError"}
    while True:
        found = {node.name for tree in trees.values() for node in ast.walk(tree)
                 if isinstance(node, ast.ClassDef) and any(_name(base) in names for base in node.bases)}
        if found <= names:
            return names
        names |= found


def _is_literal_text(node: ast.AST) -> bool:
    """A text written in the code: a string literal, an f-string, or one built from them with % or +."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and any(c.isalpha() for c in node.value)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Mod, ast.Add)):
        return _is_literal_text(node.left)
    if isinstance(node, ast.Call) and _name(node.func) == "format" and isinstance(node.func, ast.Attribute):
        return _is_literal_text(node.func.value)
    return False


def _problems(path: Path, tree: ast.Module, errors: set[str]) -> list[str]:
    where = path.relative_to(ROOT)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        if name in errors and node.args and _is_literal_text(node.args[0]):
            found.append(f"{where}:{node.lineno}: {name}(...) with an untranslated text: wrap it in translate()")
        position = TRANSLATING.get(name)
        if position is not None and len(node.args) > position:
            text = node.args[position]
            if not isinstance(text, (ast.Constant, ast.Name, ast.Attribute, ast.Subscript, ast.Call)) or (
                    isinstance(text, ast.Call) and _is_literal_text(text)):
                found.append(f"{where}:{node.lineno}: {name}() of a computed text (f-string, %, + or .format "
                             "inside): lupdate cannot collect it; format the translated text instead")
    return found


def test_every_user_visible_text_is_collectable_by_lupdate():
    trees = {path: ast.parse(path.read_text(encoding="utf-8"), str(path)) for path in CODE}
    errors = _user_error_classes(trees)
    assert {"SpecError", "DatasetError", "FileWriteError"} <= errors
    problems = [p for path, tree in trees.items() for p in _problems(path, tree, errors)]
    assert not problems, "\n".join(problems)


def test_the_checker_finds_what_lupdate_misses(tmp_path):
    code = '''
raise SpecError("Layer 3 is broken")
raise UserError(f"{name} is broken")
raise DatasetError(translate("data", "No dataset {name}.").format(name=name))
label = self.tr(f"{count} layers")
label = self.tr("%d layers" % count)
label = translate("ctx", "a " + "b" + name)
label = self.tr(TITLES[0])
label = self.tr("Plain")
'''
    tree = ast.parse(code)
    problems = _problems(ROOT / "x.py", tree, {"UserError", "SpecError", "DatasetError"})
    lines = sorted(int(p.split(":")[1]) for p in problems)
    assert lines == [2, 3, 5, 6, 7]
