"""The translation hook for texts that ``core`` and ``ml`` build for people to read.

``core`` and ``ml`` import no Qt, yet their messages (shape formulas, coach
advice, augmentation summaries, error messages) appear in the interface, which
may be in Chinese. They go through :func:`translate`, which returns the text
unchanged until the interface installs Qt's translator with
:func:`set_translator` (``ui/app.py`` does, at start-up). The command line
never installs one, so it stays in English.

A text with numbers in it is translated as a template and filled in afterwards,
with named fields so a translation can put them in another order::

    translate("shapes", "out = {units} units").format(units=n)

``lupdate`` finds these calls by the name ``translate`` and a literal context
and text, so both must be string literals written in the call, never variables.
A fixed text that is kept in a table and translated later is marked with
:func:`QT_TRANSLATE_NOOP`, which ``lupdate`` also recognises.
"""
from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str], str]


def _identity(context: str, text: str) -> str:
    return text


_translator: Translator = _identity


def set_translator(function: Translator | None) -> None:
    """Use ``function(context, text)`` to translate from now on (``None``: English again)."""
    global _translator
    _translator = function or _identity


def translate(context: str, text: str) -> str:
    """The translation of ``text`` in ``context`` (the text itself when there is none)."""
    if not text:
        return text
    try:
        return _translator(context, text) or text
    except Exception:  # a broken translator must never hide the message itself
        return text


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    """Mark ``text`` for ``lupdate`` without translating it yet; translate it where it is shown."""
    return text
