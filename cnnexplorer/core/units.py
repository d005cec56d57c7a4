"""Sizes written for people: the one way the app shows a number of bytes."""
from __future__ import annotations

from cnnexplorer.core.i18n import translate

_UNITS = ("KB", "MB", "GB", "TB")


def byte_size(n: float) -> str:
    """A byte count in decimal units (as disks and file managers count), about three digits shown.

    ``532`` -> "532 bytes", ``84_213_000`` -> "84.2 MB", ``1_500_000_000`` -> "1.5 GB", ``512e9`` -> "512 GB".
    The unit is picked after rounding, so 999,960 bytes is "1.0 MB", never "1,000 KB".
    """
    if n < 1000:
        return translate("units", "{count} bytes").format(count=int(n))
    value, unit = n / 1000, 0
    while value >= 999.5 and unit < len(_UNITS) - 1:
        value, unit = value / 1000, unit + 1
    return f"{value:.1f} {_UNITS[unit]}" if value < 99.95 else f"{value:,.0f} {_UNITS[unit]}"
