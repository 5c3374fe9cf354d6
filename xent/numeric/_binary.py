"""Binary cross-entropy: the loss of a sigmoid output, one label or many (multi-label)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

import numpy as np

from xent.numeric._chunks import Scratch, map_elements
from xent.numeric._compiled import (
    binary_logit_losses,
    binary_probability_losses,
    single_precision_route,
)
from xent.numeric._kernels import log1p_unit, softplus, weighted, xlog1py, xlogy
from xent.numeric._units import Base, from_nats, log_of_base
from xent.numeric._validate import (
    FloatArray,
    FloatOrArray,
    Reduction,
    as_real_array,
    check_probabilities,
    check_reduction,
    first_bad_entry,
    floating_point_policy,
    output,
    reduce,
    result_dtype,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from numpy.typing import ArrayLike


def _broadcast(arrays: dict[str, FloatArray]) -> list[FloatArray]:
    try:
        return list(np.broadcast_arrays(*arrays.values()))
    except ValueError:
        described = " and ".join(f"{name} with shape {a.shape}" for name, a in arrays.items())
        raise ValueError(f"{described} cannot be broadcast together") from None


def _pos_weight(pos_weight: ArrayLike | None) -> FloatArray:
    if pos_weight is None:
        return np.ones(())
    array = as_real_array(pos_weight, "pos_weight")
    bad = ~(np.isfinite(array) & (array >= 0))
    if bad.any():
        raise ValueError(
            f"pos_weight must be finite and >= 0; {first_bad_entry(array, bad, 'pos_weight')}"
        )
    return array


def _terms(
    name: str, prediction: FloatArray, y: FloatArray, pos_weight: FloatArray, *, scratch: Scratch
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Return a chunk's prediction, widened, and its loss terms' weights: w·y and 1 − y."""
    target, widened = scratch.widen("y", y), scratch.widen(name, prediction)
    shape, work = widened.shape, np.result_type(target, widened, pos_weight)
    positive = np.multiply(pos_weight, target, out=scratch.array("positive", shape, work))
    negative = np.subtract(1.0, target, out=scratch.array("negative", shape, work))
    return widened, positive, negative


def _logit_losses(
    y: FloatArray, logits: FloatArray, pos_weight: FloatArray, *, scratch: Scratch
) -> FloatArray:
    """Losses of a chunk from logits: w·y·softplus(−z) + (1 − y)·softplus(z), in nats."""
    logit, positive, negative = _terms("logits", logits, y, pos_weight, scratch=scratch)
    shape, work = positive.shape, positive.dtype
    tail = np.abs(logit, out=scratch.array("tail", shape, work))
    if not np.max(tail) < np.inf:  # an infinite or NaN logit: 0 · ∞ terms need `weighted`
        with np.errstate(over="ignore"):  # w·softplus(−z) beyond float64 is an honest +inf
            nats: FloatArray = weighted(positive, softplus(-logit))
            return nats + weighted(negative, softplus(logit))
    # softplus(±z) = max(±z, 0) + ln(1 + e^(−|z|)), and max(−z, 0) = max(z, 0) − z exactly
    np.negative(tail, out=tail)
    np.exp(tail, out=tail)
    np.log1p(tail, out=tail)
    above = np.maximum(logit, 0.0, out=scratch.array("above", shape, work))
    below: FloatArray = np.subtract(above, logit, out=scratch.array("below", shape, work))
    above += tail
    below += tail
    with np.errstate(over="ignore"):  # w·y·softplus(−z) beyond float64: an honest +inf
        below *= positive
        above *= negative
        below += above
    return below


def _probability_losses(
    y: FloatArray, p: FloatArray, pos_weight: FloatArray, *, scratch: Scratch
) -> FloatArray:
    """Losses of a chunk from probabilities: −w·y·ln p − (1 − y)·ln(1 − p), in nats."""
    prediction, positive, negative = _terms("p", p, y, pos_weight, scratch=scratch)
    shape, work = positive.shape, positive.dtype
    inside = prediction.size > 0 and np.min(prediction) > 0 and np.max(prediction) < 1
    if not inside:  # a p of 0 or 1 (or NaN): its 0 · ln 0 terms need `weighted`
        with np.errstate(over="ignore"):  # −w·y·ln p beyond float64 is an honest +inf
            nats: FloatArray = 0.0 - (xlogy(positive, prediction) + xlog1py(negative, -prediction))
        return nats
    # Both logarithms finite: the same products and sums, in place (0.0 − x turns −0 into +0)
    hit = np.log(prediction, out=scratch.array("hit", shape, work))
    miss = log1p_unit(np.negative(prediction, out=scratch.array("miss", shape, work)), scratch)
    with np.errstate(over="ignore"):  # a huge pos_weight: an honest +inf
        hit *= positive
        miss *= negative
        hit += miss
    losses: FloatArray = np.subtract(0.0, hit, out=hit)
    return losses


def _compiled_losses(
    name: str,
    y: FloatArray,
    *,
    prediction: FloatArray,
    dtype: np.dtype[Any],
    log_base: float,
    reduction: str,
) -> FloatArray | None:
    """Return the losses from float32 logits or p on the compiled route (None if it does not apply).

    Computed in float64 and rounded once: the losses are float32 in the unit of ``log_base``
    (reduction "none"), or float64 nats to be reduced, as on the NumPy route. It applies to
    float32 results from contiguous float32 logits (probabilities) and float32 or float64
    targets of the same shape, all logits finite (all probabilities inside (0, 1)).
    """
    shape = prediction.shape
    contiguous = prediction.flags.c_contiguous and y.flags.c_contiguous and y.shape == shape
    applies = (
        dtype == np.float32
        and prediction.dtype == np.float32
        and y.dtype in (np.float32, np.float64)
        and contiguous
        and prediction.size > 0
        and single_precision_route() == "numba"
    )
    if not applies:
        return None
    out = np.empty(shape, dtype=np.float32 if reduction == "none" else np.float64)
    unit = log_base if reduction == "none" else 1.0
    kernel = binary_logit_losses if name == "logits" else binary_probability_losses
    with np.errstate(over="ignore"):
        done = kernel(y.reshape(-1), prediction.reshape(-1), unit, out.reshape(-1))
    return out if done else None


def _in_unit(
    kernel: Callable[..., FloatArray], log_base: float, *chunks: FloatArray, scratch: Scratch
) -> FloatArray:
    return from_nats(kernel(*chunks, scratch=scratch), log_base)


@floating_point_policy
def binary_cross_entropy(
    y: ArrayLike,
    p: ArrayLike | None = None,
    *,
    logits: ArrayLike | None = None,
    pos_weight: ArrayLike | None = None,
    base: Base = "nats",
    reduction: Reduction = "none",
) -> FloatOrArray:
    r"""Binary cross-entropy of predictions against targets ``y``, elementwise.

    Give the predicted probabilities as ``p`` or, better, the raw scores as ``logits``
    (``p = sigmoid(logits)``), exactly one of the two. Multi-label classification is this
    loss applied to each label independently.

    Parameters
    ----------
    y : array_like
        Targets in [0, 1]: labels 0 and 1, or soft targets.
    p : array_like, optional
        Predicted probabilities of the positive class, in [0, 1]; broadcast against ``y``.
    logits : array_like, optional
        Predicted log-odds, any real number including ±inf; broadcast against ``y``.
    pos_weight : array_like, optional
        Non-negative weight of the positive term (as in PyTorch's ``BCEWithLogitsLoss``),
        broadcast against ``y``: ``pos_weight = n_negative / n_positive`` balances classes.
    base : {"nats", "bits", "bans", "hartleys"} or float, default "nats"
        Unit of the result, or the base of the logarithm.
    reduction : {"none", "sum", "mean"}, default "none"
        Return every element's loss, their sum, or their sum divided by the number of
        elements (labels times examples, with or without ``pos_weight``). The sum is taken
        without overflow where the mean is finite: the mean of two losses of 1e308 is 1e308.

    Returns
    -------
    float or ndarray
        Losses ≥ 0; +inf where a prediction is certain and wrong, and (silently) where the
        true loss or sum is beyond the largest float, as ``pos_weight`` times a huge loss
        may be.

    Raises
    ------
    ValueError
        If both or neither of ``p`` and ``logits`` are given, a target or probability is
        outside [0, 1], ``pos_weight`` is negative or infinite, shapes do not broadcast, an
        input is empty, or ``base`` or ``reduction`` is not valid.
    TypeError
        If an input is not an array of real numbers.

    Notes
    -----
    $$
    \ell(y, p) = -w\,y \log_b p - (1 - y) \log_b (1 - p)
    $$

    with w the ``pos_weight`` (1 by default). It is the cross-entropy H(P, Q) of two
    Bernoulli distributions, P(1) = y and Q(1) = p. A term whose weight is zero contributes
    0, so a label 1 predicted with p = 1 costs exactly 0 and nothing is clipped: the loss of
    p = 1e-50 for label 1 is 115.13 nats, not 100 (PyTorch) or 16.1 (a 1e-7 clip). From
    logits, with softplus(x) = ln(1 + eˣ) evaluated stably,

    $$
    \ell(y, z) = w\,y\,\operatorname{softplus}(-z) + (1 - y)\operatorname{softplus}(z)
    $$

    which is exact at z = ±inf and keeps losses far below the unit roundoff.

    Accuracy: within 4 ulp of the exact value in float64 and 1 ulp in float32 (float32 is
    computed in float64 and rounded once), on hostile inputs checked against mpmath, from
    probabilities or logits.

    Examples
    --------
    A multi-label example with three labels: the loss of each, their total and their mean.

    >>> from xent import binary_cross_entropy
    >>> y, p = [0, 1, 1], [0.1, 0.7, 0.8]
    >>> binary_cross_entropy(y, p)
    array([0.10536052, 0.35667494, 0.22314355])
    >>> binary_cross_entropy(y, p, reduction="sum")
    0.6851790109107685
    >>> binary_cross_entropy(y, p, reduction="mean")
    0.22839300363692283

    The same from logits, and the edges, where other libraries clip or return NaN:

    >>> import math
    >>> z = [math.log(0.1 / 0.9), math.log(0.7 / 0.3), math.log(0.8 / 0.2)]
    >>> binary_cross_entropy(y, logits=z, reduction="sum")
    0.6851790109107685
    >>> binary_cross_entropy(1, 1e-50)
    115.12925464970229
    >>> binary_cross_entropy([1, 0], logits=[float("inf"), float("inf")])
    array([ 0., inf])
    """
    log_base = log_of_base(base)
    reduction = check_reduction(reduction)
    target = as_real_array(y, "y")
    check_probabilities(target, "y")
    weight = _pos_weight(pos_weight)
    given = {name: value for name, value in (("p", p), ("logits", logits)) if value is not None}
    if len(given) != 1:
        raise ValueError(
            "give exactly one of p (probabilities) and logits; got "
            + (" and ".join(given) or "neither")
        )
    ((name, value),) = given.items()
    prediction = as_real_array(value, name)
    if name == "p":
        check_probabilities(prediction, "p")
    arrays = _broadcast({"y": target, name: prediction, "pos_weight": weight})
    kernel = _logit_losses if name == "logits" else _probability_losses
    dtype = result_dtype((y, target), (value, prediction), (pos_weight, weight))
    if pos_weight is None:
        nats = _compiled_losses(
            name,
            arrays[0],
            prediction=arrays[1],
            dtype=dtype,
            log_base=log_base,
            reduction=reduction,
        )
        if nats is not None:
            if reduction != "none":
                nats = from_nats(reduce(nats, reduction), log_base)
            return output(nats, dtype)
    if reduction == "none":  # stored straight into the result's dtype, chunk by chunk
        in_unit = partial(_in_unit, kernel, log_base)
        return output(map_elements(in_unit, arrays, dtype=dtype), dtype)
    nats = map_elements(kernel, arrays)  # summed in the working dtype
    return output(from_nats(reduce(nats, reduction), log_base), dtype)
