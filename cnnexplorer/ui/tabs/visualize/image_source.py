"""Where the Visualize tab's image comes from: a sample photo, a dataset digit, a file, or another tab.

:class:`ImageSource` owns the choice and the picture (file decoding runs in its
own task slot; the last file asked for wins) and says ``changed`` when a new raw
image is in ``image``/``key``/``caption``. :class:`ScalingChoice` is how pixel
values are fed to the model.
"""
from __future__ import annotations

import random
from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cnnexplorer.core import images as imaging
from cnnexplorer.core.errors import UserError
from cnnexplorer.core.resources import sample_images
from cnnexplorer.ui.core_texts import tr_core
from cnnexplorer.ui.errors import reporter
from cnnexplorer.ui.tabs.visualize.controls import compact, heading
from cnnexplorer.ui.widgets.viz_image_view import ImageView
from cnnexplorer.ui.workers import TaskSlot

RAW, UNIT = "0-255", "0-1"  # the values of ml.viz.inputs.RAW/UNIT (kept here so the tab imports no ml code at start-up)
PAGES = {"sample": 0, "dataset": 1, "file": 2, "probe": 3}


class ImageSource(QWidget):
    """The "Image" section: source combo and its page (sample / index / file / handed over).

    ``view`` (the image as the model sees it) and ``caption_label`` belong to it too, but the panel that holds
    this widget places them, so the picture can take the panel's free height.
    """

    changed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.image: np.ndarray | None = None  # the raw image, before fitting it to the model
        self.key: tuple | None = None  # what identifies it in the caches
        self.caption = ""
        self._dataset = None  # ml.viz.analysis.DatasetImages: the session's dataset read for the model, or MNIST's
        self._wanted: tuple | None = None  # (dataset name, model input shape) asked for last
        self._reading: tuple | None = None  # what the dataset slot was started for (read only when shown)
        self.file_slot = TaskSlot("visualize-load-image", self)
        self.file_slot.finished.connect(self._on_file_loaded)
        self.file_slot.failed.connect(self._on_file_failed)
        # the dataset is read off the GUI thread (an image folder at the model's size can take seconds)
        self.dataset_slot = TaskSlot("visualize-read-dataset", self)
        self.dataset_slot.finished.connect(self._on_dataset_read)
        self.dataset_slot.failed.connect(self._on_dataset_failed)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(heading(self.tr("Image"), self))
        self.combo = compact(QComboBox(self), 14)
        self.combo.addItem(self.tr("Sample photo"), "sample")
        self.combo.addItem(self.tr("MNIST test digit"), "dataset")
        self.combo.addItem(self.tr("Image file"), "file")
        lay.addWidget(self.combo)
        self.source_note = _note_label(self)  # why the dataset offers no images (sequences)
        self.source_note.hide()
        lay.addWidget(self.source_note)
        self.pages = QStackedWidget(self)
        # sample photos
        sp = QWidget()
        sl = QHBoxLayout(sp)
        sl.setContentsMargins(0, 0, 0, 0)
        self.sample_combo = compact(QComboBox(sp), 10)
        for name, path in sample_images().items():
            self.sample_combo.addItem(tr_core(name), str(path))
        sl.addWidget(self.sample_combo)
        self.pages.addWidget(sp)
        # dataset items
        dp = QWidget()
        dv = QVBoxLayout(dp)
        dv.setContentsMargins(0, 0, 0, 0)
        dl = QHBoxLayout()
        dv.addLayout(dl)
        dl.addWidget(QLabel(self.tr("Index"), dp))
        self.index_spin = QSpinBox(dp)
        self.index_spin.setRange(0, 999)
        dl.addWidget(self.index_spin, 1)
        self.random_button = QPushButton(self.tr("Random"), dp)
        dl.addWidget(self.random_button)
        self.dataset_note = _note_label(dp)  # what was read and how ("60 images, 32×32 colour…; read as 28×28 grey")
        dv.addWidget(self.dataset_note)
        self.pages.addWidget(dp)
        # file
        fp = QWidget()
        fl = QVBoxLayout(fp)
        fl.setContentsMargins(0, 0, 0, 0)
        self.open_button = QPushButton(self.tr("Open image file…"), fp)
        fl.addWidget(self.open_button)
        hint = QLabel(self.tr("…or drop an image file anywhere on this tab."), fp)
        hint.setWordWrap(True)
        fl.addWidget(hint)
        self.pages.addWidget(fp)
        # an image handed over by another tab: nothing to choose; what it is says the caption under the image
        self.pages.addWidget(QWidget())
        lay.addWidget(self.pages)
        self._show_page(0)

        # the picture and its caption: the panel lays them out itself (the picture takes the free height)
        self.view = ImageView(parent, self.tr("No image yet"), min_side=160)
        self.view.setMinimumHeight(200)
        self.caption_label = QLabel(parent)
        self.caption_label.setWordWrap(True)
        self.caption_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.combo.currentIndexChanged.connect(self._on_source_changed)
        self.sample_combo.currentIndexChanged.connect(self._on_sample_chosen)
        self.index_spin.valueChanged.connect(self._on_index_chosen)
        self.random_button.clicked.connect(self._on_random)
        self.open_button.clicked.connect(self._on_open_file)

    # ------------------------------------------------------------------ choosing
    def choose_default(self, channels: int) -> None:
        """A digit for a grayscale model, the cat photo for a colour one."""
        if channels == 1 and self._dataset_entry().isEnabled():
            self.combo.setCurrentIndex(PAGES["dataset"])
            self._on_index_chosen(self.index_spin.value())
        else:
            self.combo.setCurrentIndex(PAGES["sample"])
            self._on_sample_chosen(self.sample_index("cat"))

    def choose(self, name: str) -> None:
        """A sample photo by file stem ("cat"), or "digit" for the second test image (screenshots: the dataset is
        read here, on this thread)."""
        if name == "digit":
            if self._dataset is None and self._wanted is not None:
                from cnnexplorer.ml.viz.analysis import read_dataset_images

                self.dataset_slot.cancel()
                self.dataset_slot.wait()
                self._on_dataset_read(read_dataset_images(*self._wanted))
            self.combo.setCurrentIndex(PAGES["dataset"])
            self.index_spin.setValue(1)
            self._on_index_chosen(1)
        else:
            self.combo.setCurrentIndex(PAGES["sample"])
            self.sample_combo.setCurrentIndex(self.sample_index(name))
            self._on_sample_chosen(self.sample_index(name))

    def _show_page(self, index: int) -> None:
        """Show one page of the image source; the hidden pages take no height (no gap under a one-line page)."""
        for i in range(self.pages.count()):
            policy = QSizePolicy.Policy.Preferred if i == index else QSizePolicy.Policy.Ignored
            page = self.pages.widget(i)
            if page is not None:
                page.setSizePolicy(policy, policy)
        self.pages.setCurrentIndex(index)
        self.pages.adjustSize()

    def _select_quietly(self, kind: str) -> None:
        self.combo.blockSignals(True)
        self.combo.setCurrentIndex(self.combo.findData(kind))
        self._show_page(PAGES[kind])
        self.combo.blockSignals(False)

    def sample_index(self, name: str) -> int:
        """The sample photo called ``name`` ("cat"): by file, since the shown names are translated."""
        for i in range(self.sample_combo.count()):
            if Path(self.sample_combo.itemData(i)).stem == name:
                return i
        return 0

    @Slot(int)
    def _on_source_changed(self, index: int) -> None:
        kind = self.combo.itemData(index)
        self._show_page(PAGES[kind])
        if kind == "sample":
            self._on_sample_chosen(self.sample_combo.currentIndex())
        elif kind == "dataset":
            self._on_index_chosen(self.index_spin.value())

    @Slot(int)
    def _on_sample_chosen(self, index: int) -> None:
        if index < 0:
            return
        if self.sample_combo.currentIndex() != index:
            self.sample_combo.setCurrentIndex(index)
            return
        try:
            image = imaging.load_image(self.sample_combo.itemData(index))
        except UserError as exc:
            reporter().report(exc)
            return
        name = self.sample_combo.itemText(index)
        self._set(image, ("sample", name), self.tr("Sample photo: {0}").format(name))

    # ------------------------------------------------------------------ the session's dataset
    def use_dataset(self, name: str | None, input_shape: tuple) -> None:
        """Pick dataset images from ``name`` (the session's dataset) read for a model of ``input_shape``.

        Read in the background, and only once the dataset source is shown (a colour model starts on a photo: no
        reading then); the MNIST sample stands in when there is no dataset or it cannot be read, and a dataset of
        sequences is not offered at all (the line under the source says why)."""
        from cnnexplorer.ml.viz.analysis import no_images_reason

        wanted = (name, tuple(input_shape))
        if wanted == self._wanted:
            return
        self._wanted, self._reading, self._dataset = wanted, None, None
        self.dataset_slot.cancel()
        reason = no_images_reason(name)
        self._offer_dataset(not reason, reason)
        if not reason and self.combo.currentData() == "dataset":
            self._read_dataset()

    def _read_dataset(self) -> None:
        """Start reading the dataset asked for, unless it is read or being read."""
        if self._dataset is not None or self._wanted is None or self._reading == self._wanted:
            return
        from cnnexplorer.ml.viz.analysis import read_dataset_images

        self._reading = self._wanted
        self.dataset_note.setText(self.tr("Reading the dataset…"))
        self.dataset_slot.start(read_dataset_images, *self._wanted)

    def forget_dataset(self) -> None:
        """The model changed: stop reading for the old one (the new model's facts ask again; what was read for
        the old one is kept, and used again if the new model has the same input)."""
        if self.dataset_slot.is_busy():
            self.dataset_slot.cancel()
            self._wanted = self._reading = None

    def _dataset_entry(self) -> QStandardItem:
        """The "MNIST test digit" entry of the source combo (a QComboBox keeps its entries in a QStandardItemModel)."""
        model = self.combo.model()
        assert isinstance(model, QStandardItemModel)
        return model.item(self.combo.findData("dataset"))

    def _offer_dataset(self, offered: bool, reason: str = "") -> None:
        self._dataset_entry().setEnabled(offered)
        self.source_note.setText(reason)
        self.source_note.setVisible(bool(reason))
        if not offered and self.combo.currentData() == "dataset":
            self.combo.setCurrentIndex(self.combo.findData("sample"))

    @Slot(object)
    def _on_dataset_read(self, images) -> None:
        self._dataset = images
        mnist = images.name == "mnist-sample"
        self.combo.setItemText(self.combo.findData("dataset"),
                               self.tr("MNIST test digit") if mnist else self.tr("Dataset image"))
        self.index_spin.blockSignals(True)
        self.index_spin.setRange(0, len(images.dataset.x_test) - 1)
        self.index_spin.blockSignals(False)
        note = images.fallback_reason or images.dataset.note
        self.dataset_note.setText(note)
        self.dataset_note.setToolTip(images.dataset.note)
        if self.combo.currentData() == "dataset":
            self._on_index_chosen(self.index_spin.value())

    @Slot(object)
    def _on_dataset_failed(self, exc: BaseException) -> None:
        self.dataset_note.setText("")
        reporter().report(exc)

    @Slot(int)
    def _on_index_chosen(self, index: int) -> None:
        images = self._dataset
        if images is None:  # being read (started here if not yet): the image comes when it is
            self._read_dataset()
            return
        from cnnexplorer.ml.viz.analysis import pick_image

        image, label = pick_image(images, index)
        index = min(index, len(images.dataset.x_test) - 1)
        if images.name == "mnist-sample":
            caption = self.tr("MNIST sample, test digit #{0} (true label: {1})").format(index, label)
        else:
            caption = self.tr("{0}, test image #{1} (true class: {2})").format(images.title, index, label)
        self._set(image, ("dataset", images.name, images.dataset.info.input_shape, index), caption)

    @Slot()
    def _on_random(self) -> None:
        if self._dataset is not None:
            self.index_spin.setValue(random.randrange(len(self._dataset.dataset.x_test)))

    @Slot()
    def _on_open_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open an image"), "",
            self.tr("Images (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp);;All files (*)"))
        if path:
            self.load_file(path)

    def load_file(self, path: str) -> None:
        """Read an image file off the GUI thread (a 20-megapixel photo takes a while to decode)."""
        from cnnexplorer.ml.viz.analysis import load_image_file  # numpy and OpenCV only

        self.file_slot.start(load_image_file, str(path))

    @Slot(object)
    def _on_file_loaded(self, loaded) -> None:
        path, image, mtime = loaded
        self._select_quietly("file")
        self._set(image, ("file", path, mtime), self.tr("File: {0}").format(Path(path).name))

    @Slot(object)
    def _on_file_failed(self, exc: BaseException) -> None:
        reporter().report(exc)

    def show_probe(self, probe) -> None:
        """An image handed over by another tab (a confusion-matrix cell): it becomes the source."""
        if self.combo.findData("probe") < 0:
            self.combo.addItem(self.tr("From another tab"), "probe")
        self._select_quietly("probe")
        text = probe.note or self.tr("An image from another tab")
        if probe.label:
            text += " — " + self.tr("True label: {0}").format(probe.label)
        self._set(np.asarray(probe.image), ("probe", id(probe)), text)

    def _set(self, image: np.ndarray, key: tuple, caption: str) -> None:
        self.image, self.key, self.caption = image, key, caption
        self.changed.emit()

    # ------------------------------------------------------------------ showing
    def show_prepared(self, display: np.ndarray, notes: list[str]) -> None:
        """The image as the model sees it, with the caption and what was converted."""
        self.view.set_image(display)
        text = self.tr("; ").join(notes)  # "；" in Chinese
        self.caption_label.setText(self.caption + (self.tr("\n({0})").format(text) if text else ""))


def _note_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(placeholder-text);")
    return label


class ScalingChoice(QWidget):
    """"Pixels fed to the model": automatic (the model's own guess) or a scaling chosen by the user."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(QLabel(self.tr("Pixels fed to the model"), self))
        self.combo = compact(QComboBox(self), 14)
        # short items: the panel is narrow, and a projector's text is large; the tooltips say the rest
        for text, data, tip in (
                (self.tr("automatic"), "auto", self.tr("What the model's first layers suggest (see below).")),
                (self.tr("0-255 (raw pixels)"), RAW, self.tr("Models made in CNN Explorer: they scale inside.")),
                (self.tr("0-1 (pixels / 255)"), UNIT, self.tr("Models that expect scaled pixels.")),
                (self.tr("BGR minus mean"), "caffe", self.tr("VGG16/ResNet50 style (caffe): BGR channel order, "
                                                             "minus the ImageNet mean.")),
                (self.tr("-1 to 1"), "-1-1", self.tr("Inception/Xception/MobileNet style: pixels / 127.5 - 1."))):
            self.combo.addItem(text, data)
            self.combo.setItemData(self.combo.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        lay.addWidget(self.combo)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(placeholder-text);")
        lay.addWidget(self.note)
        self.combo.currentIndexChanged.connect(self._on_changed)

    @Slot(int)
    def _on_changed(self, _index: int) -> None:
        self.changed.emit()

    def scaling(self, facts) -> str:
        """The scaling in use: the user's choice, or the model's (``facts``; raw pixels before it is known)."""
        choice = self.combo.currentData()
        if choice == "auto":
            return facts.scaling if facts is not None else RAW
        return choice

    def explain(self, facts) -> None:
        if self.combo.currentData() == "auto":
            self.note.setText(self.tr("Automatic: {0} — {1}.").format(facts.scaling, facts.scaling_reason))
        else:
            self.note.setText(self.tr("Chosen by you. Automatic would be {0}.").format(facts.scaling))
