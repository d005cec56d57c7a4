"""The generated phrase dataset, and the Conv1D lesson in miniature (seconds, not the full template).

The full-size numbers (conv1d-text template on sequences-sample vs a Dense
baseline) come from ``benchmarks/sequences_conv1d_vs_dense.py``.
"""
from __future__ import annotations

import numpy as np
import pytest

from cnnexplorer.core import sequences


def test_dataset_shape_padding_and_balance():
    x, y = sequences.generate(300, seed=3)
    assert x.shape == (300, sequences.LENGTH) and x.dtype == np.int32
    assert y.sum() == 150
    lengths = (x != sequences.PAD).sum(axis=1)
    lo, hi = sequences.TEXT_LENGTH
    assert lengths.min() >= lo and lengths.max() <= hi
    # front padding, like pad_sequences: once a text starts it never goes back to 0
    first = np.argmax(x != 0, axis=1)
    assert all((row[start:] != 0).all() for row, start in zip(x, first))
    assert x.max() < sequences.VOCAB


def test_word_counts_tell_nothing_only_the_order_does():
    x, y = sequences.generate(200, seed=4)
    for row, label in zip(x, y):
        for token in sequences.MOTIF:  # every text holds each phrase word exactly once
            assert (row == token).sum() == 1
        assert sequences._contains(row, sequences.MOTIF) == bool(label)
    assert len(sequences.decoys_of(sequences.MOTIF)) == 5
    assert sequences.decoys_of((7, 7, 7)) == []


def test_generator_is_deterministic_and_checks_its_arguments():
    a = sequences.generate(50, seed=9)
    b = sequences.generate(50, seed=9)
    assert all(np.array_equal(p, q) for p, q in zip(a, b))
    assert not np.array_equal(a[0], sequences.generate(50, seed=10)[0])
    with pytest.raises(ValueError):
        sequences.generate(10, seed=0, text_length=(2, 10))
    with pytest.raises(ValueError):
        sequences.generate(10, seed=0, vocab=50)


def _fit(model_layers, x, y, xt, yt, epochs):
    from cnnexplorer.ml.runtime import keras

    k = keras()
    k.utils.set_random_seed(0)
    model = k.Sequential([k.Input((x.shape[1],)), *model_layers(k)])
    model.compile(optimizer=k.optimizers.Adam(0.01), loss="binary_crossentropy", metrics=["accuracy"])
    model.fit(x, y, epochs=epochs, batch_size=32, verbose=0)
    return model.evaluate(xt, yt, verbose=0)[1], model.count_params()


def test_a_small_conv1d_finds_the_phrase_anywhere_and_a_dense_layer_does_not():
    def make(n, seed):
        return sequences.generate(n, seed=seed, length=60, vocab=200, text_length=(20, 60))

    x, y = make(400, 1)
    xt, yt = make(300, 2)
    conv_acc, conv_params = _fit(lambda k: [k.layers.Embedding(200, 8), k.layers.Conv1D(16, 3, activation="relu"),
                                            k.layers.GlobalMaxPooling1D(), k.layers.Dense(1, activation="sigmoid")],
                                 x, y, xt, yt, epochs=4)
    dense_acc, dense_params = _fit(lambda k: [k.layers.Embedding(200, 8), k.layers.Flatten(),
                                              k.layers.Dense(1, activation="sigmoid")],
                                   x, y, xt, yt, epochs=4)
    assert conv_acc > 0.9, conv_acc
    assert dense_acc < 0.75, dense_acc
    assert 0.5 < conv_params / dense_params < 2  # a fair fight: similar sizes


def test_the_phrase_stays_where_the_conv1d_template_can_see_it():
    """conv1d-text's MaxPooling1D(5) keeps 490 of the first Conv1D's 494 windows: the last input positions
    reach no pooled cell. The generator keeps the phrase (and its decoy) clear of them."""
    from cnnexplorer.core.receptive_field import field_table, input_region
    from cnnexplorer.core.spec import template

    table = field_table(template("conv1d-text"))
    row = next(i for i, layer in enumerate(table.layers) if layer.type == "MaxPooling1D")
    (_, last_seen), = input_region(table, row, (table.layers[row].out_size[0] - 1,))
    assert last_seen == 495 < sequences.LENGTH - 1
    x, _ = sequences.generate(400, seed=6)
    phrase_words = np.isin(x, sequences.MOTIF)
    last_word = sequences.LENGTH - 1 - np.argmax(phrase_words[:, ::-1], axis=1)
    assert last_word.max() <= last_seen
    assert last_word.max() == sequences.LENGTH - 1 - sequences.TAIL  # the whole allowed range is used
