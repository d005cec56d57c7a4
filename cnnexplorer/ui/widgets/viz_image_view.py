"""An image that fits its box (sharp pixels when enlarged), reports clicks in image pixels, exports PNG."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from cnnexplorer.core import images as imaging


def to_qimage(image: np.ndarray) -> QImage:
    """A deep-copied QImage of a uint8 (H, W), (H, W, 1) or (H, W, 3) RGB array."""
    arr = np.asarray(image)
    if arr.ndim == 3 and arr.shape[2] == 1:
        arr = arr[:, :, 0]
    arr = np.ascontiguousarray(arr.astype(np.uint8, copy=False))
    if arr.ndim == 2:
        q = QImage(arr.data, arr.shape[1], arr.shape[0], arr.strides[0], QImage.Format.Format_Grayscale8)
    else:
        arr = np.ascontiguousarray(imaging.to_channels(arr, 3))
        q = QImage(arr.data, arr.shape[1], arr.shape[0], arr.strides[0], QImage.Format.Format_RGB888)
    return q.copy()  # the numpy buffer may go away


def to_pixmap(image: np.ndarray, size: int) -> QPixmap:
    """The image scaled to fit ``size``² pixels: sharp pixels when enlarged (digits stay crisp), smoothed when
    shrunk."""
    qimage = to_qimage(image)
    mode = Qt.TransformationMode.FastTransformation if max(qimage.width(), qimage.height()) < size else \
        Qt.TransformationMode.SmoothTransformation
    return QPixmap.fromImage(qimage).scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio, mode)


class ImageView(QWidget):
    """Shows one numpy image scaled to fit, keeping its aspect ratio.

    Enlarged images keep sharp pixels (a 28×28 digit stays readable on a
    projector); shrunk ones are smoothed. ``clicked(x, y)`` gives the pixel of
    the image under the mouse.
    """

    clicked = Signal(int, int)

    def __init__(self, parent: QWidget | None = None, placeholder: str = "", min_side: int = 96) -> None:
        super().__init__(parent)
        self._array: np.ndarray | None = None
        self._qimage: QImage | None = None
        self._scaled: QImage | None = None  # the image at its on-screen size, made once per resize
        self._placeholder = placeholder
        self._top = False  # draw at the top of the widget rather than in the middle
        self.setMinimumSize(min_side, min_side)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(320, 320)

    def set_image(self, image: np.ndarray | None) -> None:
        self._array = None if image is None else np.asarray(image)
        self._qimage = None if image is None else to_qimage(image)
        self._scaled = None
        self.update()

    def image(self) -> np.ndarray | None:
        return self._array

    def set_top_aligned(self, top: bool) -> None:
        """Draw the image at the top (under a caption) instead of centred in the free space."""
        self._top = top
        self.update()

    def set_placeholder(self, text: str) -> None:
        self._placeholder = text
        self.update()

    def target_rect(self) -> QRect:
        if self._qimage is None:
            return QRect()
        w, h = self._qimage.width(), self._qimage.height()
        scale = min(self.width() / w, self.height() / h)
        tw, th = int(w * scale), int(h * scale)
        return QRect((self.width() - tw) // 2, 0 if self._top else (self.height() - th) // 2, tw, th)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        if self._qimage is None:
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
            painter.drawText(self.rect().adjusted(8, 8, -8, -8), flags, self._placeholder)
            return
        rect = self.target_rect()
        if self._scaled is None or self._scaled.size() != rect.size():
            smooth = rect.width() < self._qimage.width()  # shrink smoothly, enlarge with sharp pixels
            mode = Qt.TransformationMode.SmoothTransformation if smooth else Qt.TransformationMode.FastTransformation
            self._scaled = self._qimage.scaled(rect.size(), Qt.AspectRatioMode.IgnoreAspectRatio, mode)
        painter.drawImage(rect.topLeft(), self._scaled)
        painter.setPen(QColor(0, 0, 0, 60))
        painter.drawRect(rect.adjusted(0, 0, -1, -1))

    def mousePressEvent(self, event) -> None:
        if self._qimage is None or event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        rect = self.target_rect()
        pos: QPoint = event.position().toPoint()
        if not rect.contains(pos):
            return
        x = int((pos.x() - rect.x()) * self._qimage.width() / rect.width())
        y = int((pos.y() - rect.y()) * self._qimage.height() / rect.height())
        self.clicked.emit(x, y)
