"""Builder tab: design a Keras model layer by layer, with live shapes, formulas, clear errors and code export.

The design lives in ``session.design`` (a :class:`ModelSpec`); every edit makes
a new spec, goes through a ``QUndoStack`` and is assigned back to the session
so File > Save design and the Training tab always see the current design.
Shapes, parameters and problems come from :mod:`cnnexplorer.core.shapes`
(pure Python, well under a millisecond per edit), so nothing here imports
TensorFlow; only turning a model opened from a file into a design touches
Keras, and that model is already loaded by then.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QColor, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cnnexplorer.core.compatibility import design_advice, follow_default_loss, scaling_note
from cnnexplorer.core.errors import SpecError
from cnnexplorer.core.files import FileWriteError
from cnnexplorer.core.shapes import Problem, ShapeReport, check
from cnnexplorer.core.spec import LAYER_DEFAULTS, LAYER_HELP, TEMPLATES, LayerSpec, ModelSpec, template
from cnnexplorer.ui import presentation
from cnnexplorer.ui.core_texts import tr_core
from cnnexplorer.ui.tabs.base import Tab, run_standalone
from cnnexplorer.ui.widgets.code_dialog import CodeDialog
from cnnexplorer.ui.widgets.column_scroll import ColumnScroll
from cnnexplorer.ui.widgets.compile_settings import CompileSettings
from cnnexplorer.ui.widgets.design_header import DesignHeader
from cnnexplorer.ui.widgets.design_undo import SpecEdit
from cnnexplorer.ui.widgets.layer_editor import InputEditor, LayerEditor
from cnnexplorer.ui.widgets.layer_menu import ADD_ORDER, LayerMenuButton
from cnnexplorer.ui.widgets.layer_rows import design_rows, formula_html, read_only_rows, settings_text
from cnnexplorer.ui.widgets.layer_table import LayerRow, LayerTable
from cnnexplorer.ui.widgets.model_banner import ModelBanner

# The formatting and the undo command are importable from here as before.
__all__ = ["ADD_ORDER", "BuilderTab", "SpecEdit", "design_rows", "settings_text"]

START_TEMPLATE = "mnist-cnn"
EMPTY_NAME = "my-design"

class BuilderTab(Tab):
    key = "builder"
    title = "Builder"

    def __init__(self, bridge, parent: QWidget | None = None) -> None:
        super().__init__(bridge, parent)
        self.undo_stack = QUndoStack(self)
        self._applying = False
        self._read_only_rows: list[LayerRow] | None = None
        self._last: dict | None = None
        self._info_cache: dict[str, Any] = {}
        self.complete_script = True  # Export code: the whole training script (or the model only)
        self.report = ShapeReport((), [], [])  # nothing inferred yet: refresh() below replaces it
        self.problems: list[Problem] = []
        self.notes: list[str] = []
        self._build_ui()
        self._build_actions()
        if self.session.design is None:
            self._applying = True
            self.session.design = template(START_TEMPLATE)
            self._applying = False
        self._last = self.spec.to_dict()
        self.refresh(select=0)
        self.bridge.changed.connect(self._on_session_changed)

    # -- construction ------------------------------------------------------------------
    def _build_ui(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(10, 8, 10, 8)
        root.setSpacing(6)

        # Header: design name, total parameters, can it be trained?
        self.header = DesignHeader()
        self.name_label, self.total_label = self.header.name_label, self.header.total_label
        self.status_label = self.header.status_label
        root.addWidget(self.header)

        # Toolbar row
        bar = QHBoxLayout()
        self.template_combo = QComboBox()
        self.template_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for name, (description, _) in TEMPLATES.items():
            self.template_combo.addItem(name, name)
            self.template_combo.setItemData(self.template_combo.count() - 1,
                                            QCoreApplication.translate("spec", description),
                                            Qt.ItemDataRole.ToolTipRole)
        self.template_combo.setToolTip(self.tr("Start from one of the tutorial's networks"))
        bar.addWidget(self.template_combo)
        self.load_template_button = QPushButton(self.tr("Load template"))
        self.load_template_button.setToolTip(self.tr("Replace the design with this template (undo brings yours back)"))
        self.load_template_button.clicked.connect(self._load_selected_template)
        bar.addWidget(self.load_template_button)
        bar.addWidget(self._separator())

        self.add_button = self._menu_button(self.tr("Add layer"), self.tr("Add a layer below the selected one (Ins)"),
                                            self.add_layer)
        self.insert_button = self._menu_button(self.tr("Insert above"),
                                               self.tr("Insert a layer above the selected one"), self.insert_layer)
        bar.addWidget(self.add_button)
        bar.addWidget(self.insert_button)
        self.duplicate_button = self._button(self.tr("Duplicate"), self.tr("Duplicate the selected layer (Ctrl+D)"),
                                             self.duplicate_layer)
        self.delete_button = self._button(self.tr("Delete"), self.tr("Delete the selected layer (Del)"),
                                          self.delete_layer)
        self.up_button = self._button("▲", self.tr("Move the selected layer up (Alt+Up)"),
                                      self.move_up)
        self.down_button = self._button("▼", self.tr("Move the selected layer down (Alt+Down)"),
                                        self.move_down)
        for b in (self.duplicate_button, self.delete_button, self.up_button, self.down_button):
            bar.addWidget(b)
        bar.addWidget(self._separator())
        self.undo_button = self._button("↶", self.tr("Undo (Ctrl+Z)"), self.undo_stack.undo)
        self.redo_button = self._button("↷", self.tr("Redo (Ctrl+Shift+Z)"), self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        bar.addWidget(self.undo_button)
        bar.addWidget(self.redo_button)
        bar.addStretch(1)
        self.export_button = self._button(self.tr("Export code…"),
                                          self.tr("Show and save a Keras 3 Python script that builds this design"),
                                          self.show_code)
        bar.addWidget(self.export_button)
        root.addLayout(bar)

        # Banner for models opened from files (editable or read-only).
        self.banner = ModelBanner()
        self.banner.back_requested.connect(self._back_to_design)
        self.banner_label, self.banner_button = self.banner.label, self.banner.back_button
        root.addWidget(self.banner)

        # Left: layer table + problems.  Right: settings, formula, compile.
        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.table = LayerTable()
        self.table.layer_selected.connect(self._on_layer_selected)
        self.table.table_model.move_requested.connect(self.move_layer)
        left_layout.addWidget(self.table, 1)
        self.problems_title = QLabel()
        left_layout.addWidget(self.problems_title)
        self.problem_list = QListWidget()
        self.problem_list.setWordWrap(True)
        self.problem_list.setMaximumHeight(int(self.fontMetrics().height() * 6.5))
        self.problem_list.itemActivated.connect(self._on_problem_clicked)
        self.problem_list.itemClicked.connect(self._on_problem_clicked)
        left_layout.addWidget(self.problem_list)
        splitter.addWidget(left)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.editor_box = QGroupBox()
        editor_layout = QVBoxLayout(self.editor_box)
        self.layer_help = QLabel()
        self.layer_help.setWordWrap(True)
        editor_layout.addWidget(self.layer_help)
        self.layer_editor = LayerEditor()
        self.layer_editor.edited.connect(self._on_setting_edited)
        self.input_editor = InputEditor()
        self.input_editor.edited.connect(self._on_input_edited)
        editor_layout.addWidget(self.layer_editor)
        editor_layout.addWidget(self.input_editor)
        right_layout.addWidget(self.editor_box)

        self.formula_box = QGroupBox(self.tr("How the shape and weights are computed"))
        formula_layout = QVBoxLayout(self.formula_box)
        self.formula_label = QLabel()
        self.formula_label.setWordWrap(True)
        self.formula_label.setTextFormat(Qt.TextFormat.RichText)
        self.formula_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        formula_layout.addWidget(self.formula_label)
        right_layout.addWidget(self.formula_box)

        self.compile_box = CompileSettings()
        self.compile_box.changed.connect(self._on_compile_changed)
        self.optimizer_combo, self.lr_spin = self.compile_box.optimizer_combo, self.compile_box.lr_spin
        self.loss_combo, self.metric_boxes = self.compile_box.loss_combo, self.compile_box.metric_boxes
        right_layout.addWidget(self.compile_box)
        right_layout.addStretch(1)
        # The column scrolls on its own when it is taller than the window (presentation-size text on a
        # projector): in the page's layout its word-wrapped texts would squeeze the editor's spin boxes
        # below their height instead.
        splitter.addWidget(ColumnScroll(right))
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([760, 500])
        root.addWidget(splitter, 1)
        self.splitter = splitter
        presentation.look().changed.connect(self._widen_table)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self._widen_table)

    @Slot()
    def _widen_table(self) -> None:
        """Give the table the width its cells need (no "…" in Settings with presentation-size text), as long
        as the editor column keeps its minimum width; the usual split otherwise."""
        sizes = self.splitter.sizes()
        total, needed = sum(sizes), self.table.needed_width()
        if total > 0 and needed > sizes[0]:
            editor = self.splitter.widget(1)
            left = min(needed, total - (editor.minimumSizeHint().width() if editor is not None else 0))
            self.splitter.setSizes([left, total - left])

    def _separator(self) -> QFrame:
        line = QFrame()
        line.setFrameShape(QFrame.Shape.VLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        return line

    def _button(self, text: str, tip: str, slot: Callable) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip.split(" (")[0])  # symbol-only buttons still have a name for screen readers
        if len(text) == 1:
            button.setMinimumWidth(button.fontMetrics().height() * 3)
            button.setMaximumWidth(button.fontMetrics().height() * 4)
        button.clicked.connect(slot)
        return button

    @staticmethod
    def _menu_button(text: str, tip: str, handler: Callable[[str], None]) -> LayerMenuButton:
        button = LayerMenuButton(text, tip)
        button.chosen.connect(handler)
        return button

    def _build_actions(self) -> None:
        def add(text: str, keys: list, slot: Callable) -> QAction:
            action = QAction(text, self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            return action

        self.undo_action = add(self.tr("Undo"), [QKeySequence.StandardKey.Undo], self.undo_stack.undo)
        self.redo_action = add(self.tr("Redo"), ["Ctrl+Shift+Z", "Ctrl+Y"], self.undo_stack.redo)
        self.delete_action = add(self.tr("Delete layer"), ["Delete"], self.delete_layer)
        self.duplicate_action = add(self.tr("Duplicate layer"), ["Ctrl+D"], self.duplicate_layer)
        self.up_action = add(self.tr("Move layer up"), ["Alt+Up"], self.move_up)
        self.down_action = add(self.tr("Move layer down"), ["Alt+Down"], self.move_down)
        self.add_action = add(self.tr("Add layer"), ["Insert"], self.add_button.showMenu)
        # Delete must not fire while the user edits a number in the property editor.
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.addAction(self.delete_action)
        self.removeAction(self.delete_action)

    # -- the design ----------------------------------------------------------------------
    @property
    def spec(self) -> ModelSpec:
        design = self.session.design
        return design if isinstance(design, ModelSpec) else ModelSpec((28, 28, 1), [])

    @property
    def read_only(self) -> bool:
        return self._read_only_rows is not None

    def edit(self, change: Callable[[ModelSpec], Any], text: str, select: int | None = None,
             merge_key: str | None = None) -> None:
        """Apply ``change`` to a copy of the design as one undoable step."""
        if self.read_only:
            return
        before = self.spec.to_dict()
        new = self.spec.copy()
        change(new)
        old_spec = self.spec
        follow_default_loss(old_spec, new)
        if old_spec.layers and not new.layers and old_spec.name in TEMPLATES:
            new.name = EMPTY_NAME  # an empty design is no longer the template it was loaded from
        after = new.to_dict()
        if after == before:
            return
        target = self.table.selected_layer() if select is None else select
        self.undo_stack.push(SpecEdit(self._apply, before, after, text, target, self.table.selected_layer(),
                                      merge_key))

    def _apply(self, data: dict, select: int) -> None:
        """Put a design (from the undo stack) into the session and the views."""
        self._applying = True
        try:
            self.session.design = ModelSpec.from_dict(data)
        finally:
            self._applying = False
        self._last = data
        self.refresh(select=select)

    def set_design(self, spec: ModelSpec, text: str) -> None:
        """Replace the whole design (template, opened file) as one undoable step."""
        self.leave_read_only(refresh=False)
        before = self.spec.to_dict()
        self.undo_stack.push(SpecEdit(self._apply, before, spec.to_dict(), text, 0, self.table.selected_layer()))

    def refresh(self, select: int | None = None) -> None:
        """Re-infer shapes and problems and update every view (fast: pure Python)."""
        spec = self.spec
        info = self._dataset_info()
        advice = design_advice(spec, info, self._candidates()) if info is not None and spec.layers else []
        # Across images and sequences the class count means nothing: no "set units=…" for the other kind.
        kinds_differ = any(m.kind == "kind" for m in advice)
        self.report, problems = check(spec, None if kinds_differ or info is None else info.num_classes)
        self.problems = [Problem(None, m.message, keras_rejects=False) for m in advice] + problems
        note = scaling_note(spec)
        self.notes = [note] if note else []
        rows = self._read_only_rows
        if rows is None:
            rows = design_rows(spec, self.report, self.problems)
        self.table.set_rows(rows, editable=not self.read_only, select_layer=select)
        self._update_header()
        self._update_problems()
        self._update_compile()
        self._update_buttons()
        self._on_layer_selected(self.table.selected_layer())

    def _dataset_info(self):
        """The current dataset's DatasetInfo (no data loaded), or None when it cannot be described."""
        name = self.session.dataset_name
        if not name:
            return None
        if name not in self._info_cache:
            try:
                from cnnexplorer.ml.data import dataset_info

                self._info_cache[name] = dataset_info(name)
            except Exception:  # an unreadable folder is the Training tab's business
                self._info_cache[name] = None
        return self._info_cache[name]

    def _candidates(self) -> list:
        """Datasets the advice may suggest instead, the bundled ones first."""
        from cnnexplorer.ml.data import list_datasets

        return list_datasets()

    def _update_header(self) -> None:
        if self._read_only_rows is not None:
            info = self.session.model_name
            self.header.show_model(info.name if info else "", self._read_only_rows[-1].total or "0")
            return
        path = self.session.design_path
        self.header.show_design(self.spec.name, Path(path).name if path else None, self.report, self.problems)

    def _update_problems(self) -> None:
        self.problem_list.clear()
        if self.read_only:
            self.problems_title.setText("")
            self.problem_list.hide()
            return
        self.problem_list.show()
        if not self.problems:
            self.problems_title.setText(self.tr("Problems: none"))
            item = QListWidgetItem(self.tr("No problems: this design can be built and trained."))
            item.setForeground(Qt.GlobalColor.darkGreen)
            self.problem_list.addItem(item)
            self._add_notes()
            self.problem_list.setMaximumHeight(int(self.fontMetrics().height() * (2.2 + 2.5 * len(self.notes))))
            return
        self.problems_title.setText(self.tr("Problems ({0}) — click one to select its layer:").format(
            len(self.problems)))
        for p in self.problems:
            item = QListWidgetItem("⚠ " + p.message)
            item.setForeground(Qt.GlobalColor.darkRed)
            item.setData(Qt.ItemDataRole.UserRole, p.layer_index)
            item.setToolTip(p.message)
            self.problem_list.addItem(item)
        self._add_notes()
        self.problem_list.setMaximumHeight(int(self.fontMetrics().height() * 7))

    def _add_notes(self) -> None:
        """Warnings that do not block training (raw pixels), after the problems, in brown."""
        for note in self.notes:
            item = QListWidgetItem(self.tr("Note: {0}").format(note))
            item.setForeground(QColor("#8a5a00"))
            item.setToolTip(note)
            self.problem_list.addItem(item)

    def _update_compile(self) -> None:
        self.compile_box.show_settings(self.spec.compile, editable=not self.read_only)

    def _update_buttons(self) -> None:
        n = len(self.spec.layers)
        layer = self.table.selected_layer()
        editable = not self.read_only
        has_layer = editable and 0 <= layer < n
        for w in (self.add_button, self.insert_button, self.load_template_button, self.template_combo):
            w.setEnabled(editable)
        self.insert_button.setEnabled(editable and layer >= 0)
        self.duplicate_button.setEnabled(has_layer)
        self.delete_button.setEnabled(has_layer)
        self.up_button.setEnabled(has_layer and layer > 0)
        self.down_button.setEnabled(has_layer and layer < n - 1)
        self.export_button.setEnabled(editable)

    # -- selection, editor and formula -------------------------------------------------
    @Slot(int)
    def _on_layer_selected(self, layer: int) -> None:
        self._update_buttons()
        rows = self._read_only_rows
        if rows is not None:
            row = rows[layer + 1] if 0 <= layer + 1 < len(rows) else None
            self.editor_box.setTitle(self.tr("Read-only model"))
            self.layer_help.setText(self.tr("This model cannot be edited here; see the note above."))
            self.layer_editor.hide()
            self.input_editor.hide()
            self.formula_label.setText(row.formula if row else "")
            return
        spec = self.spec
        if layer < 0 or layer >= len(spec.layers):
            self.editor_box.setTitle(self.tr("Input"))
            self.layer_help.setText(self.tr("What one example looks like when it enters the model."))
            self.layer_editor.hide()
            self.input_editor.show()
            self.input_editor.set_shape(tuple(spec.input_shape))
            self.formula_label.setText(self._formula_html(None))
            return
        ls = spec.layers[layer]
        self.editor_box.setTitle(self.tr("Layer {0} · {1}").format(layer + 1, ls.type))
        self.layer_help.setText(tr_core(LAYER_HELP.get(ls.type, "")))
        self.input_editor.hide()
        self.layer_editor.show()
        self.layer_editor.set_layer(ls.type, ls.params)
        self.formula_label.setText(self._formula_html(layer))

    def _formula_html(self, layer: int | None) -> str:
        return formula_html(self.spec, self.report, self.problems, layer)

    @Slot(object)
    def _on_problem_clicked(self, item: QListWidgetItem) -> None:
        index = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(index, int):
            self.table.select_layer(index - 1)

    @Slot(str, object)
    def _on_setting_edited(self, name: str, value: Any) -> None:
        layer = self.table.selected_layer()
        if layer < 0:
            return

        def change(spec: ModelSpec) -> None:
            spec.layers[layer].params[name] = value

        ls = self.spec.layers[layer]
        self.edit(change, self.tr("Set {0} of layer {1} {2}").format(name, layer + 1, ls.type), layer,
                  merge_key=f"{layer}:{name}")

    @Slot(object)
    def _on_input_edited(self, shape: tuple) -> None:
        def change(spec: ModelSpec) -> None:
            spec.input_shape = tuple(shape)

        self.edit(change, self.tr("Change input shape"), -1, merge_key="input")

    # -- compile settings ---------------------------------------------------------------
    @Slot(str, object)
    def _on_compile_changed(self, name: str, value: Any) -> None:
        texts = {"optimizer": self.tr("Set optimizer"), "learning_rate": self.tr("Set learning rate"),
                 "loss": self.tr("Set loss"), "metrics": self.tr("Set metrics")}
        self.edit(lambda s: setattr(s.compile, name, value), texts[name],
                  merge_key="lr" if name == "learning_rate" else None)

    # -- layer list operations ------------------------------------------------------------
    @staticmethod
    def _new_layer(layer_type: str) -> LayerSpec:
        """A new layer with the type's defaults written out, so the saved design reads like Keras code."""
        return LayerSpec(layer_type, dict(LAYER_DEFAULTS[layer_type]))

    def add_layer(self, layer_type: str) -> None:
        """Add a layer below the selected one (first, when the input row is selected)."""
        at = self.table.selected_layer() + 1
        at = max(0, min(at, len(self.spec.layers)))

        def change(spec: ModelSpec) -> None:
            spec.layers.insert(at, self._new_layer(layer_type))

        self.edit(change, self.tr("Add {0}").format(layer_type), at)

    def insert_layer(self, layer_type: str) -> None:
        """Insert a layer above the selected one."""
        at = max(0, self.table.selected_layer())

        def change(spec: ModelSpec) -> None:
            spec.layers.insert(at, self._new_layer(layer_type))

        self.edit(change, self.tr("Insert {0}").format(layer_type), at)

    @Slot()
    def delete_layer(self) -> None:
        layer = self.table.selected_layer()
        if not 0 <= layer < len(self.spec.layers):
            return
        name = self.spec.layers[layer].type

        def change(spec: ModelSpec) -> None:
            del spec.layers[layer]

        self.edit(change, self.tr("Delete layer {0} {1}").format(layer + 1, name),
                  min(layer, len(self.spec.layers) - 2))

    @Slot()
    def duplicate_layer(self) -> None:
        layer = self.table.selected_layer()
        if not 0 <= layer < len(self.spec.layers):
            return

        def change(spec: ModelSpec) -> None:
            spec.layers.insert(layer + 1, LayerSpec(spec.layers[layer].type, dict(spec.layers[layer].params)))

        self.edit(change, self.tr("Duplicate layer {0}").format(layer + 1), layer + 1)

    @Slot(int, int)
    def move_layer(self, source: int, target: int) -> None:
        n = len(self.spec.layers)
        if not (0 <= source < n and 0 <= target < n) or source == target:
            return

        def change(spec: ModelSpec) -> None:
            spec.layers.insert(target, spec.layers.pop(source))

        self.edit(change, self.tr("Move layer {0} to {1}").format(source + 1, target + 1), target)

    @Slot()
    def move_up(self) -> None:
        layer = self.table.selected_layer()
        self.move_layer(layer, layer - 1)

    @Slot()
    def move_down(self) -> None:
        layer = self.table.selected_layer()
        self.move_layer(layer, layer + 1)

    @Slot()
    def _load_selected_template(self) -> None:
        self.load_template(self.template_combo.currentData())

    def load_template(self, name: str) -> None:
        try:
            spec = template(name)
        except SpecError as exc:
            self.report_error(exc)
            return
        self.session.design_path = None  # File > Save must not overwrite the file the old design came from
        self.set_design(spec, self.tr("Load template {0}").format(name))

    # -- code export -----------------------------------------------------------------------
    def export_files(self, path: str | Path, complete: bool | None = None, with_data: bool = True
                     ) -> dict[Path, bytes]:
        """The files Export code writes for ``path``: the script, and the data it needs beside it.

        ``with_data=False`` leaves the data files empty (the code view needs only the script and the names).
        """
        from cnnexplorer.ml.codegen import dataset_npz, export_files

        complete = self.complete_script if complete is None else complete
        info = self._dataset_info() if complete else None
        config = self.session.training_config
        augment = getattr(config, "augment", None)  # only when the Training tab augments
        data = (dataset_npz(info) if with_data else b"") if info is not None else None
        return export_files(self.spec, path, info, config, complete, augment, data)

    def code(self, complete: bool | None = None) -> str:
        return self.export_files(Path("script.py"), complete, with_data=False)[Path("script.py")].decode("utf-8")

    def _code_note(self) -> str:
        names = [p.name for p in self.export_files(Path("script.py"), with_data=False)][:-1]
        if not names:
            return ""
        return self.tr("Saving also writes {0} beside the script: the data it trains on, readable without "
                       "CNN Explorer.").format(self.tr(" and ").join(names))

    @Slot()
    def show_code(self) -> None:
        """A window with the generated script, to copy or save."""
        self.code_dialog = CodeDialog(self.tr("Keras code for {0}").format(self.spec.name), self.code(), self,
                                      complete=self.complete_script, note=self._code_note())
        self.code_dialog.save_requested.connect(self.save_code_dialog)
        self.code_dialog.kind_chosen.connect(self._on_code_kind)
        self.code_dialog.open()

    @Slot(bool)
    def _on_code_kind(self, complete: bool) -> None:
        self.complete_script = complete
        self.code_dialog.set_code(self.code(), self._code_note())

    @Slot()
    def save_code_dialog(self) -> None:
        start = f"{self.spec.name.replace('-', '_')}.py"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save Keras script"), start,
                                              self.tr("Python scripts (*.py)"))
        if path:
            self.save_code(path)

    def save_code(self, path: str, complete: bool | None = None) -> bool:
        """Write the script (and its data files), each atomically: an existing file is replaced whole or kept."""
        from cnnexplorer.ml.codegen import write_export

        try:
            write_export(self.export_files(path, complete))
        except FileWriteError as exc:
            self.report_error(exc)
            return False
        return True

    # -- other tabs and the File menu ------------------------------------------------------
    @Slot(str)
    def _on_session_changed(self, field: str) -> None:
        if field == "design" and not self._applying:
            design = self.session.design
            if isinstance(design, ModelSpec):
                after = design.to_dict()
                if after != self._last:
                    self.leave_read_only(refresh=False)
                    # Already in the session: record it so Undo brings the previous design back.
                    self.undo_stack.push(SpecEdit(self._apply, self._last or after, after, self.tr("Replace design"),
                                                  0, self.table.selected_layer(), already_applied=True))
                    self._last = after
            self.refresh(select=0)
        elif field == "model":
            self._on_model_changed()
        elif field == "dataset_name":
            self.refresh()
        elif field == "design_path":
            self._update_header()

    def _on_model_changed(self) -> None:
        info = self.session.model_name
        model = self.session.model
        if model is None or info is None or info.source != "file":
            return
        try:
            from cnnexplorer.ml.build import spec_from_model

            spec = spec_from_model(model, info.name)
        except SpecError as exc:
            self.show_read_only(model, str(exc))
            return
        except Exception as exc:  # an odd model must not break the Builder
            self.show_read_only(model, self.tr("{0} cannot be shown as a design ({1}); it opens read-only.").format(
                info.name, exc))
            return
        self.session.design_path = None
        self.set_design(spec, self.tr("Open model {0}").format(info.name))
        note = self.tr("{0} is now an editable design. Your edits change the design, not the loaded model: train it "
                       "to get a new model. Undo brings your previous design back.")
        self.banner.show_note(note.format(Path(info.path).name if info.path else info.name), read_only=False)

    def show_read_only(self, model, note: str) -> None:
        """Show a loaded model's layers without editing (unknown layer types, branches…)."""
        from cnnexplorer.ml.build import model_rows

        self._read_only_rows = read_only_rows(*model_rows(model))
        self.banner.show_note(note, read_only=True)
        self.refresh(select=0)

    @Slot()
    def _back_to_design(self) -> None:
        self.leave_read_only(refresh=True)

    def leave_read_only(self, refresh: bool = True) -> None:
        was = self.read_only
        self._read_only_rows = None
        if was:
            self.banner.hide()
            if refresh:
                self.refresh(select=0)

    # -- screenshot ------------------------------------------------------------------------
    def prepare_screenshot(self) -> None:
        if self.session.design is None or self.spec.name != START_TEMPLATE:
            self.load_template(START_TEMPLATE)
        self.table.select_layer(1)  # the first Conv2D: its formula is the tutorial's arithmetic


if __name__ == "__main__":
    raise SystemExit(run_standalone(BuilderTab))
