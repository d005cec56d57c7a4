"""Concepts tab: a convolution lab, a pooling lab, a weights comparison and receptive fields.

Built for a teacher driving it live on a projector: big cells with numbers,
one window position at a time (step or play), and every bad setting explained
in the side panel instead of an error. All the arithmetic lives in
``core/conv_lab.py`` and ``core/receptive_field.py`` (tested against Keras);
this package only draws it and reacts to clicks.

One module per lab page (``conv``, ``pool``, ``weights``, ``field``), the
input grid the two labs share (``input_grid``), their common page
(``lab_page``) and small parts (``parts``); the tab itself is in ``tab``.
"""
from cnnexplorer.ui.tabs.concepts.conv import ConvLab
from cnnexplorer.ui.tabs.concepts.field import FieldPage
from cnnexplorer.ui.tabs.concepts.input_grid import BRUSH, DEFAULT_GRID, InputModel
from cnnexplorer.ui.tabs.concepts.pool import PoolLab
from cnnexplorer.ui.tabs.concepts.tab import ConceptsTab
from cnnexplorer.ui.tabs.concepts.weights import WeightsPage
from cnnexplorer.ui.widgets.step_bar import StepBar

__all__ = ["BRUSH", "DEFAULT_GRID", "ConceptsTab", "ConvLab", "FieldPage", "InputModel", "PoolLab", "StepBar",
           "WeightsPage"]
