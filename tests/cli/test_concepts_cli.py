"""`conv-lab`, `weights` and `receptive-field` as a teacher's script would call them."""
from __future__ import annotations

import json

import numpy as np

from cnnexplorer.cli import main
from cnnexplorer.core import conv_lab as lab


def test_conv_lab_prints_grids_formula_and_one_step(tmp_path, capsys):
    out_json = tmp_path / "lab.json"
    assert main(["conv-lab", "--digit", "7", "--kernel", "3", "--stride", "2", "--padding", "same",
                 "--step", "8", "--json", str(out_json)]) == 0
    out = capsys.readouterr().out
    assert "Output 5×5" in out and "0 top, 1 bottom" in out and "ceil(10 / 2) = 5" in out
    assert "Position 8:" in out and "→ output row 2, column 3" in out
    data = json.loads(out_json.read_text())
    grid = np.array(data["input"])
    expected = lab.convolve(grid, lab.kernel_preset("edge", 3), 2, "same").output
    np.testing.assert_allclose(data["output"], expected)
    assert data["pad"] == {"top": 0, "bottom": 1, "left": 0, "right": 1}


def test_conv_lab_pooling_on_a_grid_file(tmp_path, capsys):
    grid = tmp_path / "grid.txt"
    grid.write_text("1 5 2 0\n3 4 8 1\n0 0 1 1\n9 2 1 7\n")
    assert main(["conv-lab", "--grid", str(grid), "--op", "max", "--kernel", "2", "--step", "2"]) == 0
    out = capsys.readouterr().out
    assert "Output 2×2" in out and "max(2, 0, 8, 1) = 8" in out


def test_conv_lab_bad_settings_exit_1_with_the_explanation(tmp_path, capsys):
    assert main(["conv-lab", "--size", "5", "--kernel", "7"]) == 1
    assert "larger than the 5×5 input" in capsys.readouterr().err
    assert main(["conv-lab", "--kernel", "1", "--stride", "3"]) == 0  # allowed, but explained
    assert "never looks at them" in capsys.readouterr().out
    bad = tmp_path / "bad.txt"
    bad.write_text("1 2\n3\n")
    assert main(["conv-lab", "--grid", str(bad)]) == 1
    assert "equal length" in capsys.readouterr().err


def test_weights_table(capsys):
    assert main(["weights", "--shape", "28", "28", "1", "--filters", "32"]) == 0
    out = capsys.readouterr().out
    assert "Conv2D(32, 3, padding='same')" in out and "320" in out and "19,694,080" in out


def test_receptive_field_table_and_cell(capsys):
    assert main(["receptive-field", "--cell", "6", "2", "1"]) == 0
    out = capsys.readouterr().out
    assert "18×18" in out and "sees input 8–25, 4–21" in out
    assert main(["receptive-field", "--cell", "6", "5", "0"]) == 1
    assert "within 3×3" in capsys.readouterr().err
