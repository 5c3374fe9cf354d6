"""Losses for classifiers: binary (sigmoid) and multi-class (softmax) cross-entropy."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from xent._kernels import max_shifted, softplus, weighted, xlog1py, xlogy
from xent._softmax import logits_array
from xent._units import Base, from_nats, log_of_base
from xent._validate import (
    FloatArray,
    Reduction,
    as_real_array,
    check_distribution,
    check_probabilities,
    check_reduction,
    output,
    reduce,
    result_dtype,
    working_dtype,
)

if TYPE_CHECKING:
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
    if not (np.isfinite(array) & (array >= 0)).all():
        raise ValueError(f"pos_weight must be finite and >= 0, got {array!r}")
    return array


def binary_cross_entropy(
    y: ArrayLike,
    p: ArrayLike | None = None,
    *,
    logits: ArrayLike | None = None,
    pos_weight: ArrayLike | None = None,
    base: Base = "nats",
    reduction: Reduction = "none",
) -> float | FloatArray:
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
        elements (labels times examples, with or without ``pos_weight``).

    Returns
    -------
    float or ndarray
        Losses ≥ 0; +inf where a prediction is certain and wrong.

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
    .. math:: \ell(y, p) = -w\,y \log_b p - (1 - y) \log_b (1 - p)

    with w the ``pos_weight`` (1 by default). It is the cross-entropy H(P, Q) of two
    Bernoulli distributions, P(1) = y and Q(1) = p. A term whose weight is zero contributes
    0, so a label 1 predicted with p = 1 costs exactly 0 and nothing is clipped: the loss of
    p = 1e-50 for label 1 is 115.13 nats, not 100 (PyTorch) or 16.1 (a 1e-7 clip). From
    logits, with softplus(x) = ln(1 + eˣ) evaluated stably,

    .. math:: \ell(y, z) = w\,y\,\operatorname{softplus}(-z) + (1 - y)\operatorname{softplus}(z)

    which is exact at z = ±inf and keeps losses far below the unit roundoff.

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
    work = working_dtype(target, prediction, weight)
    target, prediction, weight = (
        array.astype(work, copy=False)
        for array in _broadcast({"y": target, name: prediction, "pos_weight": weight})
    )
    positive, negative = weight * target, 1.0 - target
    if name == "logits":
        nats = weighted(positive, softplus(-prediction)) + weighted(negative, softplus(prediction))
    else:
        nats = 0.0 - (xlogy(positive, prediction) + xlog1py(negative, -prediction))
    dtype = result_dtype(*(v for v in (y, value, pos_weight) if v is not None))
    return output(from_nats(reduce(nats, reduction), log_base), dtype)


def _label_smoothing(label_smoothing: float) -> float:
    if isinstance(label_smoothing, bool) or not isinstance(
        label_smoothing, (int, float, np.integer, np.floating)
    ):
        raise TypeError(f"label_smoothing must be a number, got {type(label_smoothing).__name__}")
    value = float(label_smoothing)
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"label_smoothing must be in [0, 1], got {value!r}")
    return value


def _class_indices(target: Any, shape: tuple[int, ...], classes: int) -> Any:
    """Check integer class indices of the given shape, each in range(classes)."""
    if target.dtype.kind not in "iu":
        if target.dtype.kind not in "fb":
            raise TypeError(
                f"target must be class indices or probabilities, got dtype {target.dtype}"
            )
        raise ValueError(
            f"target with shape {target.shape} must be integer class indices of shape {shape} "
            f"or probability rows of the logits' shape; class indices must be integers"
        )
    if target.shape != shape:
        raise ValueError(
            f"target holds class indices with shape {target.shape}, but logits need one index "
            f"per row: shape {shape} (or probability rows with the logits' shape)"
        )
    outside = (target < 0) | (target >= classes)
    if outside.any():
        bad = int(target[outside].flat[0])
        raise ValueError(f"target holds class index {bad}, out of range for {classes} classes")
    return target


def softmax_cross_entropy(
    logits: ArrayLike,
    target: ArrayLike,
    *,
    axis: int = -1,
    label_smoothing: float = 0.0,
    base: Base = "nats",
    reduction: Reduction = "none",
) -> float | FloatArray:
    r"""Cross-entropy of softmax(``logits``) against class indices or target distributions.

    This is the loss of a multi-class classifier, computed from its raw scores (logits) with
    log-sum-exp, as PyTorch's ``CrossEntropyLoss`` does, but exactly at the edges.

    Parameters
    ----------
    logits : array_like
        Scores, classes along ``axis``; any real number including ±inf.
    target : array_like
        Either integer class indices, with the shape of ``logits`` without ``axis``, or
        probability rows (for example one-hot or soft labels) with the shape of ``logits``.
    axis : int, default -1
        The axis of classes.
    label_smoothing : float, default 0.0
        ε in [0, 1]: the target becomes (1 − ε)·target + ε/K for K classes, as in PyTorch
        (some libraries divide by K − 1 instead).
    base : {"nats", "bits", "bans", "hartleys"} or float, default "nats"
        Unit of the result, or the base of the logarithm.
    reduction : {"none", "sum", "mean"}, default "none"
        Return each row's loss, their sum, or their sum divided by the number of rows.

    Returns
    -------
    float or ndarray
        Losses ≥ 0, one per row; +inf where the target has weight on a −inf logit.

    Raises
    ------
    ValueError
        If a class index is out of range, target rows are not distributions, the shapes do
        not match, ``axis`` is out of range, an input is empty, or ``label_smoothing``,
        ``base`` or ``reduction`` is not valid.
    TypeError
        If an input is not an array of real numbers, or ``axis`` is not an integer.

    Notes
    -----
    .. math::

       \ell(z, y) = -\sum_k y_k \log_b \operatorname{softmax}(z)_k
       = \sum_k y_k \Big(\log_b \sum_j b^{\,z_j \log_b e} - z_k \log_b e\Big)

    that is, in nats, ℓ = logsumexp(z) − z_y for a class index y. Its gradient with respect to
    the logits is softmax(z) − y. The logsumexp is split as in `logsumexp`, so a loss of
    1e-18 (a confident, correct prediction) is returned as 1e-18, not 0. A +inf logit on the
    true class gives 0, a −inf logit with zero target weight contributes 0.

    Examples
    --------
    >>> from xent import softmax_cross_entropy
    >>> softmax_cross_entropy([2.0, 1.0, 0.1], 0)
    0.41703001627783354

    A batch of two examples with class indices, and the same with one-hot rows:

    >>> logits = [[2.0, 1.0, 0.1], [0.5, 2.5, 0.0]]
    >>> softmax_cross_entropy(logits, [0, 1])
    array([0.41703002, 0.1967341 ])
    >>> softmax_cross_entropy(logits, [[1, 0, 0], [0, 1, 0]], reduction="mean")
    0.3068820565987253

    Label smoothing, and logits the naive formula overflows on:

    >>> softmax_cross_entropy([2.0, 1.0, 0.1], 0, label_smoothing=0.1)
    0.5136966829445002
    >>> softmax_cross_entropy([[1000.0, 0.0], [1000.0, 0.0]], [0, 1])
    array([   0., 1000.])
    """
    log_base = log_of_base(base)
    reduction = check_reduction(reduction)
    smoothing = _label_smoothing(label_smoothing)
    scores, index, _ = logits_array(logits, "logits", axis)
    classes = scores.shape[index]
    if target is None or isinstance(target, (str, bytes)):
        raise TypeError(
            f"target must be class indices or probabilities, got {type(target).__name__}"
        )
    target_array = np.asarray(target)
    row_shape = scores.shape[:index] + scores.shape[index + 1 :]
    _, shifted, log_total = max_shifted(scores, index)
    surprisal = log_total - shifted  # -ln softmax, every entry >= 0
    if target_array.shape == scores.shape:
        probabilities = as_real_array(target_array, "target")
        check_distribution(probabilities, "target", index, counts_hint=False)
        smoothed = (1.0 - smoothing) * probabilities.astype(scores.dtype) + smoothing / classes
        nats = np.sum(weighted(smoothed, surprisal), axis=index)
        dtype = result_dtype(logits, target_array)
    else:
        indices = np.expand_dims(_class_indices(target_array, row_shape, classes), index)
        nats = weighted(np.asarray(1.0 - smoothing), np.take_along_axis(surprisal, indices, index))
        if smoothing:
            nats = nats + smoothing / classes * np.sum(surprisal, axis=index, keepdims=True)
        nats = np.squeeze(nats, axis=index)
        dtype = result_dtype(logits)
    return output(from_nats(reduce(nats, reduction), log_base), dtype)
