"""Receptive fields of designs: per-layer table and the input region one cell can see."""
from __future__ import annotations

from cnnexplorer.core import receptive_field as rf
from cnnexplorer.core.spec import LayerSpec, ModelSpec, template


def test_mnist_template_table():
    table = rf.field_table(template("mnist-cnn"))
    assert table.problem == ""
    by_type = [(row.type, row.out_size, row.field, row.jump) for row in table.layers]
    assert by_type[:7] == [
        ("Input", (28, 28), (1, 1), (1, 1)),
        ("Rescaling", (28, 28), (1, 1), (1, 1)),
        ("Conv2D", (26, 26), (3, 3), (1, 1)),
        ("MaxPooling2D", (13, 13), (4, 4), (2, 2)),
        ("Conv2D", (11, 11), (8, 8), (2, 2)),
        ("MaxPooling2D", (5, 5), (10, 10), (4, 4)),
        ("Conv2D", (3, 3), (18, 18), (4, 4)),
    ]
    assert table.layers[7].whole_input and not table.layers[7].has_grid


def test_region_of_a_cell():
    table = rf.field_table(template("mnist-cnn"))
    assert rf.input_region(table, 2, (0, 0)) == ((0, 2), (0, 2))
    assert rf.input_region(table, 2, (5, 7)) == ((5, 7), (7, 9))
    # last conv: each cell sees 18x18 pixels, neighbours 4 pixels apart
    assert rf.input_region(table, 6, (0, 0)) == ((0, 17), (0, 17))
    assert rf.input_region(table, 6, (2, 1)) == ((8, 25), (4, 21))
    assert rf.input_region(table, 8, ()) == ((0, 27), (0, 27))


def test_same_padding_and_strides_clip_at_the_border():
    spec = ModelSpec(input_shape=(12, 12, 1), layers=[
        LayerSpec("Conv2D", {"kernel_size": 3, "strides": 2, "padding": "same"}),
        LayerSpec("Conv2D", {"kernel_size": 3, "padding": "same"}),
    ])
    table = rf.field_table(spec)
    first = table.layers[1]
    assert first.out_size == (6, 6) and first.before == (0, 0)  # the odd padding row goes after
    assert rf.input_region(table, 1, (5, 0)) == ((10, 11), (0, 2))
    second = table.layers[2]
    assert second.field == (7, 7) and second.jump == (2, 2)
    assert rf.input_region(table, 2, (0, 0)) == ((0, 4), (0, 4))  # clipped at the top-left


def test_sequence_design_is_one_dimensional():
    table = rf.field_table(template("conv1d-text"))
    sizes = [(row.type, row.out_size, row.field) for row in table.layers[:5]]
    assert sizes == [("Input", (500,), (1,)), ("Embedding", (500,), (1,)), ("Conv1D", (494,), (7,)),
                     ("MaxPooling1D", (98,), (11,)), ("Conv1D", (92,), (41,))]
    assert rf.input_region(table, 4, (0,)) == ((0, 40),)


def test_a_layer_without_room_stops_the_walk_with_a_message():
    spec = ModelSpec(input_shape=(4, 4, 1), layers=[LayerSpec("Conv2D", {"kernel_size": 3}),
                                                     LayerSpec("Conv2D", {"kernel_size": 3})])
    table = rf.field_table(spec)
    assert "Layer 2 Conv2D" in table.problem and "padding 'same'" in table.problem
    assert table.layers[-1].out_size == (0, 0) and not table.layers[-1].has_grid
