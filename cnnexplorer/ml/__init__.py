"""Keras 3 / TensorFlow code. No Qt. Imported lazily: never at start-up.

Modules here import TensorFlow inside functions (via :func:`cnnexplorer.ml.runtime.keras`)
so that e.g. ``cnnexplorer datasets`` can list datasets without paying for the import.
"""
