"""Typed application settings: the only module that touches QSettings."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

SETTINGS_VERSION = 1
MAX_RECENT = 10


def app_data_folder() -> Path:
    """The folder where the app keeps what it makes for the user (runs, the Example folder): Qt's AppDataLocation."""
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))


class Settings:
    """Window geometry, last tab, recent files, language, text size, presentation mode and theme, persisted by Qt.

    Uses the application's organisation/name (set in ``ui/app.py``), so tests
    can redirect the storage with ``QSettings.setPath`` and get fresh settings.
    """

    def __init__(self, store: QSettings | None = None) -> None:
        self._s = store or QSettings()
        version = self._int("version", 0)
        if version < SETTINGS_VERSION:
            self._migrate(version)

    def _migrate(self, old: int) -> None:
        # Version 1 is the first; later versions convert old keys here.
        self._s.setValue("version", SETTINGS_VERSION)

    def _int(self, key: str, default: int) -> int:
        try:
            value: Any = self._s.value(key, default)
            return int(value)
        except (TypeError, ValueError):
            return default

    def sync(self) -> None:
        self._s.sync()

    @property
    def geometry(self) -> QByteArray | None:
        value = self._s.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._s.setValue("window/geometry", value)

    @property
    def last_tab(self) -> str:
        return str(self._s.value("window/last_tab", "builder"))

    @last_tab.setter
    def last_tab(self, key: str) -> None:
        self._s.setValue("window/last_tab", key)

    @property
    def recent_files(self) -> list[str]:
        value: Any = self._s.value("files/recent", [])
        if isinstance(value, str):  # QSettings returns a lone string for a one-item list
            value = [value]
        return [str(v) for v in (value or [])]

    def add_recent_file(self, path: str) -> None:
        files = [path] + [f for f in self.recent_files if f != path]
        self._s.setValue("files/recent", files[:MAX_RECENT])

    def clear_recent_files(self) -> None:
        self._s.setValue("files/recent", [])

    @property
    def language(self) -> str:
        """"" means: follow the system locale."""
        return str(self._s.value("ui/language", ""))

    @language.setter
    def language(self, code: str) -> None:
        self._s.setValue("ui/language", code)

    @property
    def font_size(self) -> int:
        """Point size of the interface text; 0 means the system default."""
        return self._int("ui/font_size", 0)

    @font_size.setter
    def font_size(self, points: int) -> None:
        self._s.setValue("ui/font_size", int(points))

    @property
    def presentation(self) -> bool:
        """Presentation mode (big text, thick chart lines) was on when the app last closed."""
        value = self._s.value("ui/presentation", False)
        return value in (True, "true", "1", 1)

    @presentation.setter
    def presentation(self, on: bool) -> None:
        self._s.setValue("ui/presentation", bool(on))

    @property
    def theme(self) -> str:
        """"system" (follow the desktop), "light" or "dark"."""
        value = str(self._s.value("ui/theme", "system"))
        return value if value in ("system", "light", "dark") else "system"

    @theme.setter
    def theme(self, name: str) -> None:
        self._s.setValue("ui/theme", name)
