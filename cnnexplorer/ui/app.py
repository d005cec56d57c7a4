"""QApplication bootstrap: names, translator, exception hook, the window, and fast start.

The window is shown before TensorFlow is imported; the import then runs on a
worker thread (``MainWindow.start_backend_loading``).
"""
from __future__ import annotations

import json
import logging
import os
import sys
import time
from pathlib import Path

from cnnexplorer import APP_NAME, ORG_NAME, __version__

log = logging.getLogger(__name__)

SCREENSHOT_SIZE = (1280, 800)


LANGUAGES = {"en": "English", "zh_CN": "简体中文"}  # shipped interface languages, named in themselves


def create_application(argv: list[str] | None = None, language: str | None = None):
    """The QApplication, created once, with names, exception hook and translator.

    ``language`` ("en", "zh_CN") overrides the saved choice for this run.
    """
    from PySide6.QtWidgets import QApplication

    from cnnexplorer.ui.errors import install_excepthook
    from cnnexplorer.ui.settings import Settings

    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
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

        use_chinese_chart_fonts()
    return code


def current_language() -> str:
    """The interface language in effect: "en" or "zh_CN"."""
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication.instance()
    return str(app.property("cnnexplorer_language") or "en") if app is not None else "en"


def run_gui(tab: str | None = None, screenshot: str | None = None, startup_probe: bool = False,
            presentation: bool | None = None, theme: str | None = None, language: str | None = None) -> int:
    """Open the main window (or render it to a PNG and exit).

    ``presentation``, ``theme`` and ``language`` override the saved look for this
    run only (for screenshots of presentation mode, the dark theme or the Chinese
    interface); they are not saved.
    """
    if screenshot or startup_probe:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = create_application(language=language)

    from PySide6.QtCore import QTimer

    from cnnexplorer.ui.main_window import MainWindow

    window = MainWindow(presentation_mode=presentation, theme=theme)
    if tab and not window.select_tab(tab):
        from cnnexplorer.ui.tabs import TAB_KEYS

        print(f"error: there is no tab {tab!r}; tabs: {', '.join(TAB_KEYS)}", file=sys.stderr)
        return 2
    if screenshot:
        window.resize(*SCREENSHOT_SIZE)
    window.show()
    if startup_probe:
        # Benchmark hook: the parent process measures until this line appears.
        app.processEvents()
        print(json.dumps({"event": "window-shown", "t": time.time()}), flush=True)
        return 0
    QTimer.singleShot(0, window.start_backend_loading)
    if screenshot:
        return _take_screenshot(app, window, screenshot)
    return app.exec()


def _take_screenshot(app, window, path: str) -> int:
    """Wait for TensorFlow (so the status bar is complete), let the tab prepare, grab, save."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    window.backend_ready.connect(loop.quit)
    if window._backend_task is not None:
        window._backend_task.failed.connect(loop.quit)
    QTimer.singleShot(120_000, loop.quit)
    if window.backend_info is None:
        loop.exec()
    tab = window.tabs.currentWidget()
    tab.prepare_screenshot()
    for _ in range(5):
        app.processEvents()
    pixmap = window.grab()
    target = Path(path)
    if not pixmap.save(str(target), "PNG"):
        print(f"error: could not write the screenshot to {target}", file=sys.stderr)
        return 1
    print(f"saved {target} ({pixmap.width()}x{pixmap.height()})")
    window.close()
    return 0
