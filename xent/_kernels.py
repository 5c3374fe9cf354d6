"""Accurate elementwise building blocks, in nats, on arrays already checked and widened.

Each kernel follows the library's conventions: a term with zero weight contributes exactly 0
(0 · log 0 = 0, 0 · ∞ = 0), NaN always propagates, and a non-negative quantity is computed as
a sum of non-negative terms so that it can never come out negative or as -0.0.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.floating[Any]]

# Where |v| < 1/2 (p and q within a factor 3) the series is used; there the terms of
# atanh(v) = v + v³/3 + v⁵/5 + ... fall by at least 4 each, so the number of terms needed to
# reach the unit roundoff is about half the number of bits of the mantissa.
_NEAR = 0.5


def _atanh_coefficients(dtype: np.dtype[Any]) -> list[np.floating[Any]]:
    """Return the coefficients 1/3, 1/5, 1/7, ... of the series, as many as ``dtype`` needs."""
    terms = (np.finfo(dtype).nmant + 3) // 2
    one = dtype.type(1)
    return [one / (2 * j + 3) for j in range(terms)]


def weighted(weight: FloatArray, value: FloatArray) -> FloatArray:
    """``weight · value``, where a zero weight gives 0 even for an infinite value (not NaN)."""
    with np.errstate(invalid="ignore"):
        product = weight * value
    return np.where((weight == 0) & ~np.isnan(value), 0.0, product)


def xlogy(x: FloatArray, y: FloatArray) -> FloatArray:
    """``x · ln y`` with 0 · ln y = 0 for every y that is not NaN (so 0 · ln 0 = 0)."""
    with np.errstate(divide="ignore"):
        return weighted(x, np.log(y))


def xlog1py(x: FloatArray, y: FloatArray) -> FloatArray:
    """``x · ln(1 + y)`` with the same zero-weight convention, accurate for small ``y``."""
    with np.errstate(divide="ignore"):
        return weighted(x, np.log1p(y))


def relative_entropy_terms(p: FloatArray, q: FloatArray) -> FloatArray:
    """Return the terms ``p ln(p/q) − p + q`` of D_KL(P‖Q), each ≥ 0, accurate to a few ulp.

    Summed over two distributions, the added ``q − p`` total zero, so the sum is the KL
    divergence; but unlike ``p ln(p/q)`` each term is non-negative, so nearly equal
    distributions give a tiny positive divergence instead of a cancelled, possibly negative
    one. Where p and q are close (|p − q| < (p + q)/2) the term is evaluated from the series
    ``(p − q)·v + 2p·(v³/3 + v⁵/5 + ...)`` with ``v = (p − q)/(p + q)`` (Loader's ``bd0``);
    where p and q are within a factor 2, ``p − q`` is exact. Elsewhere the direct form loses
    at most a couple of bits to cancellation (measured against mpmath: at most 4.5 ulp).
    """
    with np.errstate(divide="ignore", invalid="ignore", over="ignore", under="ignore"):
        difference = p - q
        v = difference / (p + q)
        ratio = p / q
        log_ratio = np.log(ratio)
        # Where p/q overflows, underflows or is subnormal, ln p − ln q is exact enough: the
        # logarithms are then hundreds apart, so nothing cancels.
        lost = ~np.isfinite(log_ratio) | (ratio < np.finfo(ratio.dtype).tiny)
        log_ratio = np.where(lost, np.log(p) - np.log(q), log_ratio)
        far = p * log_ratio - difference
        v_squared = v * v
        *rest, last = _atanh_coefficients(v.dtype)
        series = np.full_like(v, last)
        for coefficient in reversed(rest):
            series = series * v_squared + coefficient
        near = difference * v + 2 * p * v * v_squared * series
    terms = np.where(np.abs(v) < _NEAR, near, far)
    return np.where(p == 0, q, terms)


def softplus(x: FloatArray) -> FloatArray:
    """``ln(1 + eˣ)`` without overflow, exact for ±∞ and accurate when the result is tiny."""
    result: FloatArray = np.maximum(x, 0.0) + np.log1p(np.exp(-np.abs(x)))
    return result


def max_shifted(logits: FloatArray, axis: int) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Split log-sum-exp into ``max z``, ``d = z − max z`` and ``L = ln Σ exp(d)``.

    ``L`` is computed as ``log1p`` of the sum without one copy of the maximum (whose term is
    exactly 1), so a loss that is tiny because one logit dominates is not rounded to 0.
    Entries equal to the maximum get ``d = 0`` even when the maximum is infinite: several +∞
    logits share the mass equally, and a row of −∞ is the limit of equal logits (uniform).
    Returns ``max z``, ``d`` (the shape of ``logits``) and ``L``; ``max z`` and ``L`` keep
    ``axis`` with length 1.
    """
    maximum = np.max(logits, axis=axis, keepdims=True)
    with np.errstate(invalid="ignore"):
        shifted = np.where(logits == maximum, 0.0, logits - maximum)
    exps = np.exp(shifted)
    first_maximum = np.argmax(logits, axis=axis, keepdims=True)
    np.put_along_axis(exps, first_maximum, 0.0, axis=axis)
    log_total = np.log1p(np.sum(exps, axis=axis, keepdims=True))
    return maximum, shifted, log_total
