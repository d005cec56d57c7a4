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


def create_application(argv: list[str] | None = None):
    """The QApplication, created once, with names, exception hook and translator."""
    from PySide6.QtCore import QLocale, QTranslator
    from PySide6.QtWidgets import QApplication

    from cnnexplorer.ui.errors import install_excepthook

    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    if app.property("default_point_size") is None:
        app.setProperty("default_point_size", app.font().pointSize())
    install_excepthook()
    _install_translator(app, QLocale, QTranslator)
    return app


def _install_translator(app, QLocale, QTranslator) -> None:
    """Load the interface translation for the chosen language, if one is shipped."""
    from cnnexplorer.core.resources import resource_path
    from cnnexplorer.ui.settings import Settings

    code = Settings().language or QLocale.system().name()
    if code.startswith("en"):
        return
    try:
        folder = resource_path("translations")
    except Exception:
        return
    qm = folder / f"cnnexplorer_{code}.qm"
    if not qm.exists():
        return
    translator = QTranslator(app)
    if translator.load(str(qm)):
        app.installTranslator(translator)
        app._cnnexplorer_translator = translator  # keep it alive
    else:
        log.warning("Translation %s could not be loaded; the interface stays in English.", qm)


def run_gui(tab: str | None = None, screenshot: str | None = None, startup_probe: bool = False) -> int:
    """Open the main window (or render it to a PNG and exit)."""
    if screenshot or startup_probe:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = create_application()

    from PySide6.QtCore import QTimer

    from cnnexplorer.ui.main_window import MainWindow

    window = MainWindow()
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
