"""The Concepts tab: four lab pages behind a row of page buttons, in a larger font for a class."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from cnnexplorer.ui import presentation
from cnnexplorer.ui.session_bridge import SessionBridge
from cnnexplorer.ui.tabs.base import Tab
from cnnexplorer.ui.tabs.concepts.conv import ConvLab
from cnnexplorer.ui.tabs.concepts.field import FieldPage
from cnnexplorer.ui.tabs.concepts.input_grid import InputModel
from cnnexplorer.ui.tabs.concepts.parts import side_width
from cnnexplorer.ui.tabs.concepts.pool import PoolLab
from cnnexplorer.ui.tabs.concepts.weights import WeightsPage


class ConceptsTab(Tab):
    key = "concepts"
    title = "Concepts"

    PAGES = ("convolution", "pooling", "weights", "field")

    def __init__(self, bridge: SessionBridge, parent: QWidget | None = None) -> None:
        super().__init__(bridge, parent)
        self.input_model = InputModel(self)
        self.conv = ConvLab(self.input_model)
        self.pool = PoolLab(self.input_model)
        self.weights = WeightsPage()
        self.field = FieldPage(self)
        self.stack = QStackedWidget()
        self.buttons = QButtonGroup(self)
        self.buttons.setExclusive(True)
        bar = QHBoxLayout()
        titles = (self.tr("Convolution"), self.tr("Pooling"), self.tr("Weights: Dense vs Conv"),
                  self.tr("Receptive field"))
        for i, (page, text) in enumerate(zip((self.conv, self.pool, self.weights, self.field), titles)):
            self.stack.addWidget(page)
            button = QPushButton(text)
            button.setCheckable(True)
            button.setMinimumHeight(40)
            button.setObjectName(f"page_{self.PAGES[i]}")
            self.buttons.addButton(button, i)
            bar.addWidget(button)
        bar.addStretch(1)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("QLabel { background: #fef3c7; color: #7c2d12; padding: 4px; }")
        bar.addWidget(self.note)
        self.buttons.button(0).setChecked(True)
        for page_button in self.buttons.buttons():
            # Styled one by one: a style sheet on the tab itself would stop the tab's larger font reaching
            # its children.
            page_button.setStyleSheet("QPushButton { padding: 6px 16px; }"
                                      "QPushButton:checked { background: #2563eb; color: white; border-radius: 4px; }")
        self.buttons.idClicked.connect(self._page_chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        self._field_stale = True
        bridge.changed.connect(self._session_changed)
        presentation.look().changed.connect(self._restyle)
        self._apply_font()
        self._show_note()

    def _show_note(self) -> None:
        self.note.setVisible(bool(self.input_model.note))
        if self.input_model.note:
            self.note.setText(self.tr("The bundled digits could not be read, so the lab shows a drawn 7 instead. "
                                      "Reinstall CNN Explorer to get them back."))
            self.note.setToolTip(self.input_model.note)

    def _apply_font(self) -> None:
        """A size larger than the rest of the app (a class reads this from afar); follows View > zoom."""
        base = QApplication.font()
        font = QFont(base)
        font.setPointSizeF(base.pointSizeF() * 1.25)
        self.setFont(font)
        for label in self.findChildren(QLabel, "explain"):  # the long explanations stay at the normal size
            label.setFont(QFont(base))
        # In presentation mode the tables stay at the (already larger) normal size too: they would not fit
        # beside the explanations on a 1280-pixel projector otherwise.
        table_font = QFont(base) if presentation.is_on() else QFont(font)
        for table in self.findChildren(QTableWidget):
            table.setFont(table_font)
            table.horizontalHeader().setFont(table_font)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.ApplicationFontChange:
            self._apply_font()
        super().changeEvent(event)

    @Slot()
    def _restyle(self) -> None:
        """Presentation mode or the text size changed: side panels and the rich-text sizes follow."""
        self._apply_font()
        for page in (self.conv, self.pool):
            page.side_area.setFixedWidth(side_width())
            page.refresh()
        self.weights.refresh()
        if not self._field_stale:
            self.field.fit_table()

    @Slot(int)
    def _page_chosen(self, index: int) -> None:
        self.show_page(self.PAGES[index])

    def select_view(self, name: str) -> None:
        self.show_page(name)

    def show_page(self, name: str) -> None:
        index = self.PAGES.index(name)
        self.buttons.button(index).setChecked(True)
        self.stack.setCurrentIndex(index)
        self.conv.step_bar.stop()
        self.pool.step_bar.stop()
        if name == "field" and self._field_stale:
            self.field.load_design()
            self._field_stale = False
        elif name == "field":
            self.field.fit_table()

    @Slot(str)
    def _session_changed(self, name: str) -> None:
        if name == "design":
            self._field_stale = True
            if self.stack.currentWidget() is self.field:
                self.field.load_design()
                self._field_stale = False

    def prepare_screenshot(self) -> None:
        """The convolution lab on a digit: 3×3 kernel, stride 2, padding 'same', mid-way through."""
        self.show_page("convolution")
        self.input_model.set_source("digit 7")
        self.conv.configure(3, 2, "same", "edge")
        self.conv.go_to(self.conv.interesting_step())

    def shutdown(self, wait: bool = True) -> bool:
        self.conv.step_bar.stop()
        self.pool.step_bar.stop()
        return super().shutdown(wait)

