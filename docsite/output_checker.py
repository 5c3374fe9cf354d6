"""Comparing an example's output with what it shows, the same on every CPU.

NumPy chooses its SIMD ``exp`` and ``log`` kernels per CPU when it is imported (AVX-512,
AVX2 or the SSE baseline), so the last bits of a float64 result can differ from machine to
machine, all within xent's accuracy contract. A shown ``repr`` of 17 significant digits is
therefore a claim about one CPU. The rule used for every example (docstrings, the README and
the site's pages) is:

- everything that is not a decimal number must match exactly (integers, ``inf`` and ``nan``
  included, and the sign in front of a number);
- a decimal number (one with a point or an exponent) written in full, as a float64 ``repr``
  with `FULL_REPR_DIGITS` or more significant digits, on either side, must lie within
  `CONTRACT_ULPS` units in the last place of the float64 value wanted, which is the accuracy
  the numerical contract guarantees and no wider;
- any other decimal number is a rounded claim (``f"{x:.5f}"``, ``round(x, 5)``) and must match
  as written, digit for digit: ``0.50`` is not ``0.5``, so a changed format shows.

Float32 results are not covered by the float64 tolerance; examples print them rounded.
"""

from __future__ import annotations

import doctest
import math
import re

__all__ = ["CONTRACT_ULPS", "DECIMAL", "FULL_REPR_DIGITS", "ContractChecker", "significant_digits"]

#: The accuracy of xent's float64 results, in units in the last place (`xent.ACCURACY_ULPS`).
CONTRACT_ULPS = 4

#: A float64 ``repr`` with this many significant digits or more carries the last bits of the
#: value (up to 17 are needed); one with fewer was rounded on purpose.
FULL_REPR_DIGITS = 16

#: A decimal number in printed output: digits with a point or an exponent, not part of a name.
DECIMAL = re.compile(r"(?<![\w.])(?:\d+\.\d*|\.\d+|\d+(?=[eE]))(?:[eE][-+]?\d+)?(?![\w.])")


def significant_digits(number: str) -> int:
    """Return how many significant digits a written decimal number has.

    Examples
    --------
    >>> significant_digits("0.35667494393873245"), significant_digits("1.50e-18")
    (17, 3)
    """
    mantissa = re.split("[eE]", number)[0].replace(".", "").lstrip("0")
    return max(len(mantissa), 1)


def _within_contract(wanted: str, printed: str) -> bool:
    if wanted == printed:
        return True
    if max(significant_digits(wanted), significant_digits(printed)) < FULL_REPR_DIGITS:
        return False
    want, got = float(wanted), float(printed)
    if not (math.isfinite(want) and math.isfinite(got)):
        return False
    return abs(got - want) <= CONTRACT_ULPS * math.ulp(want)


class ContractChecker(doctest.OutputChecker):
    r"""An output checker that compares decimal numbers to within the accuracy contract.

    Examples
    --------
    >>> checker = ContractChecker()
    >>> checker.check_output("0.19274475702175745\n", "0.1927447570217575\n", 0)
    True
    >>> checker.check_output("0.1927\n", "0.1928\n", 0)
    False
    >>> checker.check_output("0.5\n", "0.50\n", 0)
    False
    >>> checker.check_output("(2.375, 3)\n", "(2.3750000000000004, 3)\n", 0)
    True
    >>> checker.check_output("(2.375, 3)\n", "(2.375, 4)\n", 0)
    False
    """

    def check_output(self, want: str, got: str, optionflags: int) -> bool:
        """Whether ``got`` matches ``want`` exactly, numbers aside, and each number is close."""
        if super().check_output(want, got, optionflags):
            return True
        wanted, printed = DECIMAL.findall(want), DECIMAL.findall(got)
        if len(wanted) != len(printed):
            return False
        skeleton_matches = super().check_output(
            DECIMAL.sub("#", want), DECIMAL.sub("#", got), optionflags
        )
        return skeleton_matches and all(
            _within_contract(w, g) for w, g in zip(wanted, printed, strict=True)
        )
