"""Comparing an example's output with what it shows, the same on every CPU.

NumPy chooses its SIMD ``exp`` and ``log`` kernels per CPU when it is imported (AVX-512,
AVX2 or the SSE baseline), so the last bits of a float64 result can differ from machine to
machine, all within xent's accuracy contract. A shown ``repr`` of 17 significant digits is
therefore a claim about one CPU. The rule used for every example (docstrings, the README and
the site's pages) is:

- everything that is not a decimal number must match exactly (integers, ``inf`` and ``nan``
  included, and the sign in front of a number);
- each decimal number (one with a point or an exponent) must lie within `CONTRACT_ULPS` units
  in the last place of the float64 value written, which is the accuracy the numerical
  contract guarantees and no wider.

A number written with at most 15 significant digits is a rounded claim: any change of one of
its digits moves it by more than `CONTRACT_ULPS` ulp, so it is in effect compared exactly.
Float32 results are not covered by the float64 tolerance; examples print them rounded.
"""

from __future__ import annotations

import doctest
import math
import re

__all__ = ["CONTRACT_ULPS", "DECIMAL", "ContractChecker", "significant_digits"]

#: The accuracy of xent's float64 results, in units in the last place (numeric.md: "a few ulp").
CONTRACT_ULPS = 4

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


def _within_contract(want: float, got: float) -> bool:
    if want == got:
        return True
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
            _within_contract(float(w), float(g)) for w, g in zip(wanted, printed, strict=True)
        )
