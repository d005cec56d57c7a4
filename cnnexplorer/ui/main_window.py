"""The main window: tabs, menus, status bar, settings and the close sequence."""
from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QProcess, QSize, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QTabWidget,
    QWidget,
)

from cnnexplorer import APP_NAME, __version__
from cnnexplorer.core.errors import SpecError, UserError
from cnnexplorer.core.resources import resource_path
from cnnexplorer.core.session import Session
from cnnexplorer.core.spec import ModelSpec, load_spec, save_spec
from cnnexplorer.ui import presentation, workers
from cnnexplorer.ui.bootstrap import LANGUAGES, current_language, resolve_language
from cnnexplorer.ui.errors import reporter
from cnnexplorer.ui.session_bridge import SessionBridge
from cnnexplorer.ui.settings import Settings
from cnnexplorer.ui.tabs import TABS
from cnnexplorer.ui.tabs.base import Tab

MIN_FONT, MAX_FONT = 7, 40


# Tab titles live in ui/tabs/__init__.py (no Qt there); these marks put them in the translation file.
TAB_TITLES = [QT_TRANSLATE_NOOP("Tabs", "Lessons"),
              QT_TRANSLATE_NOOP("Tabs", "Builder"), QT_TRANSLATE_NOOP("Tabs", "Training"),
              QT_TRANSLATE_NOOP("Tabs", "Augmentation"), QT_TRANSLATE_NOOP("Tabs", "Pretrained"),
              QT_TRANSLATE_NOOP("Tabs", "Visualize"), QT_TRANSLATE_NOOP("Tabs", "Concepts")]
# Where the session's model came from (Session.set_model's source), shown in the status bar.
MODEL_SOURCES = [QT_TRANSLATE_NOOP("ModelSource", "trained"), QT_TRANSLATE_NOOP("ModelSource", "file"),
                 QT_TRANSLATE_NOOP("ModelSource", "pretrained"), QT_TRANSLATE_NOOP("ModelSource", "built")]


def _load_model_file(path: str, progress=None, cancel=None):
    from cnnexplorer.ml.model_files import load_model_file

    return load_model_file(path)


def _load_backend(progress=None, cancel=None):
    from cnnexplorer.ml.runtime import load_backend

    return load_backend()


def restart_command() -> tuple[str, list[str]]:
    """How to start this app again: the frozen executable, the ``cnnexplorer`` script, or ``python -m``."""
    if getattr(sys, "frozen", False):
        return sys.executable, sys.argv[1:]
    if Path(sys.argv[0]).name == "__main__.py":
        return sys.executable, ["-m", "cnnexplorer", *sys.argv[1:]]
    return sys.executable, [sys.argv[0], *sys.argv[1:]]


class _TabPages(QTabWidget):
    """Tabs whose pages scroll when the window is smaller than a page needs (presentation-size text on a
    1280×800 projector) instead of pushing the window off the screen. ``widget()``, ``currentWidget()``,
    ``indexOf()`` and ``setCurrentWidget()`` still deal in the tabs themselves."""

    def addTab(self, page: QWidget, title: str) -> int:  # type: ignore[override]  # no icon overload
        area = QScrollArea(self)
        area.setWidget(page)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        return super().addTab(area, title)

    def widget(self, index: int) -> QWidget | None:
        page = super().widget(index)
        return page.widget() if isinstance(page, QScrollArea) else page

    def currentWidget(self) -> QWidget | None:  # type: ignore[override]  # None when there is no tab
        return self.widget(self.currentIndex())

    def indexOf(self, page: QWidget) -> int:
        return next((i for i in range(self.count()) if self.widget(i) is page), -1)

    def setCurrentWidget(self, page: QWidget) -> None:
        index = self.indexOf(page)
        if index >= 0:
            self.setCurrentIndex(index)


class MainWindow(QMainWindow):
    """Tabs around one shared :class:`Session`."""

    backend_ready = Signal(object)  # BackendInfo, once TensorFlow has been imported

    def __init__(self, session: Session | None = None, settings: Settings | None = None,
                 presentation_mode: bool | None = None, theme: str | None = None) -> None:
        """``presentation_mode`` and ``theme`` override the saved look for this window without saving it."""
        super().__init__()
        self.setWindowTitle(APP_NAME)
        self.session = session or Session()
        self.settings = settings or Settings()
        self.bridge = SessionBridge(self.session, self)
        self.backend_info = None
        # Background work: one slot each. Opening a model file while another opens supersedes it, so the
        # last file asked for is the one that arrives, however long the earlier one takes.
        self.backend_slot = workers.TaskSlot("load-tensorflow", parent=self)
        self.backend_slot.finished.connect(self._on_backend_loaded)
        self.backend_slot.failed.connect(self._on_backend_failed)
        self.file_slot = workers.TaskSlot("open-model", parent=self)
        self.file_slot.finished.connect(self._on_model_file_loaded)
        self.file_slot.failed.connect(self._on_model_file_failed)
        reporter()._parent_widget = lambda: self
        # The look first, so tabs and charts are created with the right fonts, palette and chart defaults.
        look = presentation.look()
        look.set_base_points(self.settings.font_size)
        look.set_presentation(self.settings.presentation if presentation_mode is None else presentation_mode)
        look.set_theme(self.settings.theme if theme is None else theme)

        self.tabs = _TabPages(self)
        self.tabs.setDocumentMode(True)
        self.tab_by_key: dict[str, Tab] = {}
        for key, title, module, cls in TABS:
            tab = getattr(importlib.import_module(module), cls)(self.bridge)
            self.tab_by_key[key] = tab
            self.tabs.addTab(tab, QCoreApplication.translate("Tabs", title))
        self.setCentralWidget(self.tabs)

        self._build_menus()
        self._build_status_bar()
        self.bridge.changed.connect(self._on_session_changed)
        self._restore_settings()
        self.tabs.currentChanged.connect(self._remember_tab)

    # -- construction ----------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.open_action = self._action(file_menu, self.tr("&Open design or model…"),
                                        QKeySequence.StandardKey.Open, self.open_dialog)
        self.save_action = self._action(file_menu, self.tr("&Save design…"), QKeySequence.StandardKey.Save,
                                        self.save_design_dialog)
        self.save_model_action = self._action(file_menu, self.tr("Save trained &model…"), None,
                                              self.save_model_dialog)
        self.export_model_action = self._action(file_menu, self.tr("Export for plain &Keras…"), None,
                                                self.export_model_dialog)
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.view_menu = view_menu
        self.larger_action = self._action(view_menu, self.tr("&Larger text"), QKeySequence("Ctrl+="),
                                          self.larger_text)
        # Ctrl++ too: on many keyboards "=" and "+" share a key, and people press what the key shows.
        self.larger_action.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        self.smaller_action = self._action(view_menu, self.tr("&Smaller text"), QKeySequence("Ctrl+-"),
                                           self.smaller_text)
        self.reset_text_action = self._action(view_menu, self.tr("&Reset text size"), QKeySequence("Ctrl+0"),
                                              self.reset_text)
        view_menu.addSeparator()
        self.presentation_action = self._action(view_menu, self.tr("&Presentation mode"), QKeySequence("F5"),
                                                self._on_presentation_toggled)
        self.presentation_action.setCheckable(True)
        self.presentation_action.setToolTip(
            self.tr("Big text and thick chart lines, readable from the back of a classroom"))

        self.theme_menu = view_menu.addMenu(self.tr("&Theme"))
        self.theme_group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        for name, text in (("system", self.tr("Follow the &system")), ("light", self.tr("&Light")),
                           ("dark", self.tr("&Dark"))):
            action = self.theme_menu.addAction(text)
            action.setCheckable(True)
            action.setData(name)
            action.triggered.connect(self._on_theme_chosen)
            self.theme_group.addAction(action)
            self.theme_actions[name] = action

        self.language_menu = view_menu.addMenu(self.tr("&Language"))
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, text in [("", self.tr("Follow the &system")), *LANGUAGES.items()]:
            action = self.language_menu.addAction(text)
            action.setCheckable(True)
            action.setData(code)
            action.triggered.connect(self._on_language_chosen)
            self.language_group.addAction(action)
            self.language_actions[code] = action

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&About CNN Explorer"), None, self.show_about)

    def _action(self, menu, text, shortcut, slot) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.backend_label = QLabel(self.tr("Loading TensorFlow…"))
        self.dataset_label = QLabel()
        self._dataset_in_use = self.session.dataset_name
        self.model_label = QLabel()
        for i, label in enumerate((self.model_label, self.dataset_label, self.backend_label)):
            if i:  # a thin line between the three, so they do not read as one sentence
                line = QFrame()
                line.setFrameShape(QFrame.Shape.VLine)
                line.setFrameShadow(QFrame.Shadow.Sunken)
                bar.addPermanentWidget(line)
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
        look = presentation.look()
        self.presentation_action.setChecked(look.presentation)
        self.theme_actions[look.theme].setChecked(True)
        self.language_actions.get(self.settings.language, self.language_actions[""]).setChecked(True)

    @Slot(int)
    def _remember_tab(self, index: int) -> None:
        self.settings.last_tab = TABS[index][0]

    def select_tab(self, key: str) -> bool:
        tab = self.tab_by_key.get(key)
        if tab is None:
            return False
        self.tabs.setCurrentWidget(tab)
        return True

    # -- text size, presentation mode, theme (projectors) ------------------------------
    def set_font_size(self, points: int) -> None:
        """The normal text size; presentation mode shows it larger."""
        points = max(MIN_FONT, min(MAX_FONT, points))
        presentation.look().set_base_points(points)
        self.settings.font_size = points

    def _base_font_size(self) -> int:
        look = presentation.look()
        return look.base_points or look.default_points

    @Slot()
    def larger_text(self) -> None:
        self.set_font_size(self._base_font_size() + 2)

    @Slot()
    def smaller_text(self) -> None:
        self.set_font_size(self._base_font_size() - 2)

    @Slot()
    def reset_text(self) -> None:
        presentation.look().set_base_points(0)
        self.settings.font_size = 0

    def set_presentation(self, on: bool, remember: bool = True) -> None:
        """Presentation mode on or off; ``remember`` keeps the choice for the next start."""
        presentation.look().set_presentation(on)
        self.presentation_action.setChecked(bool(on))
        if remember:
            self.settings.presentation = bool(on)

    @Slot(bool)
    def _on_presentation_toggled(self, checked: bool) -> None:
        self.set_presentation(checked)
        self.statusBar().showMessage(
            self.tr("Presentation mode on: press F5 to go back.") if checked
            else self.tr("Presentation mode off."), 5000)

    def set_theme(self, name: str, remember: bool = True) -> None:
        """"system", "light" or "dark"."""
        look = presentation.look()
        look.set_theme(name)
        self.theme_actions[look.theme].setChecked(True)
        if remember:
            self.settings.theme = look.theme

    @Slot()
    def _on_theme_chosen(self) -> None:
        self.set_theme(cast(QAction, self.sender()).data())

    @Slot()
    def _on_language_chosen(self) -> None:
        code = cast(QAction, self.sender()).data()
        self.settings.language = code
        self.settings.sync()
        if resolve_language(code) == current_language():
            return
        name = LANGUAGES[resolve_language(code)]
        self.language_box = QMessageBox(self)
        self.language_box.setIcon(QMessageBox.Icon.Information)
        self.language_box.setWindowTitle(self.tr("Language"))
        self.language_box.setText(self.tr("The interface will be in %1 the next time CNN Explorer starts.")
                                  .replace("%1", name))
        self.language_box.setInformativeText(self.tr("Restart now to switch, or keep working and switch the next "
                                                     "time CNN Explorer starts."))
        restart = self.language_box.addButton(self.tr("&Restart now"), QMessageBox.ButtonRole.AcceptRole)
        restart.clicked.connect(self.restart)
        self.language_box.addButton(self.tr("&Later"), QMessageBox.ButtonRole.RejectRole)
        self.language_box.open()

    @Slot()
    def restart(self) -> bool:
        """Close the window (asking the tabs, as Quit does) and start the app again with the same arguments."""
        if not self.close():
            return False
        program, args = restart_command()
        if not QProcess.startDetached(program, args):
            reporter().report(self.tr("CNN Explorer could not start again. Start it yourself to switch the language."))
            return False
        return True

    # -- TensorFlow in the background -----------------------------------------------
    def start_backend_loading(self) -> None:
        """Import TensorFlow on a worker thread; the status bar says when it is ready."""
        if self.backend_slot.task is not None:
            return
        self.backend_slot.start(_load_backend)

    @Slot(object)
    def _on_backend_loaded(self, info) -> None:
        self.backend_info = info
        self.backend_label.setText(info.summary)
        self.backend_label.setToolTip(self.tr("TensorFlow is loaded; training and visualisation are ready."))
        self.backend_ready.emit(info)

    @Slot(object)
    def _on_backend_failed(self, exc) -> None:
        self.backend_label.setText(self.tr("TensorFlow could not be loaded"))
        reporter().report(exc)

    # -- status bar ------------------------------------------------------------
    @Slot(str)
    def _on_session_changed(self, field: str) -> None:
        if field in ("model", "model_name", "dataset_name", "design"):
            self._update_status(field)

    def _update_status(self, field: str = "") -> None:
        s = self.session
        # The dataset in use: the one the current model was trained on (e.g. an image folder in the Pretrained
        # tab), until another dataset is chosen for training.
        trained_on = s.model_name.dataset if s.model_name is not None else None
        if field == "dataset_name" or not trained_on:
            self._dataset_in_use = s.dataset_name
            tip = self.tr("The dataset the Training tab uses")
        elif field in ("model", "model_name"):
            self._dataset_in_use = trained_on
            tip = self.tr("The dataset the current model was trained on")
        else:
            tip = self.dataset_label.toolTip()
        name = self._dataset_in_use or "—"
        shown = Path(name).name or name if ("/" in name or "\\" in name) else name  # a folder: its name
        self.dataset_label.setText(self.tr("Dataset: %1").replace("%1", shown))
        self.dataset_label.setToolTip(f"{tip}: {name}")
        if s.model_name is not None:
            source = QCoreApplication.translate("ModelSource", s.model_name.source)
            self.model_label.setText(self.tr("Model: %1 (%2)").replace("%1", s.model_name.name).replace("%2", source))
        elif s.design is not None:
            self.model_label.setText(self.tr("Design: %1 (not built yet)").replace("%1", s.design.name))
        else:
            self.model_label.setText(self.tr("Model: none"))

    # -- files ------------------------------------------------------------------
    def _design_filter(self) -> str:
        return self.tr("CNN Explorer designs (%1)").replace("%1", "*.json")

    def _open_filter(self) -> str:
        both = self.tr("Designs and models (%1)").replace("%1", "*.json *.keras *.h5")
        models = self.tr("Keras models (%1)").replace("%1", "*.keras *.h5")
        return ";;".join((both, self._design_filter(), models))

    @Slot()
    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open design or model"), "", self._open_filter())
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
            self.statusBar().showMessage(self.tr("Opening %1…").replace("%1", Path(path).name))
            self.file_slot.start(_load_model_file, path)
        else:
            reporter().report(self.tr("%1 is neither a design (.json) nor a Keras model (.keras, .h5).")
                              .replace("%1", Path(path).name))

    @Slot(object)
    def _on_model_file_loaded(self, loaded) -> None:
        model, path = loaded
        self.session.set_model(model, Path(path).stem, "file", path)
        self.settings.add_recent_file(path)
        self.statusBar().showMessage(self.tr("Opened %1").replace("%1", Path(path).name), 5000)

    @Slot(object)
    def _on_model_file_failed(self, exc) -> None:
        self.statusBar().clearMessage()
        reporter().report(exc)

    @Slot()
    def save_design_dialog(self) -> None:
        spec: ModelSpec | None = self.session.design
        if spec is None:
            reporter().report(self.tr("There is no design to save yet. Build one in the Builder tab first."))
            return
        start = self.session.design_path or f"{spec.name}.json"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save design"), start, self._design_filter())
        if path:
            self.save_design(path)

    def save_design(self, path: str) -> None:
        try:
            save_spec(self.session.design, path)  # core.files: atomic; a failure keeps the old file and says why
        except UserError as exc:
            reporter().report(exc)
            return
        self.session.design_path = path
        self.settings.add_recent_file(path)
        self.statusBar().showMessage(self.tr("Saved %1").replace("%1", Path(path).name), 5000)

    @Slot()
    def save_model_dialog(self) -> None:
        if self.session.model is None:
            reporter().report(
                self.tr("There is no trained or loaded model to save. Train one in the Training tab first."))
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save model"), "model.keras",
                                              self.tr("Keras models (%1)").replace("%1", "*.keras"))
        if path:
            from cnnexplorer.ml.model_files import save_model_file

            try:
                save_model_file(self.session.model, path)  # core.files underneath: atomic, checked
            except UserError as exc:
                reporter().report(exc)
                return
            self.settings.add_recent_file(path)
            self.statusBar().showMessage(self.tr("Saved %1").replace("%1", Path(path).name), 5000)

    @Slot()
    def export_model_dialog(self) -> None:
        """The trained/loaded model (or else the design, built untrained) as a file plain Keras opens: .keras or .h5."""
        if self.session.model is None and self.session.design is None:
            reporter().report(self.tr("There is no model or design to export. Build a design or train a model first."))
            return
        keras_filter = self.tr("Keras 3 model (%1)").replace("%1", "*.keras")
        h5_filter = self.tr("Legacy HDF5 model, as in the tutorial (%1)").replace("%1", "*.h5")
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("Export for plain Keras"), "model.keras",
                                                   ";;".join((keras_filter, h5_filter)))
        if not path:
            return
        if Path(path).suffix.lower() not in (".keras", ".h5"):
            path += ".h5" if chosen == h5_filter else ".keras"
        from cnnexplorer.ml.model_files import export_model_file

        try:
            model = self.session.model
            if model is None:
                from cnnexplorer.ml.build import build_model

                model = build_model(self.session.design)
            export_model_file(model, path)  # atomic; class names inside; plain keras.saving.load_model opens it
        except UserError as exc:
            reporter().report(exc)
            return
        self.statusBar().showMessage(self.tr("Exported %1").replace("%1", Path(path).name), 5000)

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
            self.recent_menu.addAction(self.tr("(no recent files)")).setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(self.tr("Clear list"), self.settings.clear_recent_files)

    @Slot()
    def _open_recent(self) -> None:
        path = cast(QAction, self.sender()).data()
        if not Path(path).exists():
            reporter().report(self.tr("%1 no longer exists. It may have been moved or deleted.").replace("%1", path))
            return
        self.open_path(path)

    # -- help ---------------------------------------------------------------------
    @Slot()
    def show_about(self) -> None:
        self.about_box = QMessageBox(self)
        self.about_box.setWindowTitle(self.tr("About %1").replace("%1", APP_NAME))
        self.about_box.setText(
            f"<b>{APP_NAME} {__version__}</b><br>"
            + self.tr("Learn and teach convolutional neural networks by pointing and clicking.") + "<br>"
            + (self.backend_info.summary if self.backend_info else self.tr("TensorFlow is still loading."))
        )
        notes = []
        for folder in ("data", "samples", "weights"):
            try:
                notes.append(resource_path(folder, "SOURCES.md").read_text(encoding="utf-8"))
            except Exception as exc:  # the about box must open even on a broken install
                notes.append(str(exc))
        self.about_box.setInformativeText(self.tr("Bundled data and its licences are listed under Show Details."))
        self.about_box.setDetailedText("\n\n".join(notes))
        self.about_box.open()

    # -- closing ------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        for tab in self.tab_by_key.values():
            if not tab.confirm_close():
                event.ignore()
                return
        for tab in self.tab_by_key.values():
            tab.shutdown()
        for slot in (self.file_slot, self.backend_slot):
            slot.shutdown()
        workers.stop_all()
        self.settings.geometry = self.saveGeometry()
        self.settings.sync()
        self.bridge.detach()
        event.accept()
