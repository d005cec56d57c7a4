"""Random design files, valid and hostile, through `summary`'s checks and real Keras (benchmarks/fuzz_designs.py).

The benchmark runs 500 cases; here a few dozen, seeded, plus a hypothesis-driven sample of seeds.
"""
import importlib.util
import random
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("keras")

_path = Path(__file__).resolve().parents[2] / "benchmarks" / "fuzz_designs.py"
_spec = importlib.util.spec_from_file_location("fuzz_designs", _path)
fuzz = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("fuzz_designs", fuzz)  # dataclasses look their module up there
_spec.loader.exec_module(fuzz)


def test_forty_seeded_designs_agree_with_keras_or_are_refused_in_one_line():
    result = fuzz.run(40, seed=11)
    assert result["app_crash"] == 0 and result["disagree"] == 0, result["examples"]
    assert result["agree"] >= 20  # most cases are really compared with Keras, not waved through
    assert result["cases"] == 40


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 2**32 - 1))
def test_any_random_design_never_crashes_the_app_nor_disagrees(seed):
    label, text = fuzz.random_design(random.Random(seed))
    verdict = fuzz.judge(text, label)
    assert verdict.outcome not in ("app_crash", "disagree"), (verdict.detail, text[:1000])


@pytest.mark.parametrize("text,outcome", [
    ('{"format": "cnnexplorer-design", "version": 1, "input_shape": [8, 8, 1], "layers": [{"type": "Conv2D", '
     '"kernel_size": [3]}]}', "agree"),  # both refuse layer 1
    ('{"format": "cnnexplorer-design", "version": 1, "input_shape": [8, 8, 1], "layers": [{"type": "Conv2D", '
     '"padding": "SAME"}]}', "strict"),  # Keras takes 'SAME'; the app keeps the tutorial's spelling
    ('{"format": "cnnexplorer-design", "version": 1, "input_shape": [28.9, 28, 1], "layers": []}', "agree"),
    ('{"format": "cnnexplorer-design", "version": 1, "input_shape": [28, 28, true], "layers": []}', "strict"),
    ('{"format": "cnnexplorer-design", "version": 1, "input_shape": [784], "layers": [{"type": "Dense", '
     '"units": 1000000000}]}', "budget"),
    ('{"format": "cnnexplorer-design", "version": 1, "input_shape": [8], "compile": "adam", "layers": []}', "format"),
    ('{"format": "cnnexplorer-design", "version": 1, "input_shape": [4, 4, 2], "layers": [{"type": "Dense", '
     '"units": 3}, {"type": "Flatten"}, {"type": "Dense", "units": 2}]}', "agree"),  # built; same shapes
])
def test_the_judge_classifies_known_cases(text, outcome):
    assert fuzz.judge(text).outcome == outcome
