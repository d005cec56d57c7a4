"""Reading what a user hands the app, within limits: JSON files and the text of error messages.

Every JSON the app reads (designs, training and augmentation settings, runs,
settings exports, a model archive's ``config.json``) goes through
:func:`read_json_file` or :func:`load_json`, which refuse *before* they cost
memory or time:

* a file larger than its cap (:data:`MAX_JSON_BYTES`, 2 MB, for designs and
  settings; :data:`MAX_MODEL_CONFIG_BYTES`, 32 MB, for a model's config) — the
  size is checked before the file is read;
* nesting deeper than :data:`MAX_DEPTH` (64 levels; a design needs 4);
* an integer longer than :data:`MAX_INT_DIGITS` digits, a number written with
  more than :data:`MAX_NUMBER_CHARS` characters, a number too large for a float
  (``1e400``), and ``NaN`` / ``Infinity``.

Messages quote user input through :func:`clip` / :func:`clip_repr`, never more
than :data:`MAX_ECHO` characters, so a 10 MB string is not printed back whole.
"""
from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from cnnexplorer.core.errors import UserError
from cnnexplorer.core.files import FileTooLarge, read_capped, short_path
from cnnexplorer.core.i18n import translate
from cnnexplorer.core.units import byte_size

MAX_ECHO = 200
MAX_JSON_BYTES = 2_000_000
MAX_MODEL_CONFIG_BYTES = 32_000_000
MAX_DEPTH = 64
MAX_INT_DIGITS = 30  # sizes must stay below 2**63 (19 digits) anyway
MAX_NUMBER_CHARS = 64


class InputLimitError(UserError):
    """A file or value is beyond what the app reads (too large, too deep, a number too long)."""


def clip(text: Any, limit: int = MAX_ECHO) -> str:
    """``text`` for a message: at most ``limit`` characters, the cut marked with how long it was."""
    text = str(text)
    if len(text) <= limit:
        return text
    return translate("bounded", "{start}… ({count:,} characters)").format(start=text[: max(1, limit - 30)],
                                                                          count=len(text))


def clip_repr(value: Any, limit: int = MAX_ECHO) -> str:
    """``repr(value)`` for a message, clipped; safe for huge integers and deep lists (whose repr fails or is slow)."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 256:
        digits = int(value.bit_length() * 0.30103) + 1
        return translate("bounded", "a number of about {digits:,} digits").format(digits=digits)
    if isinstance(value, str) and len(value) > limit:
        return clip(value, limit)
    if isinstance(value, (list, tuple, dict)) and _too_big_to_repr(value, limit):
        kind = type(value).__name__
        return translate("bounded", "a {kind} of {count:,} items").format(kind=kind, count=len(value))
    try:
        text = repr(value)
    except (ValueError, RecursionError):
        return translate("bounded", "a value too large to show")
    return clip(text, limit)


def _too_big_to_repr(value: Any, limit: int) -> bool:
    """True when a container is long or nested enough that its repr would be long or recurse deeply."""
    budget = limit
    stack = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        budget -= 1
        if budget < 0 or depth > 16:
            return True
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
            budget -= len(item)
        elif isinstance(item, (list, tuple)):
            stack.extend((v, depth + 1) for v in item)
        elif isinstance(item, str):
            budget -= len(item)
        elif isinstance(item, int) and item.bit_length() > 256:
            return True
    return False


class _Refused(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _parse_int(text: str) -> int:
    digits = len(text.lstrip("-"))
    if digits > MAX_INT_DIGITS:
        raise _Refused(translate("bounded", "it holds an integer of {digits:,} digits (at most {limit} are read)")
                       .format(digits=digits, limit=MAX_INT_DIGITS))
    return int(text)


def _parse_float(text: str) -> float:
    if len(text) > MAX_NUMBER_CHARS:
        raise _Refused(translate("bounded", "it holds a number written with {count:,} characters (at most {limit} "
                                            "are read)").format(count=len(text), limit=MAX_NUMBER_CHARS))
    value = float(text)
    if not math.isfinite(value):
        raise _Refused(translate("bounded", "it holds the number {number}, too large for a computer float")
                       .format(number=clip(text, 40)))
    return value


def _parse_constant(text: str) -> float:
    raise _Refused(translate("bounded", "it holds {value}, which is not a number JSON allows").format(value=text))


def _depth_exceeds(value: Any, limit: int) -> bool:
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list)):
            if depth > limit:
                return True
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return False


def load_json(text: str | bytes, what: str, max_bytes: int = MAX_JSON_BYTES, max_depth: int = MAX_DEPTH,
              error: type[UserError] = InputLimitError) -> Any:
    """Parse JSON ``text`` within the limits above; ``what`` names it in messages ("The design ...").

    ``what`` is a translated noun phrase such as ``translate("spec", "the design")``.
    Raises ``error`` (an :class:`InputLimitError` by default) with one sentence.
    """
    size = len(text.encode("utf-8", "surrogatepass")) if isinstance(text, str) else len(text)
    if size > max_bytes:
        raise error(translate("bounded", "{what} is {size}, more than the {limit} this app reads; it cannot be a "
                                         "file the app wrote.").format(what=_cap(what), size=byte_size(size),
                                                                       limit=byte_size(max_bytes)))
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise error(translate("bounded", "{what} is not UTF-8 text (byte {position}).").format(
                what=_cap(what), position=exc.start)) from None
    try:
        data = json.loads(text, parse_int=_parse_int, parse_float=_parse_float, parse_constant=_parse_constant)
    except _Refused as exc:
        raise error(translate("bounded", "{what} cannot be read: {reason}.").format(what=_cap(what),
                                                                                   reason=exc.message)) from None
    except RecursionError:
        raise error(_too_deep(what, max_depth)) from None
    except json.JSONDecodeError as exc:
        raise error(translate("bounded", "{what} is not valid JSON (line {line}, column {column}: {error}).")
                    .format(what=_cap(what), line=exc.lineno, column=exc.colno, error=exc.msg)) from None
    except ValueError as exc:  # e.g. Python's own digit limit, should a number slip past the hooks
        raise error(translate("bounded", "{what} cannot be read: {reason}.").format(
            what=_cap(what), reason=clip(exc, 120))) from None
    if _depth_exceeds(data, max_depth):
        raise error(_too_deep(what, max_depth))
    return data


def _too_deep(what: str, limit: int) -> str:
    return translate("bounded", "{what} is nested more than {limit} levels deep; it cannot be a file the app "
                                "wrote.").format(what=_cap(what), limit=limit)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def read_json_file(path: str | Path, what: str, max_bytes: int = MAX_JSON_BYTES, max_depth: int = MAX_DEPTH,
                   error: type[UserError] = InputLimitError) -> Any:
    """Read and parse a JSON file within the limits; the size is checked before anything is read.

    A missing or unreadable file raises ``error`` naming it. ``what`` as in :func:`load_json`.
    """
    p = Path(path)
    name = short_path(p)
    try:
        data = read_capped(p, max_bytes)
    except FileTooLarge as exc:
        raise error(translate("bounded", "{what} {path} is {size}, more than the {limit} this app reads; it "
                                         "cannot be a file the app wrote.").format(
            what=_cap(what), path=name, size=byte_size(exc.size), limit=byte_size(max_bytes))) from None
    except FileNotFoundError:
        raise error(translate("bounded", "{what} {path} does not exist.").format(what=_cap(what), path=name)) \
            from None
    except IsADirectoryError:
        raise error(translate("bounded", "{what} {path} is a folder, not a file.").format(what=_cap(what),
                                                                                         path=name)) from None
    except OSError as exc:
        raise error(translate("bounded", "{what} {path} cannot be read ({reason}).").format(
            what=_cap(what), path=name, reason=exc.strerror or exc.__class__.__name__)) from None
    return load_json(data, f"{what} {name}", max_bytes, max_depth, error)
