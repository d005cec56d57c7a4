"""Data files shipped with CNN Explorer (installed as ``cnnexplorer.resources``).

Find files with :func:`cnnexplorer.core.resources.resource_path`, never by
``__file__`` arithmetic.
"""
