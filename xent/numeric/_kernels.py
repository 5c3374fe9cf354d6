"""Accurate elementwise building blocks, in nats, on arrays already checked and widened.

Each kernel follows the library's conventions: a term with zero weight contributes exactly 0
(0 · log 0 = 0, 0 · ∞ = 0), NaN always propagates, and a non-negative quantity is computed as
a sum of non-negative terms so that it can never come out negative or as -0.0.
"""

from __future__ import annotations

import functools
from fractions import Fraction
from math import ceil, comb, log2
from typing import TYPE_CHECKING, Any

import numpy as np

from xent.numeric._chunks import Scratch, row_slices
from xent.numeric._compiled import compiled, exp_sums

if TYPE_CHECKING:
    from collections.abc import Callable

    from numpy.typing import NDArray

    from xent.numeric._validate import FloatArray


def widen(chunk: FloatArray) -> FloatArray:
    """Return a chunk in the working dtype, float64 (inputs are float16, float32 or float64)."""
    return np.asarray(chunk, dtype=np.float64)


# Where |v| < 1/2 (p and q within a factor 3) the series is used; there the terms of
# atanh(v) = v + v³/3 + v⁵/5 + ... fall by at least 4 each, so the number of terms needed to
# reach the unit roundoff is about half the number of bits of the mantissa.
_NEAR = 0.5


def _series_in_squares(x: FloatArray, coefficient: Callable[[int], int]) -> FloatArray:
    """Sum ``Σ_{j≥0} x^{2j} / coefficient(j)`` for |x| < 1/2, to the unit roundoff of x's dtype.

    The terms fall by at least 4 each, so about half as many as the mantissa has bits suffice.
    """
    terms = (np.finfo(x.dtype).nmant + 3) // 2
    one = x.dtype.type(1)
    squared = x * x
    total = np.full_like(x, one / coefficient(terms - 1))
    for j in reversed(range(terms - 1)):
        total = total * squared + one / coefficient(j)
    return total


@functools.cache
def _atanh_excess_coefficients(bits: int) -> tuple[float, ...]:
    """Coefficients in powers of s = w − 1/8 of a polynomial close to S(w) = Σ_j w^j/(2j+3).

    On 0 ≤ w ≤ 1/4 the polynomial is within 2^−(bits+3)·S(0) = 2^−(bits+3)/3 of S. Since
    S(w) = ∫₀¹ t²/(1 − w t²) dt, its k-th Taylor coefficient about w = 1/8 is
    a_k = Σ_{j≥k} C(j, k) 8^(k−j)/(2j + 3), and on |s| ≤ 1/8 the terms a_k sᵏ fall by a
    factor 7 or more (a_{k+1}/a_k < 8/7), from a_0 < 1/2: n of them, summed exactly as
    fractions, are off by less than (7/12)·7⁻ⁿ, which n = ⌈(bits + 8)/log₂ 7⌉ makes negligible.
    Written in the Chebyshev polynomials T_j(u) of u = 8s (each at most 1 in size there),
    the coefficients fall faster, by about 7 + √48 ≈ 13.9, so the trailing ones whose sizes
    sum to less than the target are dropped (economisation: 14 terms for float64, not the
    20 the Taylor series needs) and the rest turned back into powers of s. Everything is
    exact until each final coefficient is rounded.
    """
    eighth, count = Fraction(1, 8), ceil((bits + 8) / log2(7))
    in_u = [  # the Taylor coefficients of S as a polynomial in u: a_k / 8ᵏ
        sum(comb(j, k) * eighth ** (j - k) / (2 * j + 3) for j in range(k, k + 80)) * eighth**k
        for k in range(count)
    ]
    chebyshev = [Fraction(0)] * count
    # uᵏ = 2^(1−k) Σ_{i<k/2} C(k, i) T_(k−2i), plus 2^−k C(k, k/2) T_0 when k is even
    for k, coefficient in enumerate(in_u):
        for i in range(k // 2 + 1):
            halved = 2 * i == k  # the T_0 term
            share = Fraction(comb(k, i), 2 ** (k if halved else k - 1))
            chebyshev[k - 2 * i] += coefficient * share
    target, kept = Fraction(1, 3 * 2 ** (bits + 3)), count
    while kept > 1 and sum(map(abs, chebyshev[kept - 1 :])) < target:
        kept -= 1
    powers = [Fraction(0)] * kept  # Σ c_j T_j in powers of u, with T_(j+1) = 2u T_j − T_(j−1)
    previous, current = [Fraction(1)], [Fraction(0), Fraction(1)]
    for coefficient in chebyshev[:kept]:
        for i, value in enumerate(previous):
            powers[i] += coefficient * value
        following = [Fraction(0), *(2 * value for value in current)]
        for i, value in enumerate(previous):
            following[i] -= value
        previous, current = current, following
    return tuple(float(value / eighth**i) for i, value in enumerate(powers))


def _atanh_excess(v: FloatArray, precision: np.dtype[Any] | None, scratch: Scratch) -> FloatArray:
    """``(atanh(v) − v)/v³ = 1/3 + v²/5 + v⁴/7 + ...`` for |v| < 1/2, to the unit roundoff.

    The roundoff is that of ``precision`` (default v's dtype): a float32 result computed in
    float64 needs only its own 24 bits (two more are kept). The series in w = v² ∈ [0, 1/4]
    is replaced by a polynomial in w − 1/8 (see `_atanh_excess_coefficients`), of 14 terms for
    float64 instead of 27 about 0; elsewhere the result is finite and meaningless.
    """
    bits = np.finfo(v.dtype).nmant
    if precision is not None and np.finfo(precision).nmant < bits:
        bits = np.finfo(precision).nmant + 2
    coefficients = _atanh_excess_coefficients(bits)
    shifted = np.multiply(v, v, out=scratch.array("shifted", v.shape, v.dtype))
    shifted -= 0.125  # exact for w in [1/16, 1/4]
    total = scratch.array("series", v.shape, v.dtype)
    total.fill(coefficients[-1])
    for coefficient in reversed(coefficients[:-1]):
        np.multiply(total, shifted, out=total)
        np.add(total, coefficient, out=total)
    return total


def weighted(weight: FloatArray, value: FloatArray) -> FloatArray:
    """``weight · value``, where a zero weight gives 0 even for an infinite value (not NaN)."""
    with np.errstate(invalid="ignore"):
        product = weight * value
    return np.where((weight == 0) & ~np.isnan(value), 0.0, product)


def xlogy(x: FloatArray, y: FloatArray) -> FloatArray:
    """``x · ln y`` with 0 · ln y = 0 for every y that is not NaN (so 0 · ln 0 = 0)."""
    with np.errstate(divide="ignore"):
        return weighted(x, np.log(y))


def log1p_unit(x: FloatArray, scratch: Scratch | None = None) -> FloatArray:
    """``ln(1 + x)`` for float64 x in (−1, 1], as accurate as ``np.log1p``.

    ``q = 1 + x`` is rounded, but its rounding error ``e = x − (q − 1)`` is exact (Fast2Sum:
    |x| ≤ 1), so ln(1 + x) = ln q + ln(1 + e/q) = ln q + e/q up to (e/q)²/2, far below the
    unit roundoff. Where |x| < √ε, q − 1 can be twice x and ln q's rounding would count
    double: there ln(1 + x) = x − x²/2 to the unit roundoff. Against mpmath both this and
    ``log1p`` are within 1 ulp (tests). For x in (−1, 0], as in ln(1 − p), this is faster
    (glibc's ``log1p`` takes about 12 ns per float64 there, this 7); near 1 + x = 1 for
    positive x (softplus), glibc's ``log`` is slow and ``log1p`` is the faster one. In
    float32, NumPy's ``log`` is a SIMD approximation of up to 3.7 ulp: the kernels call this
    on chunks widened to float64. NaN propagates; x = −1 gives NaN (0/0), not −∞. The result
    is a buffer of ``scratch``.
    """
    scratch = scratch or Scratch()
    rounded = np.add(x, 1.0, out=scratch.array("log1p", x.shape, x.dtype))
    error = np.subtract(rounded, 1.0, out=scratch.array("log1p error", x.shape, x.dtype))
    np.subtract(x, error, out=error)
    with np.errstate(divide="ignore", invalid="ignore"):
        error /= rounded
        np.log(rounded, out=rounded)
    rounded += error
    small = np.less(np.abs(x, out=error), np.sqrt(np.finfo(x.dtype).eps))
    if small.any():
        tiny = x[small]
        rounded[small] = tiny - tiny * tiny / 2
    return rounded


def xlog1py(x: FloatArray, y: FloatArray) -> FloatArray:
    """``x · ln(1 + y)``, y in [−1, 1], with the same zero-weight convention as `xlogy`."""
    logs = np.where(y == -1, -np.inf, log1p_unit(y))
    return weighted(x, logs)


def relative_entropy_terms(
    p: FloatArray,
    q: FloatArray,
    precision: np.dtype[Any] | None = None,
    scratch: Scratch | None = None,
) -> FloatArray:
    """Return the terms ``p ln(p/q) − p + q`` of D_KL(P‖Q), each ≥ 0, accurate to a few ulp.

    Summed over two distributions, the added ``q − p`` total zero, so the sum is the KL
    divergence; but unlike ``p ln(p/q)`` each term is non-negative, so nearly equal
    distributions give a tiny positive divergence instead of a cancelled, possibly negative
    one. Where p and q are close (|p − q| < (p + q)/2) the term is evaluated from the series
    ``(p − q)·v + 2p·(v³/3 + v⁵/5 + ...)`` with ``v = (p − q)/(p + q)`` (Loader's ``bd0``);
    where p and q are within a factor 2, ``p − q`` is exact. Elsewhere the direct form loses
    at most a couple of bits to cancellation (measured against mpmath: at most 4.5 ulp).
    The series is summed to the roundoff of ``precision``, the dtype of the result. The
    result may be a buffer of ``scratch``.
    """
    scratch = scratch or Scratch()
    shape = np.broadcast_shapes(p.shape, q.shape)
    dtype = np.result_type(p, q)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore", under="ignore"):
        difference = np.subtract(p, q, out=scratch.array("difference", shape, dtype))
        v = np.add(p, q, out=scratch.array("v", shape, dtype))
        np.divide(difference, v, out=v)
        far = np.divide(p, q, out=scratch.array("far", shape, dtype))
        low, high = np.min(far), np.max(far)
        np.log(far, out=far)
        if not np.finfo(dtype).tiny <= low <= high < np.inf:
            # Where p/q overflows, underflows or is subnormal, ln p − ln q is exact enough:
            # the logarithms are then hundreds apart, so nothing cancels.
            ratio = p / q
            lost = ~np.isfinite(ratio) | (ratio < np.finfo(dtype).tiny)
            lost_p, lost_q = np.broadcast_to(p, shape), np.broadcast_to(q, shape)
            far[lost] = np.log(lost_p[lost]) - np.log(lost_q[lost])
        far *= p
        far -= difference  # p ln(p/q) − (p − q)
        # atanh(v) − v = v³ (1/3 + v²/5 + v⁴/7 + ...)
        near = _atanh_excess(v, precision, scratch)
        near *= v
        near *= v
        near *= v
        near *= p
        near *= 2
        near += np.multiply(difference, v, out=difference)
        if np.isfinite(np.sum(far)):  # select without branching: x·1 + y·0 is exactly x
            np.abs(v, out=v)
            near *= np.less(v, _NEAR, out=difference)
            far *= np.greater_equal(v, _NEAR, out=v)
            far += near
            return far
    terms = np.where(np.abs(v) < _NEAR, near, far)
    return np.where(p == 0, q, terms)


#: Jensen-Shannon terms with |p − q| < (p + q)/3 (p and q within a factor 2, so that p − q is
#: exact) are summed from their series; the others from `relative_entropy_terms`.
_JS_NEAR = 1 / 3


def jensen_shannon_terms(p: FloatArray, q: FloatArray) -> FloatArray:
    """Return the terms ``½ p ln(p/m) + ½ q ln(q/m)``, m = (p + q)/2, of JS(P, Q); each ≥ 0.

    With s = p + q and t = (p − q)/s the term is exactly (s/4)·f(t), where
    f(t) = (1 + t) ln(1 + t) + (1 − t) ln(1 − t) = t² + t⁴/6 + t⁶/15 + ... (all terms
    positive). Near t = 0 (|t| < 1/3, where p − q is exact) the series is summed, and the
    midpoint m is never formed, so its rounding cannot swamp a divergence of nearly equal
    distributions. Elsewhere f is a difference of terms of opposite signs that loses up to
    3 bits near |t| = 1/2, 1 − t would lose most of its digits where q ≪ p, and the
    rounding of p − q would count twice in t². There the term is the
    sum ½ b(p, m) + ½ b(q, m) of the non-negative terms b(x, m) = x ln(x/m) − x + m of
    `relative_entropy_terms` (the −x + m cancel between the two). The rounding of m counts
    only to second order: the sum is stationary in m at m = (p + q)/2, and its error,
    s·δ²/4 for m rounded by a factor 1 + δ, is far below the unit roundoff of the term.
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        total, difference = p + q, p - q
        t = difference / total
        # (s/4)·t² = (p − q)·t/4: the rounding of t counts once, not twice as in t·t
        near = difference * t * _series_in_squares(t, lambda j: (j + 1) * (2 * j + 1))
        near *= 0.25
        middle = total / 2
        far = relative_entropy_terms(p, middle, scratch=Scratch())
        far = far + relative_entropy_terms(q, middle, scratch=Scratch())
        far *= 0.5
    terms = np.where(np.abs(t) < _JS_NEAR, near, far)
    return np.where((p == 0) & (q == 0), 0.0, terms)


def softplus(x: FloatArray) -> FloatArray:
    """``ln(1 + eˣ)`` without overflow, exact for ±∞ and accurate when the result is tiny."""
    result: FloatArray = np.maximum(x, 0.0) + np.log1p(np.exp(-np.abs(x)))
    return result


#: Rows whose maximum is at most this, and whose other terms sum to at least
#: (classes · 2^−1015), take exp(z) unshifted: every term that matters is then a normal float
#: (subnormal ones add up to less than 2⁻⁵⁹ of the sum), and a sum of up to 10⁸ of them
#: cannot overflow.
_DIRECT_MAXIMUM = 690.0
_DIRECT_SMALLEST = 2.0**-1015
_DIRECT_CLASSES = 10**8
#: exp(z) is a normal float64 for z at least this.
_NORMAL_EXP = -708.0


def _shift(logits: FloatArray, maximum: FloatArray, out: FloatArray) -> FloatArray:
    """``d = z − max z`` into ``out``, with ``d = 0`` for entries equal to an infinite maximum.

    ``z − max z`` is NaN for z = max z = ±∞; for a finite maximum it is ±0.
    """
    with np.errstate(invalid="ignore", over="ignore"):  # inf − inf ties; 1e308 − (−1e308)
        np.subtract(logits, maximum, out=out, dtype=out.dtype)
        infinite = ~np.isfinite(maximum[:, 0])
        if infinite.any():
            equal = logits[infinite] == maximum[infinite]
            out[infinite] = np.where(equal, 0.0, out[infinite])
    return out


def _shifted_exps(logits: FloatArray, maximum: FloatArray) -> FloatArray:
    """``exp(z − max z)`` of float64 rows, with the rounding error of the subtraction restored.

    ``d = fl(z − m)`` is off by up to half an ulp of d, and exp turns that absolute error
    into a relative one: about 2⁻⁵⁴·|d|, hundreds of ulp for |d| near 700. The error
    ``e = (z − m) − d`` is exact (TwoSum, Knuth), and exp(d + e) = exp(d)·(1 + e) to far
    below the unit roundoff, since |e| < 2⁻⁴³. Where d or the inputs are infinite, e is 0.
    """
    shifted = _shift(logits, maximum, np.empty(logits.shape))
    with np.errstate(invalid="ignore"):  # TwoSum of infinities; those errors are set to 0
        part = shifted - logits  # the part of d that came from −m
        error = logits - (shifted - part)
        error -= part + maximum
    error[~np.isfinite(error)] = 0.0
    np.exp(shifted, out=shifted)
    error *= shifted
    shifted += error
    return shifted


def exp_rows(
    logits: FloatArray, *, scratch: Scratch, every_entry: bool = False
) -> tuple[FloatArray, NDArray[np.intp], FloatArray, FloatArray, FloatArray]:
    """Exponentials of a 2-D chunk of logits, each row in a scale of its own.

    Returns ``max z`` (rows, 1), the column of the first maximum of each row, a buffer ``e``
    of ``scratch`` with the terms of every entry but the first maximum (which holds 0), the
    term ``t`` of that maximum (rows, 1), and the sum ``σ`` of the others (rows, 1): so
    exp(z_j − max z) = e_j / t, and S = σ / t is the sum without the maximum's exact 1,
    left out so that a tiny S keeps its digits. Each is accurate to about an ulp: where
    every exp(z) that matters is a normal float (the usual case), e = exp(z) and
    t = exp(max z), so that no rounded argument is exponentiated; in other rows (a maximum
    above 690, infinite or NaN logits, or terms that underflow) e = exp(z − max z) with the
    subtraction's rounding error restored (`_shifted_exps`), and t = 1. With
    ``every_entry`` each e_j / t is accurate, not only S: a row whose maximum is negative is
    then also redone if some exp(z) is subnormal (exp(z − max z) may be normal; with a
    maximum ≥ 0 it is subnormal too).
    """
    count, classes = logits.shape
    rows, first = np.arange(count), np.argmax(logits, axis=-1)
    maximum = widen(logits[rows, first])[:, None]
    exps = scratch.array("exps", logits.shape)
    with np.errstate(over="ignore", invalid="ignore"):  # such rows are redone below
        np.exp(logits, out=exps, dtype=np.float64)
        top = exps[rows, first][:, None]
        exps[rows, first] = 0.0
        total = np.sum(exps, axis=-1, keepdims=True)
    smallest = classes * _DIRECT_SMALLEST
    # The usual chunk passes on two reductions of one number per row; only others are searched.
    direct = np.max(maximum) <= _DIRECT_MAXIMUM and np.min(total) >= smallest
    if direct and every_entry and np.min(maximum) < 0:
        direct = np.min(logits) >= _NORMAL_EXP
    if not direct or classes > _DIRECT_CLASSES:
        rows_direct = (maximum <= _DIRECT_MAXIMUM) & (total >= smallest) & (total < np.inf)
        if every_entry:
            low = np.min(logits, axis=-1, keepdims=True)
            rows_direct &= (maximum >= 0) | (low >= _NORMAL_EXP)
        redo = np.flatnonzero(~rows_direct[:, 0])
        if redo.size:
            z, highest = widen(logits[redo]), maximum[redo]
            if logits.dtype == np.float64:
                shifted = _shifted_exps(z, highest)
            else:  # z − max z is exact to far below the unit roundoff of the narrower dtype
                shifted = np.exp(_shift(z, highest, np.empty(z.shape)))
            shifted[np.arange(redo.size), first[redo]] = 0.0
            exps[redo] = shifted
            top[redo] = 1.0
            total[redo] = np.sum(shifted, axis=-1, keepdims=True)
    return maximum, first, exps, top, total


def max_shifted(
    logits: FloatArray, *, keep_shifted: bool = True, scratch: Scratch | None = None
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Split log-sum-exp of each row of a 2-D chunk into ``max z``, ``d = z − max z``, ``L``.

    ``L = ln Σ exp(d)`` is computed as ``log1p`` of the sum without one copy of the maximum
    (whose term is exactly 1), so a loss that is tiny because one logit dominates is not
    rounded to 0; the sum is that of `exp_rows`, accurate to about an ulp even where d is
    in the hundreds. Entries equal to the maximum get ``d = 0`` even when the maximum is
    infinite: several +∞ logits share the mass equally. A row of −∞ has no softmax: it gets
    ``max z = −∞`` (so log-sum-exp is −∞) and ``d = 0``, and the callers that need a softmax
    refuse it (`xent.numeric._softmax.softmax_shifted`). Returns ``max z`` and ``L`` with shape
    (rows, 1), and ``d`` with the chunk's shape, in float64 (so that ``d`` is exact for
    float32 logits). ``d`` is rounded, but only to half its own ulp: a quantity such as
    ``d − L`` or ``L − d`` (both terms of one sign) keeps its accuracy. Without
    ``keep_shifted``, d is not formed and the second value is a spent buffer. ``d`` is a
    buffer of ``scratch`` when one is given.
    """
    scratch = scratch or Scratch()
    if not keep_shifted and compiled(logits):
        return _max_shifted_compiled(logits, scratch)
    maximum, _, exps, top, total = exp_rows(logits, scratch=scratch)
    log_total = np.log1p(total / top)
    if not keep_shifted:
        return maximum, exps, log_total
    shifted = _shift(logits, maximum, scratch.array("shifted", logits.shape))
    return maximum, shifted, log_total


def _max_shifted_compiled(
    logits: FloatArray, scratch: Scratch
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """`max_shifted` without ``d`` on the compiled route; rows it flags are redone here."""
    highest, rest, redo = exp_sums(logits)
    maximum, log_total = widen(highest)[:, None], np.log1p(rest)[:, None]
    again = np.flatnonzero(redo)
    for part in row_slices(again.size, logits.shape[-1]):  # chunks of the usual size
        rows = again[part]
        maximum[rows], _, _, top, total = exp_rows(logits[rows], scratch=scratch)
        log_total[rows] = np.log1p(total / top)
    return maximum, scratch.array("exps", (0,)), log_total
