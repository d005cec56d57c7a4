"""Concepts tab (placeholder until its issue lands)."""
from __future__ import annotations

from cnnexplorer.ui.tabs.base import PlaceholderTab, run_standalone


class ConceptsTab(PlaceholderTab):
    key = "concepts"
    title = "Concepts"
    text = "Coming soon: An interactive convolution and pooling lab, and Conv1D on sequences."


if __name__ == "__main__":
    raise SystemExit(run_standalone(ConceptsTab))
