"""The stable building blocks: log-sum-exp, softmax and log-softmax."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from xent.numeric._chunks import Scratch, map_rows
from xent.numeric._compiled import compiled_itemsize
from xent.numeric._kernels import exp_rows, max_shifted
from xent.numeric._validate import (
    FloatArray,
    FloatOrArray,
    as_real_array,
    check_axis,
    floating_point_policy,
    output,
    position,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from numpy.typing import ArrayLike, NDArray


def logits_array(logits: ArrayLike, name: str, axis: int) -> tuple[FloatArray, int, np.dtype[Any]]:
    """Check ``logits`` (at least 1-d, real; ±inf and NaN allowed) and ``axis``.

    The array keeps its dtype: the kernels widen it chunk by chunk.
    """
    array = as_real_array(logits, name)
    if array.ndim == 0:
        raise ValueError(f"{name} must have at least one dimension (the classes along axis)")
    index = check_axis(axis, array.ndim, name)
    return array, index, array.dtype


class NoSoftmaxError(Exception):
    """Raised by a row kernel whose chunk holds a row of logits that are all −inf.

    The kernel does not know where its chunk lies; `rows_with_softmax` catches this and
    names the row.
    """


def softmax_shifted(
    logits: FloatArray, *, keep_shifted: bool = True, scratch: Scratch | None = None
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """`max_shifted` for a softmax: refuse a row of all −inf logits, which has none.

    The check costs one comparison per row: only a row whose maximum is −inf is all −inf.
    """
    maximum, shifted, log_total = max_shifted(logits, keep_shifted=keep_shifted, scratch=scratch)
    if np.isneginf(maximum).any():
        raise NoSoftmaxError
    return maximum, shifted, log_total


def rows_with_softmax(
    kernel: Callable[..., FloatArray],
    arrays: list[FloatArray],
    axis: int,
    *,
    kept: NDArray[np.bool_] | None = None,
    **options: Any,
) -> FloatArray:
    """`map_rows` of a kernel that uses `softmax_shifted`: a row of all −inf logits raises.

    The logits are ``arrays[0]``. The ValueError names the first such row among the ``kept``
    rows (default all); rows that are not kept (ignored targets) may be all −inf: they are
    given logits 0 instead, and the caller discards their values.
    """
    try:
        return map_rows(kernel, arrays, axis, **options)
    except NoSoftmaxError:
        logits = arrays[0]
        empty = np.max(logits, axis=axis) == -np.inf
        bad = empty if kept is None else empty & kept
        if bad.any():
            row = f" row {position(bad)}" if bad.ndim else ""
            message = f"logits{row} is all -inf; it has no softmax (its logsumexp is -inf)"
            raise ValueError(message) from None
        finite = np.where(np.expand_dims(empty, axis), 0.0, logits)
        return map_rows(kernel, [finite, *arrays[1:]], axis, **options)


def _logsumexp_rows(logits: FloatArray, *, scratch: Scratch) -> FloatArray:
    maximum, _, log_total = max_shifted(logits, keep_shifted=False, scratch=scratch)
    return (maximum + log_total)[:, 0]


def _log_softmax_rows(logits: FloatArray, *, scratch: Scratch) -> FloatArray:
    _, shifted, log_total = softmax_shifted(logits, scratch=scratch)
    shifted -= log_total
    return shifted


def _softmax_rows(logits: FloatArray, *, scratch: Scratch) -> FloatArray:
    """Each term of `exp_rows` divided by the sum of the row's terms: a few ulp per entry.

    ``exp(z − logsumexp z)`` would exponentiate the rounding error of its argument, which
    grows with the spread of the logits (hundreds of ulp for logits hundreds apart).
    """
    maximum, first, exps, top, total = exp_rows(logits, scratch=scratch, every_entry=True)
    if np.isneginf(maximum).any():
        raise NoSoftmaxError
    total += top
    exps /= total
    exps[np.arange(len(first)), first] = (top / total)[:, 0]
    return exps


@floating_point_policy
def logsumexp(x: ArrayLike, *, axis: int = -1) -> FloatOrArray:
    r"""Log of the sum of exponentials along ``axis``, without overflow or lost digits.

    Parameters
    ----------
    x : array_like
        Real numbers; ±inf are allowed, NaN propagates.
    axis : int, default -1
        The axis to sum over.

    Returns
    -------
    float or ndarray
        ``log Σ exp(x)`` with ``axis`` removed: +inf if any entry is +inf, −inf if all are −inf.

    Raises
    ------
    ValueError
        If ``x`` is empty or a scalar, or ``axis`` is out of range.
    TypeError
        If ``x`` is not an array of real numbers or ``axis`` is not an integer.

    Notes
    -----
    $$
    \operatorname{LSE}(x) = m + \log\Big(1 + \sum_{i \ne i^*} e^{x_i - m}\Big),
    \qquad m = x_{i^*} = \max_i x_i
    $$

    Shifting by the maximum prevents overflow; summing the other terms before adding the 1
    (with ``log1p``) keeps their contribution when it is far below the unit roundoff.

    Accuracy: within 4 ulp of the exact value in float64 and 1 ulp in float32 (2 on the
    compiled route, `single_precision_route`) for logits of any spread (checked against
    mpmath). On the NumPy route float32 is computed in float64 and rounded once; on the
    compiled route float32 exponentials are summed in float64. The exception is where m < 0
    and the result is near 0: m and the logarithm then cancel, and the error is within the
    bound in ulp of the logarithm, not of the result.

    Examples
    --------
    >>> from xent import logsumexp
    >>> logsumexp([1000.0, 0.0])
    1000.0
    >>> logsumexp([0.0, 0.0], axis=0)
    0.6931471805599453
    >>> logsumexp([0.0, -40.0]) > 0
    True
    """
    array, index, dtype = logits_array(x, "x", axis)
    rows = map_rows(_logsumexp_rows, [array], index, itemsize=compiled_itemsize(array, index))
    return output(rows, dtype)


@floating_point_policy
def log_softmax(logits: ArrayLike, *, axis: int = -1) -> FloatArray:
    r"""Logarithm of the softmax along ``axis``, computed without forming the softmax.

    Parameters
    ----------
    logits : array_like
        Real scores; ±inf allowed.
    axis : int, default -1
        The axis of classes.

    Returns
    -------
    ndarray
        ``z − logsumexp(z)``, same shape as ``logits``; every entry ≤ 0.

    Raises
    ------
    ValueError
        If ``logits`` is empty or a scalar, ``axis`` is out of range, or a row is all −inf
        (it has no softmax; the error names the row).
    TypeError
        If ``logits`` is not an array of real numbers or ``axis`` is not an integer.

    Notes
    -----
    $$
    \log \operatorname{softmax}(z)_k = z_k - \log \sum_j e^{z_j}
    $$

    A +inf logit takes all the probability (several share it equally); a −inf logit gets
    log-probability −inf, never NaN.

    Accuracy: within 4 ulp of the exact value in float64 and 1 ulp in float32 (float32 is
    computed in float64 and rounded once) for logits of any spread (checked against mpmath).

    Examples
    --------
    >>> from xent import log_softmax
    >>> log_softmax([1000.0, 0.0])
    array([    0., -1000.])
    >>> log_softmax([0.0, float("inf")])
    array([-inf,   0.])
    """
    array, index, dtype = logits_array(logits, "logits", axis)
    return rows_with_softmax(_log_softmax_rows, [array], index, dtype=dtype)


@floating_point_policy
def softmax(logits: ArrayLike, *, axis: int = -1) -> FloatArray:
    r"""Softmax along ``axis``: turns real scores into a probability distribution.

    Parameters
    ----------
    logits : array_like
        Real scores; ±inf allowed.
    axis : int, default -1
        The axis of classes.

    Returns
    -------
    ndarray
        Non-negative values summing to 1 along ``axis``; same shape as ``logits``.

    Raises
    ------
    ValueError
        If ``logits`` is empty or a scalar, ``axis`` is out of range, or a row is all −inf
        (it has no softmax; the error names the row).
    TypeError
        If ``logits`` is not an array of real numbers or ``axis`` is not an integer.

    Notes
    -----
    $$
    \operatorname{softmax}(z)_k = \frac{e^{z_k}}{\sum_j e^{z_j}}
    = \frac{e^{z_k - m}}{\sum_j e^{z_j - m}}, \qquad m = \max_j z_j
    $$

    Subtracting the maximum changes nothing mathematically and keeps ``exp`` from
    overflowing: the naive formula gives NaN for logits [1000, 0].

    Accuracy: each entry is a quotient of exponentials whose arguments are exact (the
    rounding error of z − m, which exp would amplify to hundreds of ulp for logits hundreds
    apart, is carried exactly where the shift is needed), within 4 ulp of the exact value in
    float64 and 1 ulp in float32 (float32 is computed in float64 and rounded once) for
    logits of any spread (checked against mpmath).

    Examples
    --------
    >>> from xent import softmax
    >>> softmax([2.0, 1.0, 0.1]).round(5)
    array([0.659  , 0.24243, 0.09857])
    >>> softmax([1000.0, 0.0])
    array([1., 0.])
    """
    array, index, dtype = logits_array(logits, "logits", axis)
    return rows_with_softmax(_softmax_rows, [array], index, dtype=dtype)
