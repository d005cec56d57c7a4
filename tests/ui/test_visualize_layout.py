"""Visualize tab on a 1280×800 projector: presentation-size text fits the width, in English and in Chinese."""
from __future__ import annotations

import pytest

from cnnexplorer.core.session import Session
from cnnexplorer.ui import presentation
from cnnexplorer.ui.session_bridge import SessionBridge

TIMEOUT = 60000
# 1280 px minus what the main window puts around a tab page (tab frame, margins)
FITS = 1280 - 40


@pytest.fixture
def presenting(qapp):
    from cnnexplorer.ui.app import install_translators

    presentation.look().restore_defaults()
    presentation.look().set_presentation(True)
    yield qapp
    presentation.look().restore_defaults()
    install_translators(qapp, "en")


def _long_named_model():
    """A nested base model with long layer names, like the tutorial's VGG16 fine-tuning case (but tiny)."""
    from cnnexplorer.ml.runtime import keras

    k = keras()
    base = k.Sequential([k.Input((32, 32, 3)),
                         k.layers.Conv2D(4, 3, activation="relu", name="block1_convolution_with_a_long_name"),
                         k.layers.MaxPooling2D(2, name="block1_pooling_with_a_long_name")],
                        name="a_pretrained_base_with_a_long_name")
    return k.Sequential([k.Input((32, 32, 3)), base, k.layers.Flatten(), k.layers.Dense(10, activation="softmax")])


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_tab_fits_1280_wide_in_presentation_mode(qtbot, errors, presenting, language):
    from cnnexplorer.ui.app import install_translators
    from cnnexplorer.ui.tabs.visualize import VisualizeTab

    install_translators(presenting, language)
    tab = VisualizeTab(SessionBridge(Session()))
    qtbot.addWidget(tab)
    tab.resize(1240, 700)
    tab.show()
    tab.session.set_model(_long_named_model(), "a model with long layer names", "trained")
    qtbot.waitUntil(lambda: tab.activations.view.image() is not None, timeout=TIMEOUT)  # texts and images are in
    qtbot.waitUntil(lambda: not tab.analysis_slot.is_busy(), timeout=TIMEOUT)
    for view in range(tab.views.count()):  # every view, not only the one on screen
        tab.views.setCurrentIndex(view)
        width = tab.minimumSizeHint().width()
        assert width <= FITS, f"view {view} needs {width} px"
    assert tab.shutdown()  # waits for the tab's task slots
    from cnnexplorer.ui import workers

    qtbot.waitUntil(lambda: not workers.live_tasks(), timeout=TIMEOUT)  # ends delivered before the tab is deleted
    assert errors == []


def test_layer_list_filled_while_on_screen_shows_the_chosen_layer_whole(qtbot):
    # "Show it" of the where-looks lesson opens Grad-CAM before the model's layers are known: the list kept
    # the width it had when empty ("mobilene"); and a list as wide as its longest name (MobileNetV2 has 150
    # layers) pushed the tab past the projector's width
    from types import SimpleNamespace

    from PySide6.QtWidgets import QApplication

    from cnnexplorer.ui.tabs.visualize.gradcam_view import GradCamView

    view = GradCamView()
    qtbot.addWidget(view)
    view.resize(870, 600)
    view.show()
    for _ in range(3):  # laid out while the list is empty
        QApplication.processEvents()
    empty_width = view.layer.width()
    long_name = "mobilenet_v2/block_16_depthwise_relu_" + "x" * 80
    layers = [SimpleNamespace(path=name, is_spatial=True) for name in ("mobilenet_v2/block_1_expand", long_name)]
    view.set_facts(SimpleNamespace(last_conv="mobilenet_v2/Conv_1", layers=layers,
                                   class_names=("circles", "squares", "triangles")))
    combo = view.layer
    metrics = combo.fontMetrics()

    def settle():
        for _ in range(3):  # the posted layout requests
            QApplication.processEvents()

    settle()
    shown = metrics.horizontalAdvance(combo.currentText())  # "mobilenet_v2/Conv_1 (automatic)"
    assert combo.width() > max(shown, empty_width)  # the chosen layer whole, not the empty list's width
    assert combo.width() < metrics.horizontalAdvance(long_name)  # not as wide as the longest name
    combo.setCurrentIndex(1)
    settle()
    assert combo.width() > metrics.horizontalAdvance(combo.currentText())
