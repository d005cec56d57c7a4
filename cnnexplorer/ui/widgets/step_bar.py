"""A step-through bar for an animation a teacher drives: start, back, step, play/pause, end, and speed."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSlider, QWidget

from cnnexplorer.ui.widgets.flow_layout import FlowLayout


class StepBar(QWidget):
    """First / back / step / play / last, plus speed. Emits the wanted step index."""

    stepRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = 0
        self.count = 0
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._tick)
        # A flow, so the buttons, the speed and the position wrap onto a second row with presentation-size text.
        layout = FlowLayout(self, spacing=8)
        self.first_button = QPushButton(self.tr("|◀ Start"))
        self.back_button = QPushButton(self.tr("◀ Back"))
        self.next_button = QPushButton(self.tr("Step ▶"))
        self.play_button = QPushButton(self.tr("▶ Play"))
        self.play_button.setCheckable(True)
        self.last_button = QPushButton(self.tr("End ▶|"))
        for b in (self.first_button, self.back_button, self.next_button, self.play_button, self.last_button):
            b.setMinimumHeight(38)
            layout.addWidget(b)
        self.first_button.clicked.connect(self._first)
        self.back_button.clicked.connect(self._back)
        self.next_button.clicked.connect(self._next)
        self.last_button.clicked.connect(self._last)
        self.play_button.toggled.connect(self._play)
        self.speed = QSlider(Qt.Orientation.Horizontal)
        self.speed.setRange(1, 10)
        self.speed.setValue(5)
        self.speed.setFixedWidth(140)
        self.speed.valueChanged.connect(self._speed_changed)
        speed_box = QWidget()
        speed_layout = QHBoxLayout(speed_box)
        speed_layout.setContentsMargins(12, 0, 12, 0)
        speed_layout.addWidget(QLabel(self.tr("Speed")))
        speed_layout.addWidget(self.speed)
        layout.addWidget(speed_box)
        self.position = QLabel()
        self.position.setObjectName("stepPosition")
        layout.addWidget(self.position)
        self._speed_changed(self.speed.value())

    def _fit_position(self, reset: bool) -> None:
        """The position text only ever widens while stepping through one setting, so the bar does not
        jump between one and two rows as the numbers grow and shrink."""
        width = self.position.fontMetrics().horizontalAdvance(self.position.text()) + 8
        self.position.setMinimumWidth(width if reset else max(width, self.position.minimumWidth()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._fit_position(reset=True)
        super().changeEvent(event)

    def set_state(self, index: int, count: int, text: str) -> None:
        reset = count != self.count
        self.index, self.count = index, count
        self.position.setText(text)
        self._fit_position(reset)
        enabled = count > 0
        for b in (self.first_button, self.back_button, self.next_button, self.play_button, self.last_button):
            b.setEnabled(enabled)
        if not enabled and self.play_button.isChecked():
            self.play_button.setChecked(False)

    def stop(self) -> None:
        self.play_button.setChecked(False)

    @Slot()
    def _first(self) -> None:
        self.stepRequested.emit(0)

    @Slot()
    def _back(self) -> None:
        self.stepRequested.emit(max(self.index - 1, 0))

    @Slot()
    def _next(self) -> None:
        self.stepRequested.emit(min(self.index + 1, max(self.count - 1, 0)))

    @Slot()
    def _last(self) -> None:
        self.stepRequested.emit(max(self.count - 1, 0))

    @Slot(bool)
    def _play(self, on: bool) -> None:
        self.play_button.setText(self.tr("⏸ Pause") if on else self.tr("▶ Play"))
        if on:
            if self.index >= self.count - 1:
                self.stepRequested.emit(0)
            self.timer.start()
        else:
            self.timer.stop()

    @Slot(int)
    def _speed_changed(self, value: int) -> None:
        self.timer.setInterval(int(1600 / value))

    @Slot()
    def _tick(self) -> None:
        if self.index >= self.count - 1:
            self.stop()
            return
        self.stepRequested.emit(self.index + 1)
