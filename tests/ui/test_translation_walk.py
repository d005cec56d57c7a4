"""The whole interface in Simplified Chinese: every tab, menu and dialog, no stray English.

The window is built with the shipped ``cnnexplorer_zh_CN.qm`` installed, then
every visible text is collected (labels, buttons, group boxes, combo items,
table headers and cells, tooltips, spin box affixes, menus, dialogs) and
checked for English words. Proper names stay as they are: Keras layer names
and identifiers (optimizers, losses, activations, padding), product and
dataset names, file names, units — see ``ALLOWED``.
"""
from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from cnnexplorer.core import spec
from cnnexplorer.ui.app import install_translators

PROPER_NAMES = {
    "CNN", "Explorer", "Keras", "TensorFlow", "Python", "ImageNet", "MNIST", "Fashion", "CIFAR", "IMDB",
    "Grad", "CAM", "GPU", "CPU", "CUDA", "JSON", "CSV", "PNG", "JPEG", "RGB", "BGR", "RMSprop", "Adam", "SGD",
    "VGG", "ResNet", "Inception", "InceptionV", "Xception", "MobileNet", "BatchNorm", "ReLU", "NaN", "Ctrl",
    "Shift", "Alt", "Del", "Ins", "Up", "Down", "Esc", "Enter", "caffe", "torch", "tf",
    "English",  # the language menu names each language in itself
}
UNITS = {"px", "ms", "s", "KB", "MB", "GB", "TB", "pt"}
# Keras identifiers shown as code: layer types, optimizers, losses, metrics, activations, padding, fill modes.
IDENTIFIERS = (set(spec.LAYER_DEFAULTS) | set(spec.OPTIMIZERS) | set(spec.METRICS) | set(spec.PADDINGS)
               | set(spec.ACTIVATIONS) | {"nearest", "reflect", "wrap", "constant", "floor", "ceil", "max", "mean",
                                          "Input", "Model", "Sequential", "keras", "layers", "fit", "compile",
                                          # Keras argument names and formula variables (out = floor(...))
                                          "scale", "offset", "shear", "cval", "padding", "strides", "out", "params",
                                          "GlobalAveragePooling"})
WHOLE_TOKENS = set(spec.LOSSES) | set(spec.TEMPLATES) | {
    "mnist-sample", "sequences-sample", "mnist", "fashion-mnist", "cifar10", "imdb", "Grad-CAM", "Fashion-MNIST",
    "CIFAR-10", "top-1", "top-5"}
ALLOWED = PROPER_NAMES | UNITS | IDENTIFIERS

_TAG = re.compile(r"<[^>]*>")
_ENTITY = re.compile(r"&[a-z]+;|&#\d+;")
_TOKEN = re.compile(r"[A-Za-z0-9_.\-/\\:()'+]+")
_WORD = re.compile(r"[A-Za-z]{2,}")


def english_words(text: str) -> list[str]:
    """The English words in a visible text, outside the allowed names, file names and identifiers."""
    text = _ENTITY.sub(" ", _TAG.sub(" ", text)).replace("&", "")
    text = re.sub(r"`[^`]*`", " ", text)  # a command line or code in backticks
    text = re.sub(r"cnnexplorer(\s+-{0,2}[a-z][\w-]*)+", " ", text)  # a command line: cnnexplorer train --history
    text = text.replace("\u200b", "")  # zero-width spaces that let long identifiers wrap
    found = []
    for token in _TOKEN.findall(text):
        token = token.strip(".:()'+/-")
        if not token or token in WHOLE_TOKENS:
            continue
        if re.search(r"\w\.\w{2,4}$", token) or "/" in token or "\\" in token or "_" in token:
            continue  # a file name, a path or an identifier such as sparse_categorical_crossentropy
        if re.search(r"[A-Za-z]\d|\d[A-Za-z]", token) and not re.fullmatch(r"\d+[A-Za-z]+", token):
            continue  # names with digits: Conv2D, VGG16, block5_conv1, cifar10
        for word in _WORD.findall(token):
            if word not in ALLOWED and word.lower() not in ALLOWED:
                found.append(word)
    return found


def widget_texts(root: QWidget, visible_only: bool = True) -> list[tuple[str, str]]:
    """(where, text) for every user-visible text under ``root``."""
    out: list[tuple[str, str]] = []
    for w in [root, *root.findChildren(QWidget)]:
        if visible_only and not w.isVisibleTo(root) and w is not root:
            continue
        where = f"{type(w).__name__} {w.objectName()}".strip()
        if w.toolTip():
            out.append((where + " tooltip", w.toolTip()))
        if isinstance(w, (QLabel, QAbstractButton)):
            out.append((where, w.text()))
        elif isinstance(w, QGroupBox):
            out.append((where, w.title()))
        elif isinstance(w, QLineEdit):
            out.append((where, w.placeholderText()))
        elif isinstance(w, (QTextEdit, QPlainTextEdit)) and not w.isReadOnly():
            out.append((where, w.placeholderText()))
        if isinstance(w, QComboBox):
            out.extend((where + " item", w.itemText(i)) for i in range(w.count()))
        if isinstance(w, QTabBar):
            out.extend((where + " tab", w.tabText(i)) for i in range(w.count()))
            out.extend((where + " tab tooltip", w.tabToolTip(i)) for i in range(w.count()))
        if isinstance(w, QAbstractSpinBox):
            for attr in ("prefix", "suffix", "specialValueText"):
                if hasattr(w, attr):
                    out.append((f"{where} {attr}", getattr(w, attr)()))
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            out.extend((where + " cell", text) for text in _model_texts(w.model()))
    return [(where, text) for where, text in out if text]


def _model_texts(model) -> list[str]:
    texts = []
    try:
        columns = model.columnCount(QModelIndex())
    except TypeError:  # list models hide columnCount
        columns = 1
    rows = model.rowCount(QModelIndex())
    for orientation, count in ((Qt.Orientation.Horizontal, columns), (Qt.Orientation.Vertical, min(rows, 60))):
        for i in range(count):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.headerData(i, orientation, role)
                if isinstance(value, str):
                    texts.append(value)
    for r in range(min(rows, 60)):
        for c in range(columns):
            index = model.index(r, c, QModelIndex())
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    texts.append(value)
    return texts


def menu_texts(menu: QMenu, path: str = "") -> list[tuple[str, str]]:
    out = []
    menu.aboutToShow.emit()  # menus filled on demand (recent files)
    for action in menu.actions():
        if action.isSeparator():
            continue
        where = f"menu {path}{action.text()}"
        out.append((where, action.text()))
        if action.menu() is not None:
            out.extend(menu_texts(action.menu(), path + action.text() + " › "))
    return out


def dialog_texts(box: QWidget) -> list[tuple[str, str]]:
    texts = widget_texts(box)
    texts.append(("dialog title", box.windowTitle()))
    if isinstance(box, QMessageBox):
        texts += [("message", box.text()), ("message informative", box.informativeText())]
    return texts


def english_in(texts: list[tuple[str, str]]) -> list[str]:
    problems = []
    for where, text in texts:
        words = english_words(text)
        if words:
            problems.append(f"{where}: {', '.join(sorted(set(words)))} in {text[:160]!r}")
    return sorted(set(problems))


@pytest.fixture
def chinese(qapp):
    assert install_translators(qapp, "zh_CN") == "zh_CN"
    yield qapp
    install_translators(qapp, "en")


@pytest.fixture
def zh_window(qtbot, chinese, app_qsettings, errors):
    from cnnexplorer.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    yield window
    window.close()


def test_the_checker_finds_english_and_lets_names_through():
    assert english_words("Train the model") == ["Train", "the", "model"]
    assert english_words("训练 mnist-cnn：Conv2D、Dense、relu、sparse_categorical_crossentropy、cat.jpg、150 px") == []
    assert english_words("<b>精度</b>&nbsp;91% · Keras 3 · TensorFlow · ImageNet") == []
    assert english_words("损失 sparse_\u200bcategorical_\u200bcrossentropy") == []
    assert english_words("例如由 “cnnexplorer train --history” 写出的文件") == []
    assert english_words("由 cnnexplorer train 写出，然后 train the model") == ["train", "the", "model"]


def test_every_tab_menu_and_window_dialog_is_chinese(qtbot, zh_window):
    """One window for everything: building it (and closing it) is the slow part."""
    problems = []
    for i in range(zh_window.tabs.count()):
        zh_window.tabs.setCurrentIndex(i)
        QApplication.processEvents()
        tab = zh_window.tabs.widget(i)
        problems += [f"[{zh_window.tabs.tabText(i)}] {p}" for p in english_in(widget_texts(tab))]
    lessons = zh_window.tab_by_key["lessons"]  # every lesson's texts, and a finished (quick) demo's result
    zh_window.select_tab("lessons")
    for row in range(lessons.list.count()):
        lessons.list.setCurrentRow(row)
        problems += [f"[lesson {row + 1}] {p}" for p in english_in(widget_texts(lessons))]
    lessons.prepare_screenshot()
    problems += [f"[lesson result] {p}" for p in english_in(widget_texts(lessons))]
    problems += english_in(widget_texts(zh_window.statusBar()))
    problems += english_in([("window tab", zh_window.tabs.tabText(i)) for i in range(zh_window.tabs.count())])

    menus = []
    for action in zh_window.menuBar().actions():
        menus.append(("menu bar", action.text()))
        menus += menu_texts(action.menu(), action.text() + " › ")
    problems += english_in(menus)
    assert [a.text() for a in zh_window.menuBar().actions()] == ["文件(&F)", "视图(&V)", "帮助(&H)"]

    zh_window.show_about()
    problems += english_in(dialog_texts(zh_window.about_box))
    zh_window.about_box.close()
    zh_window.language_actions["en"].trigger()  # switching needs a restart: a message says so
    assert "English" in zh_window.language_box.text()
    problems += english_in(dialog_texts(zh_window.language_box))
    zh_window.language_box.close()

    before = set(QApplication.topLevelWidgets())
    builder = zh_window.tab_by_key["builder"]
    export = next((b for b in builder.findChildren(QAbstractButton) if "导出" in b.text()), None)
    assert export is not None, "the Builder's export button is not translated"
    export.click()
    QApplication.processEvents()
    for w in set(QApplication.topLevelWidgets()) - before:
        if isinstance(w, QDialog) and w.isVisible():
            problems += [f"[dialog] {p}" for p in english_in(dialog_texts(w))]
            w.close()
    assert not problems, "English left in the Chinese interface:\n" + "\n".join(problems)


def test_error_dialog_with_qt_buttons_is_chinese(qtbot, chinese):
    """A real error dialog: our message and Qt's own buttons (from PySide6's qtbase translation)."""
    from cnnexplorer.ui.errors import ErrorReporter

    rep = ErrorReporter()
    rep.report(QCoreApplication.translate(
        "MainWindow", "There is no design to save yet. Build one in the Builder tab first."))
    box = rep._box
    try:
        assert box is not None and "构建" in box.text()
        problems = english_in(dialog_texts(box))
        assert not problems, "\n".join(problems)
    finally:
        box.close()
    rep.report(RuntimeError("boom"))  # a bug: details and the copy button
    box = rep._box
    try:
        problems = english_in([("button", b.text()) for b in box.buttons()])
        assert not problems, "\n".join(problems)
    finally:
        box.close()
