"""Units of information: the ``base`` argument that every function takes."""

from __future__ import annotations

import math
from typing import Any, TypeVar

import numpy as np
from numpy.typing import NDArray

#: The named units and the base of the logarithm each stands for.
NAMED_BASES: dict[str, float] = {"nats": math.e, "bits": 2.0, "bans": 10.0, "hartleys": 10.0}

Base = str | float

_T = TypeVar("_T", float, NDArray[np.floating[Any]])


def log_of_base(base: Base) -> float:
    """Return ln(base) for a valid ``base``, or raise an error naming it.

    Parameters
    ----------
    base : str or float
        ``"nats"``, ``"bits"``, ``"bans"``, ``"hartleys"``, or a finite number > 1. A base
        in (0, 1) would make every non-negative quantity negative (and zero −0.0), so it is
        rejected, like 1, 0, negative numbers, infinity and NaN.

    Returns
    -------
    float
        The natural logarithm of the base: the number of nats in one unit.

    Examples
    --------
    >>> log_of_base("bits")
    0.6931471805599453
    >>> log_of_base(10) == log_of_base("hartleys")
    True
    """
    if isinstance(base, str):
        if base not in NAMED_BASES:
            names = ", ".join(repr(name) for name in NAMED_BASES)
            raise ValueError(f"base must be one of {names} or a finite number > 1; got {base!r}")
        return 1.0 if base == "nats" else math.log(NAMED_BASES[base])
    if isinstance(base, (bool, np.bool_)) or not isinstance(
        base, (int, float, np.integer, np.floating)
    ):
        raise TypeError(f"base must be a unit name or a real number, got {type(base).__name__}")
    if isinstance(base, int) and base > 1:  # math.log takes ints too large for a float
        return math.log(base)
    value = float(base)
    if not value > 1 or not math.isfinite(value):  # NaN fails the first test
        raise ValueError(
            f"base must be a finite number > 1 (a base <= 1 would make information "
            f"negative or undefined), got {value!r}"
        )
    return math.log(value)


def from_nats(nats: _T, log_base: float) -> _T:
    """Express a value computed in nats in the unit whose ``ln(base)`` is ``log_base``.

    In a unit smaller than the nat (base < e), a value near the largest float may overflow:
    +inf is then the honest result, returned silently.
    """
    if log_base == 1.0:
        return nats
    with np.errstate(over="ignore"):
        return nats / log_base
