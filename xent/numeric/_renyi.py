"""Rényi entropy: the family of entropies of order α that contains Shannon's at α = 1."""

from __future__ import annotations

import math
import numbers
from functools import partial
from typing import TYPE_CHECKING

import numpy as np

from xent.numeric._chunks import Scratch, map_rows
from xent.numeric._entropy import _entropy_rows
from xent.numeric._units import Base, from_nats, log_of_base
from xent.numeric._validate import (
    ChunkCheck,
    FloatArray,
    FloatOrArray,
    distributions,
    floating_point_policy,
    output,
)

if TYPE_CHECKING:
    from numpy.typing import ArrayLike

#: Below this sum Σ p^α the logarithm is taken of the sum itself rather than by ``log1p`` of
#: the sum minus one, which would lose the sum's digits (only for α > 1).
_SMALL_SUM = 0.5
#: Below this sum Σ p^α would be near float64's underflow: it is scaled by the largest term.
_TINY_SUM = 1e-280


def check_order(alpha: object) -> float:
    """Return the order ``alpha`` as a float if it is a real number ≥ 0 (inf allowed)."""
    if isinstance(alpha, (bool, np.bool_)) or not isinstance(alpha, numbers.Real):
        raise TypeError(f"alpha must be a real number >= 0, got {type(alpha).__name__}")
    value = float(alpha)
    if not value >= 0:  # NaN fails too
        raise ValueError(f"alpha must be a real number >= 0 (or inf), got {value!r}")
    return value


def _power_sum_log(x: FloatArray, alpha: float) -> FloatArray:
    """Return ln Σ p^α of each row, for α ∉ {0, 1, inf}, without cancellation near α = 1.

    With t = α − 1, Σ p^α = 1 + Σ p·(p^t − 1): each term p·(p^t − 1) has the sign of −t,
    so the sum S′ of the terms is computed without cancellation, each term by ``expm1`` where
    |t ln p| ≤ 1 (and as p^α − p, which then cannot cancel much, elsewhere), and ln Σ p^α is
    ``log1p(S′)``. Where Σ p^α < 1/2 (α > 1), ``log1p`` would lose the digits of the small
    sum, which is then summed directly from the powers, scaled by the largest if it is tiny.
    """
    t = alpha - 1.0
    positive = x > 0
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        logs = np.where(positive, np.log(np.where(positive, x, 1.0)), 0.0)
        u = t * logs
        powers = np.where(positive, np.power(x, alpha), 0.0)
        terms = np.where(np.abs(u) <= 1.0, x * np.expm1(u), powers - x)
        excess = np.sum(terms, axis=-1)  # Σ p^α − 1, every term of one sign
        result = np.log1p(excess)
        small = excess < _SMALL_SUM - 1.0
        if small.any():
            sums = np.sum(powers[small], axis=-1)
            result[small] = np.log(sums)
            tiny = sums < _TINY_SUM
            if tiny.any():
                rows = logs[small][tiny]
                rows = np.where(positive[small][tiny], rows, -np.inf)
                top = np.max(rows, axis=-1, keepdims=True)
                scaled = np.sum(np.exp(alpha * (rows - top)), axis=-1)
                result[np.flatnonzero(small)[tiny]] = alpha * top[:, 0] + np.log(scaled)
    out: FloatArray = result
    return out


def _renyi_rows(p: FloatArray, *, alpha: float, check: ChunkCheck, scratch: Scratch) -> FloatArray:
    """H_α(P) in nats of each row of a chunk of distributions."""
    if alpha == 1.0:
        return _entropy_rows(p, check=check, scratch=scratch)
    x = scratch.widen("p", p)
    (sums,) = check(x)
    if alpha == 0.0:
        nats: FloatArray = np.log(np.count_nonzero(x > 0, axis=-1).astype(np.float64))
    elif math.isinf(alpha):
        nats = 0.0 - np.log(np.max(x, axis=-1))
    else:
        nats = _power_sum_log(x, alpha) / (1.0 - alpha)
    nats = np.maximum(nats, 0.0)  # never −0.0; a rounding below 0 of a zero entropy is 0
    nats[np.isnan(sums)] = np.nan
    return nats


@floating_point_policy
def renyi_entropy(
    p: ArrayLike, alpha: float, *, axis: int = -1, base: Base = "nats"
) -> FloatOrArray:
    r"""Rényi entropy H_α(P) of order ``alpha`` of each distribution along ``axis``.

    Parameters
    ----------
    p : array_like
        Probabilities; each slice along ``axis`` must sum to 1 (within the square root of the
        dtype's machine epsilon). Nothing is normalised.
    alpha : float
        The order α ≥ 0; ``math.inf`` gives the min-entropy.
    axis : int, default -1
        The axis along which the outcomes lie.
    base : {"nats", "bits", "bans", "hartleys"} or float, default "nats"
        Unit of the result, or the base of the logarithm.

    Returns
    -------
    float or ndarray
        H_α(P) ≥ 0, with ``axis`` removed; a float for a single distribution.

    Raises
    ------
    ValueError
        If ``alpha`` is negative or NaN, an entry of ``p`` is outside [0, 1], a row does not
        sum to 1, ``p`` is empty or a scalar, ``axis`` is out of range, or ``base`` is not a
        valid unit.
    TypeError
        If ``alpha`` is not a real number, ``p`` is not an array of real numbers or ``axis``
        is not an integer.

    See Also
    --------
    entropy

    Notes
    -----
    $$
    H_\alpha(P) = \frac{1}{1 - \alpha} \log_b \sum_x P(x)^\alpha
    $$

    for α ≠ 1, and its limits elsewhere [1]: at α = 1 the Shannon entropy
    −Σ P(x) log P(x) (`entropy`), at α = 0 the logarithm of the number of outcomes of
    nonzero probability (the support; 0⁰ counts as 0 here), at α = ∞ the min-entropy
    −log max P(x). α = 2 gives the collision entropy −log Σ P(x)², minus the logarithm of
    the probability that two independent draws agree. H_α(P) does not increase with α and
    is log_b n for every α when P is uniform over n outcomes. NaN entries propagate to their
    row's result.

    Near α = 1 the formula is 0/0; it is evaluated as ``log1p(S′)/(1 − α)`` with
    S′ = Σ P(x)·expm1((α − 1) ln P(x)), whose terms all have one sign, so nothing cancels
    and the result tends smoothly to the Shannon entropy.

    Accuracy: within 4 ulp of the exact value in float64 and 1 ulp in float32 (float32 is
    computed in float64 and rounded once), on hostile inputs and orders (near 1, near 0,
    large) checked against mpmath.

    References
    ----------
    [1] A. Rényi, "On measures of entropy and information", Proceedings of the Fourth
       Berkeley Symposium on Mathematical Statistics and Probability 1 (1961), pp. 547-561.

    Examples
    --------
    >>> from xent import renyi_entropy
    >>> p = [1/2, 1/4, 1/8, 1/8]
    >>> renyi_entropy(p, 0, base="bits"), renyi_entropy(p, 1, base="bits")
    (2.0, 1.75)
    >>> round(renyi_entropy(p, 2, base="bits"), 6)
    1.540568
    >>> renyi_entropy(p, float("inf"), base="bits")
    1.0

    Close to α = 1 the value is close to the Shannon entropy, not lost to cancellation:

    >>> abs(renyi_entropy(p, 1 + 1e-12, base="bits") - 1.75) < 1e-11
    True
    """
    order = check_order(alpha)
    log_base = log_of_base(base)
    (array,), index, dtype, check = distributions({"p": p}, axis)
    nats = map_rows(partial(_renyi_rows, alpha=order, check=check), [array], index)
    return output(from_nats(nats, log_base), dtype)
