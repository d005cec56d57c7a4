"""The QApplication itself: names, icon, exception hook, interface language (and its font).

The lowest layer of ``ui`` besides widgets and workers: a tab run on its own
(``run_standalone``), the window (``ui/app.py``) and tests create the
application through here, so none of them has to import a layer above it.
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path

from cnnexplorer import APP_NAME, ORG_NAME, __version__

log = logging.getLogger(__name__)


LANGUAGES = {"en": "English", "zh_CN": "简体中文"}  # shipped interface languages, named in themselves


def create_application(argv: list[str] | None = None, language: str | None = None):
    """The QApplication, created once, with names, exception hook and translator.

    ``language`` ("en", "zh_CN") overrides the saved choice for this run.
    """
    from PySide6.QtWidgets import QApplication

    from cnnexplorer.ui.errors import install_excepthook
    from cnnexplorer.ui.settings import Settings

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    _set_icon(app)
    if app.property("default_point_size") is None:
        app.setProperty("default_point_size", app.font().pointSize())
    install_excepthook()
    install_translators(app, language or resolve_language(Settings().language))
    return app


def _set_icon(app) -> None:
    """Window and taskbar icon; the desktop file name matches packaging/cnnexplorer.desktop."""
    from PySide6.QtGui import QIcon

    from cnnexplorer.core.errors import UserError
    from cnnexplorer.core.resources import resource_path

    try:
        app.setWindowIcon(QIcon(str(resource_path("icons", "cnnexplorer.svg"))))
    except UserError:
        log.warning("The application icon is missing; the window keeps the default icon.")
    app.setDesktopFileName("cnnexplorer")


def resolve_language(choice: str, system_name: str | None = None) -> str:
    """The shipped language to use for a setting: "en" or "zh_CN".

    ``choice`` "" follows the system locale. Any Chinese locale gets Simplified
    Chinese (the tutorial's language); everything else gets English.
    """
    if not choice:
        if system_name is None:
            from PySide6.QtCore import QLocale

            system_name = QLocale.system().name()
        choice = system_name
    return "zh_CN" if choice.lower().startswith("zh") else "en"


def translations_folder() -> Path | None:
    from cnnexplorer.core.resources import resource_path

    try:
        return Path(resource_path("translations"))
    except Exception:  # a broken install: English still works
        return None


def install_translators(app, code: str, folder: Path | None = None) -> str:
    """Install the interface translation for ``code`` (and Qt's own, for standard dialogs).

    Returns the language now in effect. A missing or unreadable ``.qm`` file
    leaves the interface in English and says why in the log, never blank.
    Translators installed by an earlier call are removed first.
    """
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

    from cnnexplorer.core import i18n

    for old in getattr(app, "_cnnexplorer_translators", []):
        app.removeTranslator(old)
    app._cnnexplorer_translators = []  # keeps them alive
    app.setProperty("cnnexplorer_language", "en")
    i18n.set_translator(None)
    if code == "en":
        return "en"
    folder = folder if folder is not None else translations_folder()
    qm = folder / f"cnnexplorer_{code}.qm" if folder is not None else None
    if qm is None or not qm.is_file():
        log.warning("The %s translation (%s) is missing; the interface stays in English.", code, qm)
        return "en"
    translator = QTranslator(app)
    if not translator.load(str(qm)) or translator.isEmpty():
        log.warning("The %s translation (%s) could not be read; the interface stays in English.", code, qm)
        return "en"
    app.installTranslator(translator)
    app._cnnexplorer_translators.append(translator)
    # Qt's own strings (standard buttons, file dialogs): shipped with PySide6; optional.
    qt_translator = QTranslator(app)
    for where in (QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), str(folder)):
        if qt_translator.load(f"qtbase_{code}", where):
            app.installTranslator(qt_translator)
            app._cnnexplorer_translators.append(qt_translator)
            break
    else:
        log.info("Qt's own %s translation was not found; standard dialog buttons stay in English.", code)
    app.setProperty("cnnexplorer_language", code)
    i18n.set_translator(QCoreApplication.translate)  # core/ml messages too (thread-safe, so workers may call it)
    if code.startswith("zh"):
        from cnnexplorer.ui.presentation import use_chinese_chart_fonts

        ensure_chinese_font(app)
        use_chinese_chart_fonts()
    return code


CHINESE_FONT_FILE = "CNNExplorerSansSC-Regular.otf"  # resources/fonts/: a subset of Noto Sans CJK SC (OFL)
CHINESE_FONT_FAMILY = "CNN Explorer Sans SC"


def installed_chinese_families() -> list[str]:
    """Font families on this machine that can show Simplified Chinese (the bundled one not counted)."""
    from PySide6.QtGui import QFontDatabase

    return [f for f in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
            if f != CHINESE_FONT_FAMILY]


def ensure_chinese_font(app) -> str | None:
    """Make Chinese text readable on a machine without a Chinese font; returns the family added, or None.

    When no installed font covers Simplified Chinese, the bundled subset of Noto
    Sans CJK SC is registered and becomes the application font's fallback family
    (Latin text keeps the system font). With an installed Chinese font nothing
    changes: Qt already falls back to it.
    """
    from PySide6.QtGui import QFont, QFontDatabase

    if installed_chinese_families():
        return None
    from cnnexplorer.core.resources import resource_path

    try:
        path = resource_path("fonts", CHINESE_FONT_FILE)
    except Exception:  # a broken install: say why Chinese shows as boxes
        log.warning("No installed font shows Chinese and the bundled %s is missing; Chinese text will show as "
                    "boxes. Install a Chinese font such as Noto Sans CJK SC.", CHINESE_FONT_FILE)
        return None
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.warning("The bundled Chinese font %s could not be loaded; Chinese text may show as boxes.", path)
        return None
    family = families[0]
    font = QFont(app.font())
    if family not in font.families():
        font.setFamilies([*font.families(), family])
        app.setFont(font)
    app.setProperty("cnnexplorer_chinese_font", str(path))
    log.info("No installed font shows Chinese; using the bundled %s.", family)
    return family


def current_language() -> str:
    """The interface language in effect: "en" or "zh_CN"."""
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication.instance()
    return str(app.property("cnnexplorer_language") or "en") if app is not None else "en"
