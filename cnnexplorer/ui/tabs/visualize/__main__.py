"""``python -m cnnexplorer.ui.tabs.visualize``: the Visualize tab alone, with a fresh session."""
from cnnexplorer.ui.tabs.base import run_standalone
from cnnexplorer.ui.tabs.visualize import VisualizeTab

raise SystemExit(run_standalone(VisualizeTab))
