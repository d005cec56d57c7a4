"""Builder tab (placeholder until its issue lands)."""
from __future__ import annotations

from cnnexplorer.ui.tabs.base import PlaceholderTab, run_standalone


class BuilderTab(PlaceholderTab):
    key = "builder"
    title = "Builder"
    text = "Coming soon: Design a model layer by layer and see each layer's output shape and weights as you edit."


if __name__ == "__main__":
    raise SystemExit(run_standalone(BuilderTab))
