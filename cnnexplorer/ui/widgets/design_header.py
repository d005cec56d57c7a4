"""The Builder's header line: the design's name, its parameter count, and whether it can be trained."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QWidget

from cnnexplorer.core.shapes import Problem, ShapeReport

translate = QCoreApplication.translate  # the name lupdate looks for


def parameters_text(report: ShapeReport) -> str:
    """The parameter count, or as much of it as is known when a layer cannot be built."""
    if report.keras_buildable:
        return translate("DesignHeader", "{0} parameters").format(f"{report.total_params:,}")
    broken = next((p.layer_index for p in report.problems if p.keras_rejects), None) or 1
    if broken > 1 and report.total_params > 0:
        return translate("DesignHeader", "{0} parameters in layers 1–{1}; layer {2} cannot be built yet").format(
            f"{report.total_params:,}", broken - 1, broken)
    return translate("DesignHeader", "Parameters unknown: layer {0} cannot be built yet").format(broken)


class DesignHeader(QWidget):
    """Three large labels; the text grows with View > Larger text like the rest of the window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.name_label = QLabel()
        self.total_label = QLabel()
        self.status_label = QLabel()
        self.status_label.setTextFormat(Qt.TextFormat.RichText)
        self._apply_font()
        layout.addWidget(self.name_label)
        layout.addSpacing(24)
        layout.addWidget(self.total_label)
        layout.addStretch(1)
        layout.addWidget(self.status_label)

    def _apply_font(self) -> None:
        big = QFont(QApplication.font())
        big.setPointSizeF(big.pointSizeF() * 1.3)
        big.setBold(True)
        for label in (self.name_label, self.total_label, self.status_label):
            label.setFont(big)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ApplicationFontChange:  # View > Larger text
            self._apply_font()
        return super().event(event)

    def show_design(self, name: str, file_name: str | None, report: ShapeReport, problems: list[Problem]) -> None:
        self.name_label.setText(self.tr("Design: {0} ({1})").format(name, file_name) if file_name
                                else self.tr("Design: {0}").format(name))
        self.total_label.setText(parameters_text(report))
        if problems:
            n = len(problems)
            text = (self.tr("✗ 1 problem: cannot train yet") if n == 1 else
                    self.tr("✗ {0} problems: cannot train yet").format(n))
            self.status_label.setText(f"<span style='color:#b00000'>{text}</span>")
        else:
            text = self.tr("✓ Ready to train")
            self.status_label.setText(f"<span style='color:#107010'>{text}</span>")

    def show_model(self, name: str, total: str) -> None:
        """A model file shown read-only: its name and total parameter count, no training verdict."""
        self.name_label.setText(self.tr("Model file: {0} (read-only)").format(name))
        self.total_label.setText(self.tr("{0} parameters").format(total))
        self.status_label.setText("")
