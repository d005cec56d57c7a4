"""The top of ``ui``: open the main window (or a screenshot of it) and fast start.

The window is shown before TensorFlow is imported; the import then runs on a
worker thread (``MainWindow.start_backend_loading``). Creating the
QApplication (names, translator, exception hook, fonts) is ``ui/bootstrap.py``.
"""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

# Re-exported: code and tests written before ui/bootstrap.py import these from here.
from cnnexplorer.ui.bootstrap import (  # noqa: F401
    LANGUAGES,
    create_application,
    current_language,
    install_translators,
    resolve_language,
    translations_folder,
)

SCREENSHOT_SIZE = (1280, 800)


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
    from PySide6.QtCore import QBuffer, QByteArray, QEventLoop, QIODevice, QTimer

    from cnnexplorer.core.errors import UserError
    from cnnexplorer.core.files import write_bytes

    loop = QEventLoop()
    window.backend_ready.connect(loop.quit)
    window.backend_slot.failed.connect(loop.quit)
    QTimer.singleShot(120_000, loop.quit)
    if window.backend_info is None:
        loop.exec()
    tab = window.tabs.currentWidget()
    tab.prepare_screenshot()
    for _ in range(5):
        app.processEvents()
    pixmap = window.grab()
    target = Path(path)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not pixmap.save(buffer, "PNG"):
        print(f"error: could not encode the screenshot of {target.name}", file=sys.stderr)
        return 1
    try:
        write_bytes(target, bytes(data.data()))  # encoded in memory, written atomically like every file the app writes
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"saved {target} ({pixmap.width()}x{pixmap.height()})")
    window.close()
    return 0
