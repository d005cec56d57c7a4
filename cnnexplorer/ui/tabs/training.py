"""Training tab (placeholder until its issue lands)."""
from __future__ import annotations

from cnnexplorer.ui.tabs.base import PlaceholderTab, run_standalone


class TrainingTab(PlaceholderTab):
    key = "training"
    title = "Training"
    text = "Coming soon: Train the current model in the background with a live accuracy and loss chart."


if __name__ == "__main__":
    raise SystemExit(run_standalone(TrainingTab))
