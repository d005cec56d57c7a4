"""Visualize tab: look inside the session's model on one chosen image.

Three views around one image: the activation grids of the convolution and
pooling layers, the patterns each filter of a layer responds to most, and a
Grad-CAM heatmap of where the model found evidence for a class.

- :mod:`.tab` — :class:`VisualizeTab`, the wiring (model, image, analysis slot, caches)
- :mod:`.image_source` — where the image comes from, and the pixel scaling
- :mod:`.prediction` — the top-5 beside the image
- :mod:`.activations_view`, :mod:`.filters_view`, :mod:`.gradcam_view` — one module per view
- :mod:`.export` — Export PNG…; :mod:`.demo` — the empty state and its quick MNIST model
- :mod:`.screenshot` — the synchronous state for ``cnnexplorer gui --screenshot``

The Qt-free work is in ``cnnexplorer.ml.viz`` (``analysis``, ``activations``, ``filters``, ``gradcam``).
``python -m cnnexplorer.ui.tabs.visualize`` opens the tab alone.
"""
from cnnexplorer.ml.viz.analysis import Analysis, ModelFacts, analyse, describe_model
from cnnexplorer.ui.tabs.visualize.gradcam_view import COLORMAPS
from cnnexplorer.ui.tabs.visualize.image_source import RAW, UNIT
from cnnexplorer.ui.tabs.visualize.tab import VIEWS, VisualizeTab

__all__ = ["Analysis", "COLORMAPS", "ModelFacts", "RAW", "UNIT", "VIEWS", "VisualizeTab", "analyse",
           "describe_model"]
