"""The Lessons tab as a teacher meets it: first in the window, run a demo, see the result, stop one half-way,
and a question first when another tab is training. Quick demos (tiny data) through the real TaskSlot."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from cnnexplorer.core.runs import RunStore
from cnnexplorer.core.session import Session
from cnnexplorer.ml.lessons import LESSONS
from cnnexplorer.ui.session_bridge import SessionBridge
from cnnexplorer.ui.tabs.lessons import LessonsTab


@pytest.fixture
def tab(qtbot, tmp_path, errors):
    tab = LessonsTab(SessionBridge(Session()))
    tab.quick = True
    tab.run_folder = tmp_path / "runs"
    qtbot.addWidget(tab)
    tab.show()
    yield tab
    tab.shutdown()


def test_lessons_tab_is_first_in_the_window(main_window):
    assert main_window.tabs.tabText(0) == "Lessons"
    assert main_window.tab_by_key["lessons"].list.count() == len(LESSONS)


def test_run_a_demo_shows_the_result_with_numbers_and_where_it_lives(tab, qtbot):
    tab.select_lesson("kernels-padding-stride")
    assert "padding 'valid'" in tab.explanation.text() and not tab.result_box.isVisible()
    with qtbot.waitSignal(tab.slot.done, timeout=120_000):
        tab.run_button.click()
        assert not tab.run_button.isEnabled() and tab.cancel_button.isEnabled()
    assert tab.result_box.isVisible() and tab.verdict.text().startswith("✓")
    assert "28×28" in tab.sentence.text() and "same /2 → 14" in tab.sentence.text()
    assert tab.run_button.isEnabled() and not tab.cancel_button.isEnabled()
    assert tab.show_button.text() == "Open the Concepts tab"
    # another lesson has no result yet; coming back shows this one again
    tab.select_lesson("pooling")
    assert not tab.result_box.isVisible()
    tab.select_lesson("kernels-padding-stride")
    assert tab.result_box.isVisible()


def test_cancel_half_way_keeps_the_finished_run_and_says_incomplete(tab, qtbot):
    tab.select_lesson("why-convolution")
    tab.run_button.click()
    # the bar passes two thirds when the second network starts training
    qtbot.waitUntil(lambda: tab.progress.value() >= 700 or not tab.slot.is_running(), timeout=180_000)
    tab.cancel_button.click()
    qtbot.waitUntil(lambda: tab.run_button.isEnabled(), timeout=120_000)
    assert tab.verdict.text() == "Incomplete: the demo was stopped."
    assert "incomplete" in tab.sentence.text() and "Dense network" in tab.sentence.text()
    runs = RunStore(tab.run_folder).list()
    finished = [r for r in runs if not r.stopped]
    assert len(finished) == 1 and finished[0].name == "Why convolution: Dense network"
    assert finished[0].test_accuracy is not None


def test_asks_first_while_another_tab_trains(tab, monkeypatch):
    asked = []
    monkeypatch.setattr(tab, "ask", lambda title, text: asked.append(text) or False)
    assert tab.session.claim_training("training")
    assert tab.start_demo() is False
    assert asked and "training is running" in asked[0]
    assert not tab.slot.is_running() and tab.session.training == "training"


@pytest.fixture
def shown(qtbot, tmp_path, monkeypatch, app_qsettings, errors):
    """run(NAME): the main window, its quick demo NAME run from the Lessons tab and "Show it" clicked."""
    monkeypatch.setenv("CNNEXPLORER_RUNS_DIR", str(tmp_path / "runs"))
    from cnnexplorer.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    tab = window.tab_by_key["lessons"]
    tab.quick = True

    def run(name: str):
        window.select_tab("lessons")
        tab.select_lesson(name)
        with qtbot.waitSignal(tab.slot.done, timeout=240_000):
            tab.run_button.click()
        tab.show_button.click()
        return window

    yield run
    for each in window.tab_by_key.values():
        each.shutdown()
    window.close()


def test_show_it_overlays_the_demos_runs_in_the_training_tab(shown):
    window = shown("why-convolution")
    assert window.tab_by_key["lessons"].show_button.text() == "Show the runs in the Training tab"
    training = window.tab_by_key["training"]
    assert window.tabs.currentWidget() is training
    ticked = sorted(run.name for run in training.runs_panel.checked_runs())
    assert ticked == ["Why convolution: CNN", "Why convolution: Dense network"]


def test_show_it_hands_the_trained_model_and_its_digit_to_the_visualize_tab(tab, qtbot):
    tab.select_lesson("layers-see")
    with qtbot.waitSignal(tab.slot.done, timeout=240_000):
        tab.run_button.click()
    assert tab.show_button.text() == "Show it in the Visualize tab"
    tab.show_button.click()
    assert tab.session.model is not None and tab.session.model_name.name == "What the layers see"
    assert tab.session.probe_image is not None and tab.session.probe_image.image.shape == (28, 28, 1)


def test_show_it_opens_the_heatmaps_of_where_the_network_looks_with_the_shapes_names(shown, qtbot):
    window = shown("where-looks")
    # the lesson's result shows its evidence: two heatmaps per class, each with the box and where the peak fell
    pictures = window.tab_by_key["lessons"].pictures
    assert pictures.isVisibleTo(window.tab_by_key["lessons"])
    labels = pictures.findChildren(QLabel)
    assert sum(1 for label in labels if not label.pixmap().isNull()) == 6
    captions = [label.text() for label in labels if label.text()]
    assert len(captions) == 6 and all(": peak in the box" in c or ": peak outside the box" in c for c in captions)
    visualize = window.tab_by_key["visualize"]
    assert window.tabs.currentWidget() is visualize
    assert visualize.views.currentWidget() is visualize.gradcam
    combo = visualize.gradcam.class_combo
    qtbot.waitUntil(lambda: combo.count() == 4, timeout=60_000)  # "the predicted class", then each class
    assert [combo.itemText(i) for i in range(1, 4)] == ["0: circles", "1: squares", "2: triangles"]


def test_show_it_opens_the_filter_patterns_of_the_lessons_base(shown, qtbot):
    window = shown("filter-patterns")
    visualize = window.tab_by_key["visualize"]
    assert window.tabs.currentWidget() is visualize and visualize.views.currentWidget() is visualize.filters
    # the lesson's MobileNetV2 base, not the empty "no model yet" page
    qtbot.waitUntil(lambda: "no classifier" in visualize.model_label.text(), timeout=60_000)
    assert visualize.session.model_name.name == "Filter patterns"


def test_show_it_opens_the_receptive_field_of_the_pooling_lessons_design(shown):
    window = shown("pooling")
    concepts = window.tab_by_key["concepts"]
    assert window.tabs.currentWidget() is concepts
    assert concepts.stack.currentIndex() == concepts.PAGES.index("field")
