"""The Builder tab as a student uses it: edit, see shapes and problems, undo, reorder, export, open files."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from cnnexplorer.core.augment_config import AugmentConfig
from cnnexplorer.core.configs import TrainingConfig
from cnnexplorer.core.session import Session
from cnnexplorer.core.spec import LayerSpec, ModelSpec, template
from cnnexplorer.ui.session_bridge import SessionBridge
from cnnexplorer.ui.tabs.builder import BuilderTab
from cnnexplorer.ui.widgets.layer_table import BAD_BG


@pytest.fixture
def tab(qtbot, errors):
    session = Session()
    bridge = SessionBridge(session)
    widget = BuilderTab(bridge)
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show()
    return widget


def cell(tab, row, col, role=Qt.ItemDataRole.DisplayRole):
    model = tab.table.table_model
    return model.data(model.index(row, col), role)


def types(tab):
    return [layer.type for layer in tab.session.design.layers]


def test_starts_with_the_tutorial_cnn_and_its_shapes(tab):
    assert tab.session.design.name == "mnist-cnn"
    assert tab.table.table_model.rowCount() == 10  # input + 9 layers
    assert cell(tab, 2, 3) == "26 × 26 × 32" and cell(tab, 2, 4) == "320"
    assert cell(tab, 9, 5) == "93,322"
    assert "93,322 parameters" in tab.total_label.text()
    assert "Ready to train" in tab.status_label.text()


def test_selecting_a_layer_shows_its_formula_and_settings(tab):
    tab.table.select_layer(1)
    assert tab.editor_box.title() == "Layer 2 · Conv2D"
    assert "floor((28 - 3) / 1) + 1 = 26" in tab.formula_label.text()
    assert "3·3·1·32 + 32 = 320" in tab.formula_label.text()
    assert "floor((28 - 3) / 1) + 1 = 26" in cell(tab, 2, 3, Qt.ItemDataRole.ToolTipRole)


def test_editing_a_setting_updates_shapes_and_session_and_undoes_in_one_step(tab, qtbot):
    heard = []
    tab.session.subscribe(heard.append)
    tab.table.select_layer(1)
    filters = tab.layer_editor.widgets["filters"]
    filters.setValue(16)
    filters.setValue(8)
    assert tab.session.design.layers[1].params["filters"] == 8
    assert "design" in heard
    assert cell(tab, 2, 3) == "26 × 26 × 8" and cell(tab, 2, 4) == "80"
    qtbot.keyClick(tab.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert tab.session.design.layers[1].params["filters"] == 32  # both spin-box steps undone together
    qtbot.keyClick(tab.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert tab.session.design.layers[1].params["filters"] == 8


def test_conv2d_after_flatten_is_marked_red_and_explained(tab, qtbot):
    tab.table.select_layer(6)  # Flatten
    tab.add_layer("Conv2D")
    assert types(tab)[7] == "Conv2D"
    assert cell(tab, 8, 1, Qt.ItemDataRole.BackgroundRole).color() == BAD_BG
    tip = cell(tab, 8, 1, Qt.ItemDataRole.ToolTipRole)
    assert "Layer 8 Conv2D: needs an image" in tip and "Flatten (layer 7)" in tip
    assert tab.problem_list.count() == 1 and "Layer 8 Conv2D" in tab.problem_list.item(0).text()
    assert "cannot train" in tab.status_label.text()
    assert cell(tab, 9, 3) == "—"  # later shapes are unknown, not wrong numbers
    tab.table.select_layer(0)
    tab._on_problem_clicked(tab.problem_list.item(0))
    assert tab.table.selected_layer() == 7
    # the invalid design is still in the session (it can be saved), and one Undo fixes it
    assert len(tab.session.design.layers) == 10
    tab.undo_stack.undo()
    assert "Ready to train" in tab.status_label.text()


def test_layer_list_operations_and_keyboard(tab, qtbot):
    tab.table.select_layer(2)  # MaxPooling2D
    tab.duplicate_layer()
    assert types(tab)[2:4] == ["MaxPooling2D", "MaxPooling2D"]
    assert tab.table.selected_layer() == 3
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert types(tab) == [layer.type for layer in template("mnist-cnn").layers]
    tab.table.select_layer(7)
    qtbot.keyClick(tab.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert types(tab)[6:8] == ["Dense", "Flatten"] and tab.table.selected_layer() == 6
    tab.move_down()
    assert types(tab)[6:8] == ["Flatten", "Dense"]
    tab.table.select_layer(0)
    tab.insert_layer("BatchNormalization")
    assert types(tab)[0] == "BatchNormalization"


def test_drag_and_drop_reorders_layers(tab):
    model = tab.table.table_model
    data = model.mimeData([model.index(8, 0)])  # layer 8, the first Dense
    model.dropMimeData(data, Qt.DropAction.MoveAction, 7, 0, QModelIndex())  # drop above row 7 (Flatten)
    assert types(tab)[6:8] == ["Dense", "Flatten"]
    assert tab.undo_stack.undoText().startswith("Move layer 8 to 7")


def test_property_editor_offers_only_valid_choices(tab):
    tab.table.select_layer(2)  # MaxPooling2D
    widgets = tab.layer_editor.widgets
    assert set(widgets) == {"pool_size", "strides", "padding"}
    assert [widgets["padding"].itemText(i) for i in range(widgets["padding"].count())] == ["valid", "same"]
    assert widgets["pool_size"].boxes[0].minimum() == 1
    widgets["strides"].none_box.setChecked(False)
    assert tab.session.design.layers[2].params["strides"] == 2
    widgets["strides"].none_box.setChecked(True)
    assert tab.session.design.layers[2].params["strides"] is None


def test_output_layer_change_updates_default_loss(tab):
    tab.table.select_layer(8)
    tab.layer_editor.widgets["units"].setValue(1)
    tab.layer_editor.widgets["activation"].setCurrentText("sigmoid")
    assert tab.session.design.compile.loss == "binary_crossentropy"
    assert tab.loss_combo.currentText() == "binary_crossentropy"


def test_compile_settings_edit_the_design(tab):
    tab.optimizer_combo.setCurrentText("adam")
    tab.lr_spin.setValue(0.01)
    tab.metric_boxes["mae"].setChecked(True)
    c = tab.session.design.compile
    assert (c.optimizer, c.learning_rate, c.metrics) == ("adam", 0.01, ["accuracy", "mae"])


def test_dataset_classes_are_checked_keeping_the_design_first(tab, tmp_path):
    for name in ("cats", "dogs"):
        (tmp_path / "pets" / name).mkdir(parents=True)
    tab.session.dataset_name = str(tmp_path / "pets")  # 2 classes; the MNIST CNN has 10 outputs
    texts = [tab.problem_list.item(i).text() for i in range(tab.problem_list.count())]
    assert "to keep it as it is, choose mnist-sample" in texts[0]
    assert any("dataset has 2 classes" in t for t in texts[1:])
    tab.session.dataset_name = "mnist-sample"
    assert "Ready to train" in tab.status_label.text()


def test_templates_and_designs_from_the_file_menu_are_shown_and_undoable(tab):
    tab.template_combo.setCurrentIndex(tab.template_combo.findData("conv1d-text"))
    tab.load_template_button.click()
    assert tab.session.design.name == "conv1d-text" and cell(tab, 1, 3) == "500 × 128"
    tab.undo_stack.undo()
    assert tab.session.design.name == "mnist-cnn"
    # File > Open of a .json assigns session.design directly
    tab.session.design = template("small-vgg")
    assert "Design: small-vgg" in tab.name_label.text()
    assert tab.table.table_model.rowCount() == 14
    tab.undo_stack.undo()
    assert tab.session.design.name == "mnist-cnn"


def test_input_editor_changes_the_input_shape(tab):
    tab.table.select_layer(-1)
    assert tab.input_editor.isVisible()
    tab.input_editor.boxes[0].setValue(32)
    tab.input_editor.boxes[1].setValue(32)
    assert tab.session.design.input_shape == (32, 32, 1)
    assert cell(tab, 2, 3) == "30 × 30 × 32"


def test_export_code_dialog_offers_the_complete_script_or_the_model_only(tab, tmp_path):
    tab.show_code()
    dialog = tab.code_dialog
    assert dialog.complete_button.isChecked()  # the tutorial's whole script is the default
    script = dialog.code()
    assert "mnist_sample.load_data()" in script and "model.fit(" in script and "Test accuracy" in script
    assert "mnist_sample.npz and mnist_sample.py" in dialog.note.text() and dialog.note.isVisibleTo(dialog)
    dialog.model_button.click()
    assert "model.fit(" not in dialog.code() and "model.summary()" in dialog.code()
    assert not dialog.note.isVisibleTo(dialog)
    dialog.complete_button.click()
    assert "layers.Conv2D(filters=32, kernel_size=3, activation=\"relu\")" in dialog.code()
    dialog.close()

    target = tmp_path / "digits.py"
    target.write_text("# my old script\n", encoding="utf-8")
    assert tab.save_code(str(target))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["digits.py", "mnist_sample.npz", "mnist_sample.py"]
    compile(target.read_text(encoding="utf-8"), str(target), "exec")
    assert "import mnist_sample" in target.read_text(encoding="utf-8")


def test_saving_into_a_folder_that_is_gone_says_so_and_writes_nothing(tab, tmp_path, errors):
    target = tmp_path / "gone" / "digits.py"
    assert not tab.save_code(str(target))
    assert errors and "gone" in str(errors[-1])
    assert not (tmp_path / "gone").exists()


def test_standalone_design_set_to_something_other_than_a_spec_is_harmless(tab):
    tab.session.design = ModelSpec((28, 28, 1), [LayerSpec("Dense", {"units": 3, "activation": "softmax"})])
    assert cell(tab, 1, 3) == "28 × 28 × 3"
    assert any("add Flatten" in tab.problem_list.item(i).text() for i in range(tab.problem_list.count()))


def test_exported_code_augments_only_when_the_training_tab_does(tab):
    tab.session.augment = AugmentConfig(horizontal_flip=True)  # chosen in the Augmentation tab, not switched on
    for complete in (True, False):
        assert "RandomFlip" not in tab.code(complete)
    tab.session.training_config = TrainingConfig(epochs=3, batch_size=32, validation_split=0.1,
                                                 augment=tab.session.augment)
    for complete in (True, False):
        code = tab.code(complete)
        assert "RandomFlip" in code
        compile(code, "exported.py", "exec")
    assert "EPOCHS = 3" in tab.code() and "BATCH_SIZE = 32" in tab.code() and "VALIDATION_SPLIT = 0.1" in tab.code()


def test_the_tab_does_not_import_tensorflow(qapp):
    """The window must show before TensorFlow loads: the Builder works in pure Python."""
    import subprocess
    import sys

    code = ("import os, sys; os.environ['QT_QPA_PLATFORM']='offscreen'\n"
            "from PySide6.QtWidgets import QApplication; app = QApplication([])\n"
            "from cnnexplorer.core.session import Session\n"
            "from cnnexplorer.ui.session_bridge import SessionBridge\n"
            "from cnnexplorer.ui.tabs.builder import BuilderTab\n"
            "tab = BuilderTab(SessionBridge(Session())); tab.add_layer('Dense'); tab.code(); tab.undo_stack.undo()\n"
            "print('tensorflow' in sys.modules, 'keras' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stdout.strip().splitlines()[-1] == "False False", out.stderr


# -- advice that fits ------------------------------------------------------------------------

def problem_texts(tab):
    return [tab.problem_list.item(i).text() for i in range(tab.problem_list.count())]


def test_a_text_template_on_digits_first_offers_a_sequence_dataset_not_units_10(tab):
    assert tab.session.dataset_name == "mnist-sample"
    tab.template_combo.setCurrentIndex(tab.template_combo.findData("conv1d-text"))
    tab.load_template_button.click()
    texts = problem_texts(tab)
    assert "choose a sequence dataset such as sequences-sample" in texts[0]
    assert "mnist-cnn template" in texts[1]
    assert not any("units=10" in t for t in texts)
    tab.session.dataset_name = "sequences-sample"
    assert "Ready to train" in tab.status_label.text()


def test_the_header_says_what_is_known_of_a_design_that_cannot_be_built(tab):
    tab.table.select_layer(1)  # the first Conv2D, after Rescaling
    for box in tab.layer_editor.widgets["kernel_size"].boxes:
        box.setValue(30)
    assert tab.total_label.text() == "Parameters unknown: layer 2 cannot be built yet"
    assert "0+" not in tab.total_label.text()
    tab.undo_stack.undo()
    tab.table.select_layer(3)  # the second Conv2D: layers 1-3 are known
    for box in tab.layer_editor.widgets["kernel_size"].boxes:
        box.setValue(20)
    assert tab.total_label.text() == "320 parameters in layers 1–3; layer 4 cannot be built yet"


def test_raw_pixels_get_a_note_that_does_not_block_training(tab):
    tab.table.select_layer(0)
    tab.delete_button.click()  # the Rescaling layer
    assert "Ready to train" in tab.status_label.text()
    note = [t for t in problem_texts(tab) if t.startswith("Note:")]
    assert note and "raw pixel values 0-255" in note[0] and "Rescaling" in note[0]
    tab.undo_button.click()
    assert not any(t.startswith("Note:") for t in problem_texts(tab))


def test_emptying_the_template_drops_its_name(tab):
    while tab.session.design.layers:
        tab.table.select_layer(0)
        tab.delete_button.click()
    assert tab.session.design.name != "mnist-cnn" and "mnist-cnn" not in tab.name_label.text()
    tab.undo_stack.undo()
    assert tab.session.design.name == "mnist-cnn"


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_no_layer_table_cell_is_cut_on_a_1280_projector(language, qtbot, qapp, app_qsettings, errors):
    from cnnexplorer.ui import presentation
    from cnnexplorer.ui.app import install_translators
    from cnnexplorer.ui.main_window import MainWindow

    assert install_translators(qapp, language) == language
    try:
        window = MainWindow()
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        assert window.select_tab("builder")
        presentation.look().set_presentation(True)
        tab = window.tabs.currentWidget()
        qtbot.waitUntil(lambda: tab.table.columnWidth(2) >= tab.table.sizeHintForColumn(2))
        for col in range(tab.table.table_model.columnCount()):  # "32 filters, 3×3, relu", not "32 filters, 3×…"
            assert tab.table.sizeHintForColumn(col) <= tab.table.columnWidth(col), col
        assert tab.loss_combo.width() >= tab.loss_combo.fontMetrics().horizontalAdvance(
            "sparse_categorical_crossentropy")
        window.close()
    finally:
        presentation.look().restore_defaults()
        install_translators(qapp, "en")
