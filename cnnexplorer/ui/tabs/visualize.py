"""Visualize tab (placeholder until its issue lands)."""
from __future__ import annotations

from cnnexplorer.ui.tabs.base import PlaceholderTab, run_standalone


class VisualizeTab(PlaceholderTab):
    key = "visualize"
    title = "Visualize"
    text = "Coming soon: Look inside a model: activation grids, filter patterns and Grad-CAM heatmaps."


if __name__ == "__main__":
    raise SystemExit(run_standalone(VisualizeTab))
