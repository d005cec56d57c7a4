"""``cnnexplorer gui --tab visualize --screenshot``: a model and an image, computed synchronously.

CNNEXPLORER_VIZ_VIEW picks the view (activations, filters, gradcam),
CNNEXPLORER_VIZ_IMAGE the image (a sample photo's name, or "digit"),
CNNEXPLORER_VIZ_MODEL a saved model to show instead of the quick MNIST one,
CNNEXPLORER_VIZ_DATASET the session's dataset (a name or an image folder) the dataset images come from.
Only the screenshot command (and scripts) use this; the tab never blocks like this.
"""
from __future__ import annotations

import os


def prepare(tab) -> None:
    """Bring ``tab`` (a VisualizeTab) to a state worth showing, on the GUI thread."""
    from cnnexplorer.ml.viz.analysis import describe_model
    from cnnexplorer.ml.viz.demo import quick_mnist_model

    view = os.environ.get("CNNEXPLORER_VIZ_VIEW", "gradcam")
    image = os.environ.get("CNNEXPLORER_VIZ_IMAGE", "digit")
    dataset = os.environ.get("CNNEXPLORER_VIZ_DATASET")
    if dataset:
        tab.session.dataset_name = dataset
    if tab.session.model is None:
        tab.bridge.changed.disconnect(tab._on_session_changed)
        path = os.environ.get("CNNEXPLORER_VIZ_MODEL")
        if path:
            from pathlib import Path

            from cnnexplorer.ml.model_files import load_model_file

            tab.session.set_model(load_model_file(path)[0], Path(path).stem, "file", path)
        else:
            tab.session.set_model(quick_mnist_model(), tab.empty.model_title(), "trained")
        tab.bridge.changed.connect(tab._on_session_changed)
        tab._on_model_changed()
    tab.model_slot.cancel()
    tab.model_slot.wait()
    info = tab.session.model_name
    tab._apply_facts(describe_model(tab._model, info.source if info else None, tab.session.dataset_name))
    tab._image_timer.stop()
    tab.source.choose(image)
    tab.run_analysis_now()
    grid = tab.activations.grid
    if grid is not None and grid.count > 5:
        tab.activations.show_channel(5)
    tab.select_view(view)
    if view == "filters":
        tab.filters.run_now()
