"""Work-around for a reference-counting bug of shiboken6 6.12 on Python < 3.12.

With that combination every PySide6 method that returns nothing (``setPen``,
``fillRect``, ``setText``...) takes one reference from ``None`` instead of
returning a new one (measured: 100 calls, ``sys.getrefcount(None)`` drops by
100; PySide6 6.11 does not). Python 3.11 frees ``None`` when its count
reaches zero and aborts with "Fatal Python error: none_dealloc" — in a
painting widget after a few hundred repaints. From Python 3.12 ``None`` is
immortal and the bug is harmless.

:func:`top_up` puts ``None``'s count back to where it was when this module
was imported. Measuring around each call does not work (the loss shows up a
few calls late), but a floor does: calling ``top_up`` after every repaint or
refresh keeps the count far from zero. Extra references are harmless (``None``
is never freed). Outside the affected versions it does nothing. The real fix
is to avoid shiboken6 6.12 on Python 3.11 (pin PySide6 < 6.12 or use Python
3.12+).
"""
from __future__ import annotations

import ctypes
import sys


def _affected() -> bool:
    if sys.version_info >= (3, 12):
        return False
    try:
        import shiboken6
    except ImportError:
        return False
    return tuple(shiboken6.__version_info__[:2]) == (6, 12)


AFFECTED = _affected()
_FLOOR = sys.getrefcount(None)
_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


def top_up() -> int:
    """Give ``None`` back the references lost since the last call; returns how many."""
    if not AFFECTED:
        return 0
    missing = _FLOOR - sys.getrefcount(None)
    for _ in range(max(missing, 0)):
        _incref(None)
    return max(missing, 0)
