"""Augmentation tab (placeholder until its issue lands)."""
from __future__ import annotations

from cnnexplorer.ui.tabs.base import PlaceholderTab, run_standalone


class AugmentationTab(PlaceholderTab):
    key = "augmentation"
    title = "Augmentation"
    text = "Coming soon: Configure random image transformations and preview them live before training with them."


if __name__ == "__main__":
    raise SystemExit(run_standalone(AugmentationTab))
