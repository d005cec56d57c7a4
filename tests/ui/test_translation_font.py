"""Chinese anywhere: the bundled font holds every translated character, and the app uses it where no installed
font shows Chinese (a teacher's laptop or a classroom PC without CJK fonts would otherwise show boxes)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FONT = ROOT / "resources" / "fonts" / "CNNExplorerSansSC-Regular.otf"
TS = sorted((ROOT / "resources" / "translations").glob("*.ts"))
SAMPLE = "训练模型：卷积层、池化层和全连接层。准确率 98%（验证集）"


def _translated_characters() -> set[str]:
    chars: set[str] = set()
    for ts in TS:
        for element in ET.parse(ts).getroot().iter("translation"):
            chars |= set(element.text or "")
    return {c for c in chars if c.isprintable() and not c.isspace()}


def test_the_bundled_font_has_every_character_of_the_translations_and_its_licence():
    from fontTools.ttLib import TTFont

    with TTFont(str(FONT), lazy=True) as font:
        have = {chr(c) for c in font.getBestCmap()}
        assert font["name"].getDebugName(1) == "CNN Explorer Sans SC"  # a Modified Version has its own name (OFL)
    chars = _translated_characters()
    assert len(chars) > 500
    missing = sorted(c for c in chars - have if ord(c) >= 0x2E80)  # Chinese; symbols like ✗ come from other fonts
    assert not missing, f"run `make translations` to add these to the bundled font: {''.join(missing)}"
    assert set(SAMPLE) <= have
    licence = (FONT.parent / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence and "Adobe" in licence
    assert "Noto Sans CJK SC" in (FONT.parent / "SOURCES.md").read_text(encoding="utf-8")


def test_the_subset_script_finds_nothing_to_add():
    result = subprocess.run([sys.executable, str(ROOT / "resources" / "tools" / "subset_font.py"), "--check"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


_PROBE = """
import json, sys
from PySide6.QtGui import QFontDatabase, QFontMetrics
from cnnexplorer.ui.bootstrap import create_application, install_translators
sample = sys.argv[1]
app = create_application(["probe"], language="en")
covers = lambda: all(QFontMetrics(app.font()).inFontUcs4(ord(c)) for c in sample if not c.isascii())
report = {"chinese_families_before": QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese),
          "covers_before": covers()}
report["language"] = install_translators(app, "zh_CN")
report["families"] = app.font().families()
report["covers_after"] = covers()
print(json.dumps(report))
"""


def test_in_chinese_on_a_machine_without_a_chinese_font_the_bundled_one_is_used(tmp_path):
    """fontconfig is pointed at a folder holding one Latin font only: the machine has no Chinese font."""
    latin = next((p for p in ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                              "/usr/share/fonts/dejavu/DejaVuSans.ttf") if Path(p).is_file()), None)
    if latin is None or shutil.which("fc-list") is None:
        pytest.skip("needs fontconfig and a DejaVu font to fake a machine without Chinese fonts")
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    shutil.copy(latin, fonts)
    conf = tmp_path / "fonts.conf"
    conf.write_text(f'<?xml version="1.0"?>\n<fontconfig><dir>{fonts}</dir><cachedir>{tmp_path / "cache"}</cachedir>'
                    "</fontconfig>\n")
    env = {**os.environ, "FONTCONFIG_FILE": str(conf), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", _PROBE, SAMPLE], capture_output=True, text=True, timeout=120,
                            env=env, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["chinese_families_before"] == [] and not report["covers_before"]  # really no Chinese font
    assert report["language"] == "zh_CN"
    assert "CNN Explorer Sans SC" in report["families"]
    assert report["covers_after"], report


def test_with_an_installed_chinese_font_nothing_is_added(qapp, zh):
    from cnnexplorer.ui.bootstrap import CHINESE_FONT_FAMILY, installed_chinese_families

    if not installed_chinese_families():
        pytest.skip("this machine has no Chinese font; the test above covers that case")
    assert CHINESE_FONT_FAMILY not in qapp.font().families()


def test_charts_draw_chinese_with_the_bundled_font_when_the_machine_has_none(qapp, monkeypatch):
    """matplotlib labels (the live chart, the confusion matrix) fall back to the bundled font too."""
    import warnings

    from matplotlib import font_manager
    from matplotlib.figure import Figure

    from cnnexplorer.ui import presentation

    monkeypatch.setattr(font_manager, "findSystemFonts", lambda *a, **k: [])
    cjk = [f for f in font_manager.fontManager.ttflist if f.name in presentation.CJK_FAMILIES]
    monkeypatch.setattr(font_manager.fontManager, "ttflist",
                        [f for f in font_manager.fontManager.ttflist if f not in cjk])
    monkeypatch.setitem(__import__("matplotlib").rcParams, "font.family", ["sans-serif"])
    qapp.setProperty("cnnexplorer_chinese_font", str(FONT))
    try:
        assert presentation.use_chinese_chart_fonts() == "CNN Explorer Sans SC"
        figure = Figure()
        figure.text(0.1, 0.5, SAMPLE)
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # "Glyph ... missing from font(s)" would be a warning
            figure.canvas.draw()
    finally:
        qapp.setProperty("cnnexplorer_chinese_font", None)
