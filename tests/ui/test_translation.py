"""The translation machinery: language choice, loading, fallbacks, and the shipped files' health."""
from __future__ import annotations

import collections
import logging
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from cnnexplorer.core.resources import resource_path
from cnnexplorer.ui.app import create_application, current_language, install_translators, resolve_language
from cnnexplorer.ui.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
TS = Path(resource_path("translations")) / "cnnexplorer_zh_CN.ts"
QM = TS.with_suffix(".qm")
TOOLS = Path(sys.executable).parent
PLACEHOLDER = re.compile(r"%\d|%n|%[sd]|\{[^}]*\}|<[^>]+>|&nbsp;|\n")


@pytest.fixture
def english_after(qapp):
    yield qapp
    install_translators(qapp, "en")


@pytest.mark.parametrize("choice, system, expected", [
    ("", "zh_CN", "zh_CN"), ("", "zh_TW", "zh_CN"), ("", "en_GB", "en"), ("", "de_DE", "en"), ("", "C", "en"),
    ("en", "zh_CN", "en"), ("zh_CN", "en_US", "zh_CN"),
])
def test_the_setting_or_the_system_locale_picks_the_language(choice, system, expected):
    assert resolve_language(choice, system) == expected


def test_chinese_translation_loads(english_after):
    assert install_translators(english_after, "zh_CN") == "zh_CN" == current_language()
    assert QCoreApplication.translate("Tabs", "Builder") == "构建"
    assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
    install_translators(english_after, "en")
    assert QCoreApplication.translate("Tabs", "Builder") == "Builder" and current_language() == "en"


def test_messages_made_in_core_follow_the_interface_language(english_after):
    from cnnexplorer.core.shapes import validate
    from cnnexplorer.core.spec import ModelSpec

    def problems():
        return " ".join(p.message for p in validate(ModelSpec(input_shape=(28, 28, 1), layers=[])))

    assert "no layers" in problems()
    install_translators(english_after, "zh_CN")
    assert "no layers" not in problems() and "没有" in problems()
    install_translators(english_after, "en")
    assert "no layers" in problems()


def test_missing_translation_falls_back_to_english_with_a_warning(english_after, tmp_path, caplog):
    with caplog.at_level(logging.WARNING, logger="cnnexplorer.ui.app"):
        assert install_translators(english_after, "zh_CN", folder=tmp_path) == "en"
    assert "missing" in caplog.text and "English" in caplog.text
    assert QCoreApplication.translate("Tabs", "Builder") == "Builder"


@pytest.mark.parametrize("content", [b"", b"this is not a Qt translation file" * 10,
                                     b"<\x3c\xb8\x64\x18\xca" + b"\0" * 40])
def test_corrupt_translation_falls_back_to_english_with_a_warning(english_after, tmp_path, caplog, content):
    (tmp_path / "cnnexplorer_zh_CN.qm").write_bytes(content)
    with caplog.at_level(logging.WARNING, logger="cnnexplorer.ui.app"):
        assert install_translators(english_after, "zh_CN", folder=tmp_path) == "en"
    assert "could not be read" in caplog.text
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"  # English, never blank


def test_language_menu_choice_is_saved_and_used_at_the_next_start(qtbot, main_window, english_after):
    assert main_window.language_actions[""].isChecked()  # default: follow the system
    main_window.language_actions["zh_CN"].trigger()
    assert Settings().language == "zh_CN"
    assert "简体中文" in main_window.language_box.text()
    main_window.language_box.close()
    create_application()  # what the next start does
    assert current_language() == "zh_CN"
    main_window.language_actions[""].trigger()
    assert Settings().language == ""


def _messages():
    root = ET.parse(TS).getroot()
    for context in root.iter("context"):
        name = context.find("name").text
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
            yield name, message.find("source").text, translation.get("type"), forms


def test_every_string_is_translated_with_its_placeholders():
    messages = list(_messages())
    assert len(messages) > 400
    unfinished = [(c, s) for c, s, kind, _ in messages if kind in ("unfinished", "vanished", "obsolete")]
    assert not unfinished, f"untranslated: {unfinished[:10]}"
    bad = []
    for context, source, _, forms in messages:
        for text in forms:
            if not text.strip():
                bad.append((context, source, "empty"))
            elif collections.Counter(PLACEHOLDER.findall(source)) != collections.Counter(PLACEHOLDER.findall(text)):
                bad.append((context, source, text))
    assert not bad, "placeholders or markup differ:\n" + "\n".join(map(repr, bad))


def _tool(name: str) -> Path:
    path = TOOLS / name
    if not path.exists():
        found = shutil.which(name)
        if found is None:
            pytest.skip(f"{name} (PySide6's Qt tools) is not installed")
        path = Path(found)
    return path


def test_translation_file_covers_every_string_in_the_code(tmp_path):
    """New tr() strings must be translated: `make translations` then fill in the .ts."""
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "cnnexplorer").rglob("*.py"))
    subprocess.run([str(_tool("pyside6-lupdate")), *sources, "-no-obsolete", "-locations", "none",
                    "-target-language", "zh_CN", "-ts", str(copy)], check=True, capture_output=True, timeout=120)
    old = {(c, s) for c, s, _, _ in _messages()}
    new = {(c.find("name").text, m.find("source").text)
           for c in ET.parse(copy).getroot().iter("context") for m in c.iter("message")}
    assert not new - old, f"in the code, missing from {TS.name} (run `make translations`): {sorted(new - old)[:10]}"
    assert not old - new, f"in {TS.name}, no longer in the code (run `make translations`): {sorted(old - new)[:10]}"


def test_compiled_translation_is_up_to_date(tmp_path):
    """The committed .qm is what lrelease makes of the .ts (installs and the installer use it as is)."""
    assert QM.is_file() and QM.stat().st_size > 1000
    fresh = tmp_path / QM.name
    subprocess.run([str(_tool("pyside6-lrelease")), str(TS), "-qm", str(fresh)], check=True, capture_output=True,
                   timeout=120)
    assert fresh.read_bytes() == QM.read_bytes(), "run `make translations` and commit the .qm"


def test_core_texts_marked_for_translation_match_the_core():
    """ui/core_texts.py repeats core/ml texts literally for lupdate; they must not drift apart."""
    from cnnexplorer.core.augment_config import PRESETS
    from cnnexplorer.core.resources import sample_images
    from cnnexplorer.core.spec import LAYER_HELP
    from cnnexplorer.ml import transfer
    from cnnexplorer.ml.data import list_datasets
    from cnnexplorer.ui import core_texts

    assert set(core_texts.LAYER_HELP) == set(LAYER_HELP.values())
    assert set(core_texts.DATASET_TITLES) == {d.title for d in list_datasets()}
    arch = ({a.note for a in transfer.CATALOG.values()} | {a.preprocess_text for a in transfer.CATALOG.values()}
            | set(transfer.HEADS.values()) | set(transfer.HEAD_TITLES.values())
            | {transfer.RANDOM_LABEL, transfer.WeightsSource("imagenet").label(), transfer.BUNDLED_LABEL})
    assert set(core_texts.ARCHITECTURE_TEXTS) == arch
    assert set(core_texts.NAMES) == set(PRESETS) | {"custom"} | set(sample_images())


def test_core_texts_are_translated(english_after):
    from cnnexplorer.ui import core_texts

    install_translators(english_after, "zh_CN")
    texts = core_texts.LAYER_HELP + core_texts.DATASET_TITLES + core_texts.ARCHITECTURE_TEXTS + core_texts.NAMES
    untranslated = [t for t in texts if core_texts.tr_core(t) == t]
    assert not untranslated
    assert core_texts.tr_core("cat") == "猫"


def test_no_tr_string_hides_from_lupdate():
    """lupdate skips tr() calls inside f-strings; every simple tr("...") literal in the code must be in the .ts."""
    known = {source for _, source, _, _ in _messages()}
    call = re.compile(r"""\btr\(\s*(?P<q>["'])(?P<text>(?:(?!(?P=q))[^\\\n])+)(?P=q)\s*[,)]""")
    hidden = []
    for path in sorted((ROOT / "cnnexplorer").rglob("*.py")):
        for match in call.finditer(path.read_text(encoding="utf-8")):
            if match["text"] not in known:
                hidden.append(f"{path.relative_to(ROOT)}: {match['text']!r}")
    assert not hidden, "tr() strings lupdate did not collect (move them out of f-strings):\n" + "\n".join(hidden)


def test_restart_now_closes_the_window_and_starts_the_app_again(qtbot, main_window, monkeypatch):
    from cnnexplorer.ui import main_window as module

    started = []

    class FakeProcess:
        @staticmethod
        def startDetached(program, args):  # noqa: N802 - stands in for QProcess.startDetached
            started.append((program, list(args)))
            return True

    monkeypatch.setattr(module, "QProcess", FakeProcess)
    monkeypatch.setattr(sys, "argv", ["/opt/cnnexplorer/bin/cnnexplorer", "gui"])
    main_window.language_actions["zh_CN"].trigger()
    restart = next(b for b in main_window.language_box.buttons() if "Restart" in b.text())
    restart.click()
    assert not main_window.isVisible()
    assert started == [(sys.executable, ["/opt/cnnexplorer/bin/cnnexplorer", "gui"])]
    assert Settings().language == "zh_CN"


def test_chinese_chart_labels_get_a_chinese_font_when_one_is_installed(english_after):
    import warnings

    import matplotlib as mpl
    from matplotlib import font_manager
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from cnnexplorer.ui.presentation import CJK_FAMILIES, use_chinese_chart_fonts

    install_translators(english_after, "zh_CN")
    family = use_chinese_chart_fonts()
    if family is None:
        pytest.skip("no Chinese font installed on this machine (the app still works; labels show boxes)")
    assert family in CJK_FAMILIES and family in mpl.rcParams["font.family"]
    assert font_manager.findfont(family, fallback_to_default=False)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph ... missing from font(s)" would be a warning
        figure = Figure()
        figure.add_subplot().set_title("损失 Loss")
        FigureCanvasAgg(figure).draw()
