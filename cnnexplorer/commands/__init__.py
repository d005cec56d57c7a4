"""Subcommand modules of the ``cnnexplorer`` command; each has ``register(subparsers)``."""
