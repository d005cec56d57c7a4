"""``python -m cnnexplorer.ui.tabs.concepts`` opens the Concepts tab alone."""
from cnnexplorer.ui.tabs.base import run_standalone
from cnnexplorer.ui.tabs.concepts.tab import ConceptsTab

raise SystemExit(run_standalone(ConceptsTab))
