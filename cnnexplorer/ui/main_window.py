"""The main window: tabs, menus, status bar, settings and the close sequence."""
from __future__ import annotations

import importlib
from pathlib import Path

from PySide6.QtCore import QSize, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QFont, QKeySequence
from PySide6.QtWidgets import (
    QApplication, QFileDialog, QLabel, QMainWindow, QMessageBox, QTabWidget, QWidget,
)

from cnnexplorer import APP_NAME, __version__
from cnnexplorer.core.errors import SpecError
from cnnexplorer.core.resources import resource_path
from cnnexplorer.core.session import Session
from cnnexplorer.core.spec import ModelSpec, load_spec, save_spec
from cnnexplorer.ui import workers
from cnnexplorer.ui.errors import reporter
from cnnexplorer.ui.session_bridge import SessionBridge
from cnnexplorer.ui.settings import Settings
from cnnexplorer.ui.tabs import TABS
from cnnexplorer.ui.tabs.base import Tab

DESIGN_FILTER = "CNN Explorer designs (*.json)"
MODEL_FILTER = "Keras models (*.keras *.h5)"
OPEN_FILTER = "Designs and models (*.json *.keras *.h5);;" + DESIGN_FILTER + ";;" + MODEL_FILTER

MIN_FONT, MAX_FONT = 7, 40


def _load_model_file(path: str, progress=None, cancel=None):
    from cnnexplorer.ml.build import load_model_file

    return load_model_file(path)


def _load_backend(progress=None, cancel=None):
    from cnnexplorer.ml.runtime import load_backend

    return load_backend()


class MainWindow(QMainWindow):
    """Tabs around one shared :class:`Session`."""

    backend_ready = Signal(object)  # BackendInfo, once TensorFlow has been imported

    def __init__(self, session: Session | None = None, settings: Settings | None = None) -> None:
        super().__init__()
        self.setWindowTitle(APP_NAME)
        self.session = session or Session()
        self.settings = settings or Settings()
        self.bridge = SessionBridge(self.session, self)
        self.backend_info = None
        self._backend_task: workers.Task | None = None
        self._file_task: workers.Task | None = None
        reporter()._parent_widget = lambda: self

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tab_by_key: dict[str, Tab] = {}
        for key, title, module, cls in TABS:
            tab = getattr(importlib.import_module(module), cls)(self.bridge)
            self.tab_by_key[key] = tab
            self.tabs.addTab(tab, title)
        self.setCentralWidget(self.tabs)

        self._build_menus()
        self._build_status_bar()
        self.bridge.changed.connect(self._on_session_changed)
        self._restore_settings()
        self.tabs.currentChanged.connect(self._remember_tab)

    # -- construction ----------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.open_action = self._action(file_menu, "&Open design or model…", QKeySequence.StandardKey.Open,
                                        self.open_dialog)
        self.save_action = self._action(file_menu, "&Save design…", QKeySequence.StandardKey.Save,
                                        self.save_design_dialog)
        self.save_model_action = self._action(file_menu, "Save trained &model…", None, self.save_model_dialog)
        self.recent_menu = file_menu.addMenu("Open &recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", QKeySequence.StandardKey.Quit, self.close)

        view_menu = self.menuBar().addMenu("&View")
        self._action(view_menu, "&Larger text", QKeySequence("Ctrl+="), self.larger_text)
        self._action(view_menu, "&Smaller text", QKeySequence("Ctrl+-"), self.smaller_text)
        self._action(view_menu, "&Reset text size", QKeySequence("Ctrl+0"), self.reset_text)

        help_menu = self.menuBar().addMenu("&Help")
        self._action(help_menu, "&About CNN Explorer", None, self.show_about)

    def _action(self, menu, text, shortcut, slot) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.backend_label = QLabel("Loading TensorFlow…")
        self.dataset_label = QLabel()
        self.model_label = QLabel()
        for label in (self.model_label, self.dataset_label, self.backend_label):
            bar.addPermanentWidget(label)
        self._update_status()

    def sizeHint(self) -> QSize:
        return QSize(1280, 800)

    # -- settings ------------------------------------------------------------
    def _restore_settings(self) -> None:
        geometry = self.settings.geometry
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        self.select_tab(self.settings.last_tab)
        if self.settings.font_size:
            self.set_font_size(self.settings.font_size)

    @Slot(int)
    def _remember_tab(self, index: int) -> None:
        self.settings.last_tab = TABS[index][0]

    def select_tab(self, key: str) -> bool:
        tab = self.tab_by_key.get(key)
        if tab is None:
            return False
        self.tabs.setCurrentWidget(tab)
        return True

    # -- text size (projectors) --------------------------------------------------
    def set_font_size(self, points: int) -> None:
        points = max(MIN_FONT, min(MAX_FONT, points))
        font = QFont(QApplication.font())
        font.setPointSize(points)
        QApplication.setFont(font)
        self.settings.font_size = points

    def _font_size(self) -> int:
        return QApplication.font().pointSize()

    @Slot()
    def larger_text(self) -> None:
        self.set_font_size(self._font_size() + 2)

    @Slot()
    def smaller_text(self) -> None:
        self.set_font_size(self._font_size() - 2)

    @Slot()
    def reset_text(self) -> None:
        default = QApplication.instance().property("default_point_size") or 10
        self.set_font_size(int(default))
        self.settings.font_size = 0

    # -- TensorFlow in the background -----------------------------------------------
    def start_backend_loading(self) -> None:
        """Import TensorFlow on a worker thread; the status bar says when it is ready."""
        if self._backend_task is not None:
            return
        self._backend_task = workers.Task(_load_backend, name="load-tensorflow")
        self._backend_task.finished.connect(self._on_backend_loaded)
        self._backend_task.failed.connect(self._on_backend_failed)
        self._backend_task.start()

    @Slot(object)
    def _on_backend_loaded(self, info) -> None:
        self.backend_info = info
        self.backend_label.setText(info.summary)
        self.backend_label.setToolTip("TensorFlow is loaded; training and visualisation are ready.")
        self.backend_ready.emit(info)

    @Slot(object)
    def _on_backend_failed(self, exc) -> None:
        self.backend_label.setText("TensorFlow could not be loaded")
        reporter().report(exc)

    # -- status bar ------------------------------------------------------------
    @Slot(str)
    def _on_session_changed(self, field: str) -> None:
        if field in ("model", "model_name", "dataset_name", "design"):
            self._update_status()

    def _update_status(self) -> None:
        s = self.session
        self.dataset_label.setText(f"Dataset: {s.dataset_name or '—'}")
        if s.model_name is not None:
            self.model_label.setText(f"Model: {s.model_name.name} ({s.model_name.source})")
        elif s.design is not None:
            self.model_label.setText(f"Design: {s.design.name} (not built yet)")
        else:
            self.model_label.setText("Model: none")

    # -- files ------------------------------------------------------------------
    @Slot()
    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open design or model", "", OPEN_FILTER)
        if path:
            self.open_path(path)

    def open_path(self, path: str) -> None:
        """Open a design (.json) or a Keras model (.keras/.h5); errors leave the current state untouched."""
        suffix = Path(path).suffix.lower()
        if suffix == ".json":
            try:
                spec = load_spec(path)
            except SpecError as exc:
                reporter().report(exc)
                return
            self.session.design_path = path
            self.session.design = spec
            self.settings.add_recent_file(path)
            self.select_tab("builder")
        elif suffix in (".keras", ".h5"):
            task = workers.Task(_load_model_file, path, name="open-model")
            task.finished.connect(self._on_model_file_loaded)
            task.failed.connect(reporter().report)
            self._file_task = task
            self.statusBar().showMessage(f"Opening {Path(path).name}…")
            task.start()
        else:
            reporter().report(f"{Path(path).name} is neither a design (.json) nor a Keras model (.keras, .h5).")

    @Slot(object)
    def _on_model_file_loaded(self, loaded) -> None:
        model, path = loaded
        self.session.set_model(model, Path(path).stem, "file", path)
        self.settings.add_recent_file(path)
        self.statusBar().showMessage(f"Opened {Path(path).name}", 5000)

    @Slot()
    def save_design_dialog(self) -> None:
        spec: ModelSpec | None = self.session.design
        if spec is None:
            reporter().report("There is no design to save yet. Build one in the Builder tab first.")
            return
        start = self.session.design_path or f"{spec.name}.json"
        path, _ = QFileDialog.getSaveFileName(self, "Save design", start, DESIGN_FILTER)
        if path:
            self.save_design(path)

    def save_design(self, path: str) -> None:
        try:
            save_spec(self.session.design, path)
        except OSError as exc:
            reporter().report(f"The design could not be saved to {path} ({exc.strerror}). Choose another folder.")
            return
        self.session.design_path = path
        self.settings.add_recent_file(path)
        self.statusBar().showMessage(f"Saved {Path(path).name}", 5000)

    @Slot()
    def save_model_dialog(self) -> None:
        if self.session.model is None:
            reporter().report("There is no trained or loaded model to save. Train one in the Training tab first.")
            return
        path, _ = QFileDialog.getSaveFileName(self, "Save model", "model.keras", "Keras models (*.keras)")
        if path:
            from cnnexplorer.ml.build import save_model_file

            try:
                save_model_file(self.session.model, path)
            except Exception as exc:  # reported, never fatal
                reporter().report(exc)
                return
            self.settings.add_recent_file(path)
            self.statusBar().showMessage(f"Saved {Path(path).name}", 5000)

    @Slot()
    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.settings.recent_files
        for path in files:
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.setData(path)
            action.triggered.connect(self._open_recent)
        if not files:
            self.recent_menu.addAction("(no recent files)").setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction("Clear list", self.settings.clear_recent_files)

    @Slot()
    def _open_recent(self) -> None:
        path = self.sender().data()
        if not Path(path).exists():
            reporter().report(f"{path} no longer exists. It may have been moved or deleted.")
            return
        self.open_path(path)

    # -- help ---------------------------------------------------------------------
    @Slot()
    def show_about(self) -> None:
        self.about_box = QMessageBox(self)
        self.about_box.setWindowTitle(f"About {APP_NAME}")
        self.about_box.setText(
            f"<b>{APP_NAME} {__version__}</b><br>Learn and teach convolutional neural networks "
            "by pointing and clicking.<br>"
            + (self.backend_info.summary if self.backend_info else "TensorFlow is still loading.")
        )
        notes = []
        for folder in ("data", "samples"):
            try:
                notes.append(resource_path(folder, "SOURCES.md").read_text(encoding="utf-8"))
            except Exception as exc:  # the about box must open even on a broken install
                notes.append(str(exc))
        self.about_box.setInformativeText("Bundled data and its licences are listed under Show Details.")
        self.about_box.setDetailedText("\n\n".join(notes))
        self.about_box.open()

    # -- closing ------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        for tab in self.tab_by_key.values():
            if hasattr(tab, "confirm_close") and not tab.confirm_close():
                event.ignore()
                return
        for tab in self.tab_by_key.values():
            tab.shutdown()
        workers.stop_all()
        self.settings.geometry = self.saveGeometry()
        self.settings.sync()
        self.bridge.detach()
        event.accept()
