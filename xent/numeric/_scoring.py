"""Scoring rules for probabilistic forecasts: the Brier score, the spherical score, focal loss.

The log score is `softmax_cross_entropy` (from logits) or `cross_entropy` (from
probabilities); this module adds the two other classical proper scoring rules and the focal
loss, which is not proper.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np

from xent.numeric._categorical import _class_indices, softmax_cross_entropy
from xent.numeric._softmax import log_softmax, logits_array
from xent.numeric._units import Base, from_nats, log_of_base
from xent.numeric._validate import (
    FloatArray,
    FloatOrArray,
    Reduction,
    as_array,
    as_real_array,
    check_axis,
    check_distribution,
    check_reduction,
    floating_point_policy,
    output,
    reduce,
    result_dtype,
)

if TYPE_CHECKING:
    from numpy.typing import ArrayLike


def _forecast_and_target(
    q: ArrayLike, target: ArrayLike, axis: int
) -> tuple[FloatArray, FloatArray, np.dtype[Any]]:
    """Check probability rows ``q`` and a target; return both as float64 rows (classes last).

    The target is integer class indices (``q``'s shape without ``axis``), turned into one-hot
    rows, or probability rows of ``q``'s shape.
    """
    forecast = as_real_array(q, "q")
    if forecast.ndim == 0:
        raise ValueError(f"q must be probability rows along axis {axis}, got a scalar")
    index = check_axis(axis, forecast.ndim, "q")
    check_distribution(forecast, "q", index, counts_hint=False)
    if target is None or isinstance(target, (str, bytes)):
        raise TypeError(
            f"target must be class indices or probabilities, got {type(target).__name__}"
        )
    target_array = as_array(target, "target")
    rows = np.moveaxis(forecast, index, -1).astype(np.float64)
    classes = rows.shape[-1]
    if target_array.shape == forecast.shape:
        probabilities = as_real_array(target_array, "target")
        check_distribution(probabilities, "target", index, counts_hint=False)
        truth = np.moveaxis(probabilities, index, -1).astype(np.float64)
        dtype = result_dtype((q, forecast), (target, probabilities))
    else:
        indices, _ = _class_indices(target_array, rows.shape[:-1], classes, None)
        truth = np.zeros(rows.shape)
        np.put_along_axis(truth, indices[..., None], 1.0, axis=-1)
        dtype = result_dtype((q, forecast))
    return rows, truth, dtype


@floating_point_policy
def brier_score(
    q: ArrayLike, target: ArrayLike, *, axis: int = -1, reduction: Reduction = "none"
) -> FloatOrArray:
    r"""Return the Brier score of forecast distributions: the squared distance to the outcome.

    Parameters
    ----------
    q : array_like
        Forecast distributions, outcomes along ``axis``: entries in [0, 1], rows summing to 1.
    target : array_like
        Integer class indices, with the shape of ``q`` without ``axis`` (each stands for its
        one-hot row), or probability rows with the shape of ``q``.
    axis : int, default -1
        The axis of outcomes.
    reduction : {"none", "sum", "mean"}, default "none"
        Return each row's score, their sum, or their mean over the rows.

    Returns
    -------
    float or ndarray
        Scores in [0, 2], one per row (``axis`` removed); 0 for a certain, right forecast and
        2 for a certain, wrong one. A score, like a loss: lower is better. No unit.

    Raises
    ------
    ValueError
        If ``q`` or a probability ``target`` is not a distribution along ``axis``, a class
        index is out of range, the shapes do not match, ``axis`` is out of range, an input is
        empty, or ``reduction`` is not valid.
    TypeError
        If an input is not an array of real numbers or ``axis`` is not an integer.

    Notes
    -----
    With y the one-hot row of the outcome (or a probability row t),

    $$
    \operatorname{BS}(q, y) = \sum_{k=1}^{K} (q_k - y_k)^2
    $$

    summed over the K classes, as Brier (1950) defined it: it is not divided by K. For two
    classes it is twice the squared error of the probability of the positive class, which is
    what ``sklearn.metrics.brier_score_loss`` returns (its binary convention). With a
    probability row t it is Σ_k (q_k − t_k)², whose mean over outcomes drawn from t differs
    from it by 1 − Σ_k t_k², not depending on q. The score is proper: its expected value
    under P, Σ_k (q_k − p_k)² + 1 − Σ_k p_k², is smallest only at Q = P. NaN propagates.

    Accuracy: within 4 ulp of the exact value in float64 and 1 ulp in float32 (computed in
    float64 and rounded once).

    Examples
    --------
    >>> from xent import brier_score
    >>> brier_score([0.7, 0.2, 0.1], 0)
    0.14
    >>> brier_score([[0.7, 0.3], [0.4, 0.6]], [0, 0])
    array([0.18, 0.72])
    >>> brier_score([[0.7, 0.3], [0.4, 0.6]], [[1, 0], [1, 0]], reduction="mean")
    0.45
    """
    reduction = check_reduction(reduction)
    rows, truth, dtype = _forecast_and_target(q, target, axis)
    scores = np.asarray(np.sum((rows - truth) ** 2, axis=-1))
    return output(reduce(scores, reduction), dtype)


@floating_point_policy
def spherical_score(
    q: ArrayLike, target: ArrayLike, *, axis: int = -1, reduction: Reduction = "none"
) -> FloatOrArray:
    r"""Return the spherical score of forecasts, q_y / ‖q‖₂: a reward, higher is better.

    Unlike the Brier score and the log loss, this is a reward, as Gneiting and Raftery (2007)
    orient it: it lies in (0, 1], larger for a better forecast, and 1 − score
    (or its negative) is the matching loss.

    Parameters
    ----------
    q : array_like
        Forecast distributions, outcomes along ``axis``: entries in [0, 1], rows summing to 1.
    target : array_like
        Integer class indices, with the shape of ``q`` without ``axis``, or probability rows
        with the shape of ``q`` (the score is then Σ_k t_k q_k / ‖q‖₂, its mean over outcomes
        drawn from t).
    axis : int, default -1
        The axis of outcomes.
    reduction : {"none", "sum", "mean"}, default "none"
        Return each row's score, their sum, or their mean over the rows.

    Returns
    -------
    float or ndarray
        Scores in [0, 1], one per row (``axis`` removed): 1 for a certain, right forecast, 0
        for a forecast that gives the outcome probability 0. No unit.

    Raises
    ------
    ValueError
        If ``q`` or a probability ``target`` is not a distribution along ``axis``, a class
        index is out of range, the shapes do not match, ``axis`` is out of range, an input is
        empty, or ``reduction`` is not valid.
    TypeError
        If an input is not an array of real numbers or ``axis`` is not an integer.

    Notes
    -----
    $$
    \operatorname{SS}(q, y) = \frac{q_y}{\sqrt{\sum_{k=1}^{K} q_k^2}}
    $$

    Its expected value under P, ⟨p, q⟩ / ‖q‖₂, is largest only at Q = P (by Cauchy–Schwarz):
    the score is strictly proper. The norm is never 0 for a distribution. NaN propagates.

    Accuracy: within 4 ulp of the exact value in float64 and 1 ulp in float32 (computed in
    float64 and rounded once).

    Examples
    --------
    >>> from xent import spherical_score
    >>> round(spherical_score([0.7, 0.2, 0.1], 0), 12)
    0.952579344416
    >>> spherical_score([[0.5, 0.5], [1.0, 0.0]], [0, 1])
    array([0.70710678, 0.        ])
    """
    reduction = check_reduction(reduction)
    rows, truth, dtype = _forecast_and_target(q, target, axis)
    norms = np.sqrt(np.sum(rows * rows, axis=-1))
    scores = np.asarray(np.sum(rows * truth, axis=-1) / norms)
    return output(reduce(scores, reduction), dtype)


def _gamma(gamma: float) -> float:
    if isinstance(gamma, (bool, np.bool_)) or not isinstance(
        gamma, (int, float, np.integer, np.floating)
    ):
        raise TypeError(f"gamma must be a number, got {type(gamma).__name__}")
    value = float(gamma)
    if not (math.isfinite(value) and value >= 0):
        raise ValueError(f"gamma must be a finite number >= 0, got {value!r}")
    return value


@floating_point_policy
def focal_loss(
    logits: ArrayLike,
    target: ArrayLike,
    *,
    gamma: float,
    axis: int = -1,
    base: Base = "nats",
    reduction: Reduction = "none",
) -> FloatOrArray:
    r"""Return the focal loss of Lin et al. (2017), −(1 − q_y)^γ log q_y, q = softmax(logits).

    Parameters
    ----------
    logits : array_like
        Scores, classes along ``axis``; any real number including ±inf.
    target : array_like
        Integer class indices, with the shape of ``logits`` without ``axis``, or probability
        rows with the shape of ``logits`` (the loss is then Σ_k t_k (1 − q_k)^γ (−log q_k)).
    gamma : float
        The focusing parameter γ ≥ 0 (Lin et al. use 2). γ = 0 is `softmax_cross_entropy`,
        exactly: the same call, the same bits.
    axis : int, default -1
        The axis of classes.
    base : {"nats", "bits", "bans", "hartleys"} or float, default "nats"
        Unit of the result, or the base of the logarithm.
    reduction : {"none", "sum", "mean"}, default "none"
        Return each row's loss, their sum, or their mean over the rows.

    Returns
    -------
    float or ndarray
        Losses ≥ 0, one per row (``axis`` removed); 0 where a +inf logit is on the true class,
        +inf where the target puts weight on a −inf logit.

    Raises
    ------
    ValueError
        As `softmax_cross_entropy` (a class index out of range, a row of logits all −inf,
        target rows that are not distributions, shapes that do not match, ...), or if
        ``gamma`` is negative, infinite or NaN.
    TypeError
        If an input is not an array of real numbers, or ``gamma`` is not a number.

    Notes
    -----
    $$
    \operatorname{FL}_\gamma(q, y) = -\left(1 - q_y\right)^{\gamma} \log q_y
    $$

    With ℓ = −ln q_y computed from the logits by log-sum-exp (as in `softmax_cross_entropy`),
    the factor is 1 − q_y = −expm1(−ℓ), so a near-certain right prediction keeps its digits:
    its loss is about ℓ^(1 + γ), not 0. For γ > 0 the focal loss is not a proper scoring
    rule: its expected value under P is smallest at a forecast less extreme than P, which is
    why models trained with it are less overconfident (Mukhoti et al. 2020).

    Accuracy: within 4 ulp of the exact value in float64 and 1 ulp in float32 (computed in
    float64 and rounded once), for γ ≤ 2, class indices or probability rows.

    Examples
    --------
    >>> from xent import focal_loss, softmax_cross_entropy
    >>> round(focal_loss([2.0, 1.0, 0.1], 0, gamma=2), 12)
    0.048492343408
    >>> focal_loss([2.0, 1.0, 0.1], 0, gamma=0) == softmax_cross_entropy([2.0, 1.0, 0.1], 0)
    True
    >>> focal_loss([[50.0, 0.0], [0.0, 0.0]], [0, 1], gamma=2)
    array([7.17509597e-66, 1.73286795e-01])
    """
    power = _gamma(gamma)
    if power == 0:
        return softmax_cross_entropy(logits, target, axis=axis, base=base, reduction=reduction)
    log_base = log_of_base(base)
    reduction = check_reduction(reduction)
    scores, index, _ = logits_array(logits, "logits", axis)
    wide = scores.astype(np.float64)
    if target is None or isinstance(target, (str, bytes)):
        raise TypeError(
            f"target must be class indices or probabilities, got {type(target).__name__}"
        )
    target_array = as_array(target, "target")
    if target_array.shape == scores.shape:
        probabilities = as_real_array(target_array, "target")
        check_distribution(probabilities, "target", index, counts_hint=False)
        surprisal = -np.moveaxis(np.asarray(log_softmax(wide, axis=index)), index, -1)
        weight = np.moveaxis(probabilities, index, -1).astype(np.float64)
        with np.errstate(invalid="ignore"):  # 0 · inf terms are masked to 0
            terms = weight * (-np.expm1(-surprisal)) ** power * surprisal
        nats = np.sum(np.where(weight == 0, 0.0, terms), axis=-1)
        dtype = result_dtype((logits, scores), (target, probabilities))
    else:
        surprisal = np.asarray(softmax_cross_entropy(wide, target_array, axis=index))
        nats = (-np.expm1(-surprisal)) ** power * surprisal
        dtype = result_dtype((logits, scores))
    nats = reduce(np.asarray(nats), reduction)
    return output(from_nats(nats, log_base), dtype)
