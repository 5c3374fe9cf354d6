"""Numbers written in prose: finding them, and checking one against a computed value.

A number is checked at the precision it is written with: ``0.36`` claims that the value
rounds to 0.36 at two decimals, ``1.2e-18`` that it rounds to 1.2e-18 at two significant
digits, ``50,257`` that it is 50257. A minus sign (``-`` or ``−``) is part of the number.
"""

from __future__ import annotations

import math
import re
from numbers import Real

__all__ = ["NUMBER", "format_like", "matches"]

#: A number in prose: optional sign, digits (with thousands separators), decimals, exponent,
#: percent sign. It may not continue a word or another number ("log2", "v1.2" are not numbers).
NUMBER = re.compile(
    r"(?<![\w.,])(?P<sign>[−-])?"
    r"(?P<digits>\d{1,3}(?:,\d{3})+(?![\d.])|\d+(?:\.\d+)?|\.\d+)"
    r"(?:[eE](?P<exponent>[−+-]?\d+))?(?P<percent>%)?(?![\w])"
)


def _plain(text: str) -> str:
    return text.replace("−", "-").replace(",", "").rstrip("%")


def format_like(value: float, written: str) -> str:
    """Format ``value`` with the precision and style of the ``written`` number.

    Examples
    --------
    >>> format_like(0.35667494393873245, "0.36"), format_like(2.0e-18, "2.00e-18")
    ('0.36', '2.00e-18')
    >>> format_like(50257, "50,257"), format_like(-0.6931471805599453, "−0.69315")
    ('50,257', '−0.69315')
    """
    match = NUMBER.fullmatch(written)
    if match is None:
        raise ValueError(f"{written!r} is not a number")
    digits = match["digits"]
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    if match["exponent"] is not None:
        text = f"{value:.{decimals}e}"
        mantissa, exponent = text.split("e")
        text = f"{mantissa}e{int(exponent)}"
    elif "," in digits:
        text = f"{value:,.{decimals}f}"
    else:
        text = f"{value:.{decimals}f}"
    if text.startswith("-"):
        text = ("−" if "−" in written else "-") + text[1:]
    return text + ("%" if match["percent"] else "")


def matches(value: object, written: str) -> bool:
    """Whether a computed ``value`` rounds to the ``written`` number at its precision.

    Examples
    --------
    >>> matches(0.35667494393873245, "0.36"), matches(0.35667494393873245, "0.35")
    (True, False)
    >>> matches(float("inf"), "0.5"), matches("0.5", "0.5")
    (False, False)
    """
    if isinstance(value, bool) or not isinstance(value, Real):
        return False
    number = float(value)
    if not math.isfinite(number):
        return False
    return _plain(format_like(number, written)) == _plain(written)
