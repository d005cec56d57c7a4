"""One module per tab. ``TABS`` lists them in window order.

Each entry is (key, title, module, class). Tabs are constructed when the
window is; a tab's module must not import TensorFlow at import time.
"""

TABS = [
    ("lessons", "Lessons", "cnnexplorer.ui.tabs.lessons", "LessonsTab"),
    ("builder", "Builder", "cnnexplorer.ui.tabs.builder", "BuilderTab"),
    ("training", "Training", "cnnexplorer.ui.tabs.training", "TrainingTab"),
    ("augmentation", "Augmentation", "cnnexplorer.ui.tabs.augmentation", "AugmentationTab"),
    ("pretrained", "Pretrained", "cnnexplorer.ui.tabs.pretrained", "PretrainedTab"),
    ("visualize", "Visualize", "cnnexplorer.ui.tabs.visualize", "VisualizeTab"),
    ("concepts", "Concepts", "cnnexplorer.ui.tabs.concepts", "ConceptsTab"),
]

TAB_KEYS = [key for key, *_ in TABS]
