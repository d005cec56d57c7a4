"""`cnnexplorer lessons` and `cnnexplorer lesson NAME` as a teacher's script would call them."""
from __future__ import annotations

import json

from cnnexplorer.cli import main
from cnnexplorer.ml.lessons import LESSONS


def test_lessons_lists_one_per_line_name_first(capsys):
    assert main(["lessons"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[0] for line in lines] == [lesson.name for lesson in LESSONS]
    assert lines[0] == "why-convolution\tWhy convolution"


def test_one_lesson_prints_a_line_per_run_and_ends_with_the_json_line(tmp_path, capsys):
    out = tmp_path / "results"
    assert main(["lesson", "kernels-padding-stride", "--seed", "0", "--out", str(out)]) == 0
    captured = capsys.readouterr()
    line = json.loads(captured.out.splitlines()[-1])
    assert line["lesson"] == "kernels-padding-stride" and line["holds"] is True and line["runs"] == []
    assert line["measures"]["cases"] == 16 and line["measures"]["mismatches"] == 0
    assert line["claim"].startswith("The lab's output size equals Keras'") and line["seconds"] > 0
    assert "same /2 → 14" in captured.err  # the result sentence, with the numbers
    assert json.loads((out / "kernels-padding-stride.json").read_text())["measures"] == line["measures"]


def test_an_unknown_lesson_exits_1_naming_the_lessons(capsys):
    assert main(["lesson", "nope"]) == 1
    err = capsys.readouterr().err
    assert "no lesson called 'nope'" in err and "why-convolution" in err
