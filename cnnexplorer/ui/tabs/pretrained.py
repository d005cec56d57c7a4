"""Pretrained tab (placeholder until its issue lands)."""
from __future__ import annotations

from cnnexplorer.ui.tabs.base import PlaceholderTab, run_standalone


class PretrainedTab(PlaceholderTab):
    key = "pretrained"
    title = "Pretrained"
    text = "Coming soon: Load VGG16 and its relatives, freeze or unfreeze layers, and fine-tune them on your images."


if __name__ == "__main__":
    raise SystemExit(run_standalone(PretrainedTab))
