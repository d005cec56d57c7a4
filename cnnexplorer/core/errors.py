"""Typed errors that carry a message meant for the user.

Core and ml code raise :class:`UserError` (or a subclass) when the user can do
something about the problem. Its text is one or two sentences: what is wrong,
and the way out. The ui shows it as it is; the command line prints it and exits
non-zero. Anything else that escapes is a bug and reaches the error dialog with
its traceback.
"""
from __future__ import annotations


class UserError(Exception):
    """A problem the user can fix. ``str(err)`` names the problem and the fix."""


class DatasetError(UserError):
    """A dataset cannot be found, downloaded or read."""


class ImageError(UserError):
    """An image file cannot be read or used."""


class SpecError(UserError):
    """A model design is malformed or cannot be used for what was asked."""


class ModelFileError(UserError):
    """A model file cannot be opened."""
