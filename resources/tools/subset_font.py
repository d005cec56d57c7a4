"""Keep the bundled Chinese font covering every character the interface shows.

``resources/fonts/CNNExplorerSansSC-Regular.otf`` is a subset of Noto Sans CJK SC
(SIL Open Font License 1.1, see ``resources/fonts/OFL.txt`` and ``SOURCES.md``).
The app registers it when the interface is Chinese and no installed font covers
the text (``ui/bootstrap.py``), so Chinese is readable on any machine.

The subset holds: every character of the translations (``.ts``), every
non-ASCII character in the code's string literals (e.g. "简体中文" in the
language menu), printable ASCII, Latin-1, general and CJK punctuation, the
symbols the interface uses, and the 3,755 most common Chinese characters (GB 2312
level 1), so a new translation rarely needs a new font file.

``make translations`` runs this script after lupdate. It rewrites the font only
when a needed character is missing (the file is not touched otherwise, so
parallel branches do not fight over a binary), and keeps every character the
font had. Without the source font it only checks and says what to install.

    python resources/tools/subset_font.py [--source NotoSansCJK-Regular.ttc] [--check]
"""
from __future__ import annotations

import argparse
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS_FILES = sorted((ROOT / "resources" / "translations").glob("*.ts"))
CODE = ROOT / "cnnexplorer"
TARGET = ROOT / "resources" / "fonts" / "CNNExplorerSansSC-Regular.otf"
FAMILY = "CNN Explorer Sans SC"  # a Modified Version under the OFL: its own name, not "Noto"
SOURCE_FAMILY = "Noto Sans CJK SC"
SOURCE_CANDIDATES = [
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",  # Debian/Ubuntu fonts-noto-cjk
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",  # Fedora, Arch
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf",
    "/System/Library/Fonts/NotoSansCJK-Regular.ttc",
]
# Characters beyond the text: ASCII, Latin-1, general punctuation and symbols, arrows, maths,
# box drawing and shapes, CJK punctuation, full-width forms.
RANGES = [(0x20, 0x7E), (0xA0, 0xFF), (0x2010, 0x205E), (0x2190, 0x21FF), (0x2200, 0x22FF), (0x2460, 0x24FF),
          (0x2500, 0x25FF), (0x2600, 0x26FF), (0x3000, 0x303F), (0xFF01, 0xFF5E), (0xFFE0, 0xFFE6)]
_STRING = re.compile(r"[^\x00-\x7f]")


def gb2312() -> set[str]:
    """Every character of GB 2312: its 6,763 Chinese characters (level 1 is the 3,755 most common) and its
    symbols, pinyin, kana, Greek and Cyrillic rows.

    All of it, not just level 1: fontconfig (and so Qt on Linux) marks a font as Chinese only when it covers
    the whole zh-cn orthography, and Qt never uses a font it has not marked for Chinese text.
    """
    out = set()
    for row in range(0xA1, 0xF8):
        for cell in range(0xA1, 0xFF):
            try:
                out.add(bytes([row, cell]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return out


def translation_characters(ts_files: list[Path] | None = None) -> set[str]:
    """Every character of every translation in the .ts files."""
    chars: set[str] = set()
    for ts in ts_files if ts_files is not None else TS_FILES:
        for element in ET.parse(ts).getroot().iter("translation"):
            chars |= set(element.text or "")
            for form in element.iter("numerusform"):
                chars |= set(form.text or "")
    return chars


def code_characters(folder: Path = CODE) -> set[str]:
    """Non-ASCII characters in the code (shown as is: "简体中文", "±", "×", "…")."""
    chars: set[str] = set()
    for path in folder.rglob("*.py"):
        chars |= set(_STRING.findall(path.read_text(encoding="utf-8")))
    return chars


def _is_cjk(char: str) -> bool:
    return 0x2E80 <= ord(char) <= 0x9FFF or 0xF900 <= ord(char) <= 0xFAFF or 0xFF00 <= ord(char) <= 0xFFEF


def needed_characters() -> set[str]:
    chars = translation_characters() | code_characters() | gb2312()
    for low, high in RANGES:
        chars |= {chr(c) for c in range(low, high + 1)}
    return {c for c in chars if c.isprintable() or c == " "}


def font_characters(path: Path) -> set[str]:
    from fontTools.ttLib import TTFont

    with TTFont(str(path), lazy=True) as font:
        return {chr(c) for c in font.getBestCmap()}


def find_source(explicit: str | None) -> Path | None:
    for candidate in ([explicit] if explicit else SOURCE_CANDIDATES):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


def _open_source(path: Path):
    from fontTools.ttLib import TTCollection, TTFont

    if path.suffix.lower() in (".ttc", ".otc"):
        faces = TTCollection(str(path), lazy=True).fonts
        number = next((i for i, face in enumerate(faces) if face["name"].getDebugName(1) == SOURCE_FAMILY), None)
        if number is None:
            raise SystemExit(f"{path} has no {SOURCE_FAMILY} face")
        return TTFont(str(path), fontNumber=number, recalcTimestamp=False)
    return TTFont(str(path), recalcTimestamp=False)


def subset(source: Path, chars: set[str], target: Path = TARGET) -> set[str]:
    """Write the subset of ``source`` holding ``chars`` (those it has) to ``target``; returns the missing ones."""
    from fontTools import subset as ft_subset

    font = _open_source(source)
    cmap = font.getBestCmap()
    available = {c for c in chars if ord(c) in cmap}
    options = ft_subset.Options()
    options.layout_features = ["*"]  # vertical forms, fractions, proportional punctuation...
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]
    options.name_languages = [0x409]
    options.notdef_outline = True
    options.recalc_timestamp = False
    options.prune_codepage_ranges = False  # Qt reads "Simplified Chinese" from code page 936 of OS/2
    subsetter = ft_subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(ord(c) for c in available))
    subsetter.subset(font)
    _rename(font)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    font.recalcTimestamp = False
    font.save(str(tmp))
    tmp.replace(target)
    return chars - available


def _rename(font) -> None:
    """OFL: a Modified Version gets its own name (the source's family is left for the real font)."""
    names = font["name"]
    postscript = FAMILY.replace(" ", "") + "-Regular"
    for record in list(names.names):
        if record.nameID in (1, 16):
            names.setName(FAMILY, record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID in (3, 4):
            names.setName(FAMILY + (" Regular" if record.nameID == 4 else ""), record.nameID,
                          record.platformID, record.platEncID, record.langID)
        elif record.nameID == 6:
            names.setName(postscript, 6, record.platformID, record.platEncID, record.langID)
    if "CFF " in font:
        cff = font["CFF "].cff
        cff.fontNames = [postscript]
        top = cff.topDictIndex[0]
        top.FullName = FAMILY
        top.FamilyName = FAMILY


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", help="Noto Sans CJK (.ttc with the SC face, or NotoSansCJKsc-Regular.otf)")
    parser.add_argument("--check", action="store_true", help="only check that the bundled font covers the text")
    parser.add_argument("--force", action="store_true", help="write the font even if it covers the text already")
    args = parser.parse_args(argv)

    needed = needed_characters()
    have = font_characters(TARGET) if TARGET.is_file() else set()
    # Only CJK text and ASCII decide whether to rewrite: symbols the source lacks (✗, ⏸) would otherwise
    # make every run rewrite the file.
    missing = sorted(c for c in needed - have if _is_cjk(c) or c.isascii())
    if not missing and not args.force:
        print(f"{TARGET.name}: covers the interface's text ({len(have)} characters); nothing to do")
        return 0
    if args.check:
        print(f"{TARGET.name} lacks {len(missing)} character(s): {''.join(missing[:80])}", file=sys.stderr)
        return 1
    source = find_source(args.source)
    if source is None:
        print(f"{TARGET.name} lacks {len(missing)} character(s) ({''.join(missing[:40])}) and the source font was "
              "not found. Install Noto Sans CJK (Debian/Ubuntu: apt-get install fonts-noto-cjk) or pass --source.",
              file=sys.stderr)
        return 1
    absent = subset(source, needed | have, TARGET)
    # Symbols a CJK font lacks (✗, ⏸...) come from the other fonts; a Chinese character must be there.
    text_absent = sorted(c for c in absent & (translation_characters() | code_characters()) if _is_cjk(c))
    print(f"wrote {TARGET.relative_to(ROOT)}: {len(needed | have) - len(absent)} characters, "
          f"{TARGET.stat().st_size // 1024} KB, from {source}")
    if text_absent:
        print(f"the source font lacks {len(text_absent)} character(s) of the interface: {''.join(text_absent)}",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
