"""The stable building blocks: log-sum-exp, softmax and log-softmax."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from xent._chunks import Scratch, map_rows
from xent._kernels import max_shifted
from xent._validate import FloatArray, FloatOrArray, as_real_array, check_axis, output

if TYPE_CHECKING:
    from numpy.typing import ArrayLike


def logits_array(logits: ArrayLike, name: str, axis: int) -> tuple[FloatArray, int, np.dtype[Any]]:
    """Check ``logits`` (at least 1-d, real; ±inf and NaN allowed) and ``axis``.

    The array keeps its dtype: the kernels widen it chunk by chunk.
    """
    array = as_real_array(logits, name)
    if array.ndim == 0:
        raise ValueError(f"{name} must have at least one dimension (the classes along axis)")
    index = check_axis(axis, array.ndim, name)
    return array, index, array.dtype


def _logsumexp_rows(logits: FloatArray, *, scratch: Scratch) -> FloatArray:
    maximum, _, log_total = max_shifted(logits, keep_shifted=False, scratch=scratch)
    return (maximum + log_total)[:, 0]


def _log_softmax_rows(logits: FloatArray, *, scratch: Scratch) -> FloatArray:
    _, shifted, log_total = max_shifted(logits, scratch=scratch)
    shifted -= log_total
    return shifted


def _softmax_rows(logits: FloatArray, *, scratch: Scratch) -> FloatArray:
    _, shifted, log_total = max_shifted(logits, scratch=scratch)
    shifted -= log_total
    return np.exp(shifted, out=shifted)


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
    return output(map_rows(_logsumexp_rows, [array], index), dtype)


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
        If ``logits`` is empty or a scalar, or ``axis`` is out of range.
    TypeError
        If ``logits`` is not an array of real numbers or ``axis`` is not an integer.

    Notes
    -----
    $$
    \log \operatorname{softmax}(z)_k = z_k - \log \sum_j e^{z_j}
    $$

    A +inf logit takes all the probability (several share it equally); a −inf logit gets
    log-probability −inf, never NaN.

    Examples
    --------
    >>> from xent import log_softmax
    >>> log_softmax([1000.0, 0.0])
    array([    0., -1000.])
    >>> log_softmax([0.0, float("inf")])
    array([-inf,   0.])
    """
    array, index, dtype = logits_array(logits, "logits", axis)
    return map_rows(_log_softmax_rows, [array], index, dtype=dtype)


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
        If ``logits`` is empty or a scalar, or ``axis`` is out of range.
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

    Examples
    --------
    >>> from xent import softmax
    >>> softmax([2.0, 1.0, 0.1]).round(5)
    array([0.659  , 0.24243, 0.09857])
    >>> softmax([1000.0, 0.0])
    array([1., 0.])
    """
    array, index, dtype = logits_array(logits, "logits", axis)
    return map_rows(_softmax_rows, [array], index, dtype=dtype)
