"""Knowledge distillation: the divergence of a student's softened softmax from a teacher's."""

from __future__ import annotations

import math
from functools import partial
from typing import TYPE_CHECKING

import numpy as np

from xent.numeric._chunks import Scratch, map_rows
from xent.numeric._kernels import relative_entropy_terms, widen
from xent.numeric._softmax import _log_softmax_rows, _softmax_rows, logits_array
from xent.numeric._units import Base, from_nats, log_of_base
from xent.numeric._validate import (
    FloatArray,
    FloatOrArray,
    Reduction,
    check_reduction,
    floating_point_policy,
    output,
    position,
    reduce,
    result_dtype,
)

if TYPE_CHECKING:
    from numpy.typing import ArrayLike


def _temperature(temperature: float) -> float:
    """Return ``temperature`` as a float if it is a positive, finite real number."""
    if isinstance(temperature, bool) or not isinstance(
        temperature, (int, float, np.integer, np.floating)
    ):
        raise TypeError(f"temperature must be a real number, got {type(temperature).__name__}")
    value = float(temperature)
    if not (math.isfinite(value) and value > 0.0):
        raise ValueError(f"temperature must be a positive, finite number, got {value!r}")
    return value


def _distillation_rows(
    teacher: FloatArray, student: FloatArray, *, temperature: float, scratch: Scratch
) -> FloatArray:
    """T² · Σ p ln(p/q) over each row, p = softmax(teacher/T), q = softmax(student/T)."""
    s, t = widen(student), widen(teacher)
    if temperature != 1.0:
        with np.errstate(over="ignore"):  # z/T beyond float64 is ±inf, as the exact value
            s, t = s / temperature, t / temperature
    p = _softmax_rows(t, scratch=scratch).copy()
    q = _softmax_rows(s, scratch=Scratch())
    terms = relative_entropy_terms(p, q, precision=None)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore", under="ignore"):
        ratio = p / q
    # Where q (or p/q) leaves the normal range, ln p − ln q comes from the log-softmaxes, which
    # keep their digits where the softmaxes underflow: the logarithms are then far apart.
    lost = (p > 0) & ~((ratio >= np.finfo(np.float64).tiny) & (ratio < np.inf))
    if lost.any():
        log_p = _log_softmax_rows(t, scratch=Scratch())
        log_q = _log_softmax_rows(s, scratch=Scratch())
        with np.errstate(invalid="ignore", over="ignore"):
            far = p * (log_p - log_q) - p + q
        terms = np.where(lost, far, terms)
    # A class the student rules out (a −inf logit) and the teacher does not costs +inf, even
    # where the teacher's probability underflows.
    ruled_out = np.isneginf(s) & ~np.isneginf(t)
    if ruled_out.any():
        terms = np.where(ruled_out, np.inf, terms)
    nats: FloatArray = np.sum(terms, axis=-1)
    with np.errstate(over="ignore"):
        nats *= temperature * temperature
    return nats


@floating_point_policy
def distillation_loss(
    student_logits: ArrayLike,
    teacher_logits: ArrayLike,
    *,
    temperature: float = 1.0,
    axis: int = -1,
    base: Base = "nats",
    reduction: Reduction = "none",
) -> FloatOrArray:
    r"""Distillation loss: T² · D_KL(softmax(teacher/T) ‖ softmax(student/T)).

    The soft-target loss of Hinton, Vinyals and Dean: the teacher's distribution, softened
    by the temperature T, plays the true distribution P and the student's, softened alike,
    the model Q.

    Parameters
    ----------
    student_logits : array_like
        The student's scores, classes along ``axis``; any real number including ±inf.
    teacher_logits : array_like
        The teacher's scores, with the same shape as ``student_logits``.
    temperature : float, default 1.0
        T > 0, finite: both sets of logits are divided by it before the softmax.
    axis : int, default -1
        The axis of classes.
    base : {"nats", "bits", "bans", "hartleys"} or float, default "nats"
        Unit of the result, or the base of the logarithm.
    reduction : {"none", "sum", "mean"}, default "none"
        ``"none"`` gives one loss per row, ``"sum"`` their total and ``"mean"`` the total
        divided by the number of rows (the batch-mean KL, not a mean over classes).

    Returns
    -------
    float or ndarray
        A loss ≥ 0 per row (the logits' shape without ``axis``), zero when the two softened
        distributions are equal (for instance when the logits are equal, or differ by a
        constant per row); +inf where the student's softmax is 0 (a −inf logit) on a class
        to which the teacher's is not.

    Raises
    ------
    ValueError
        If the shapes differ, ``temperature`` is not positive and finite, ``axis`` is out of
        range, a teacher's or student's row is all −inf (it has no softmax), the logits are
        empty or scalars, or ``base`` or ``reduction`` is not valid.
    TypeError
        If the logits are not arrays of real numbers, ``temperature`` is not a number or
        ``axis`` is not an integer.

    See Also
    --------
    kl_divergence, softmax, softmax_cross_entropy

    Notes
    -----
    With p = softmax(t/T) for the teacher's logits t and q = softmax(s/T) for the
    student's logits s,

    $$
    L = T^2 \, D_{\mathrm{KL}}(p \,\|\, q) = T^2 \sum_k p_k \log_b \frac{p_k}{q_k}
    $$

    The factor T² keeps the gradient's size independent of the temperature: the gradient of
    L in nats with respect to s_k is T·(q_k − p_k), and for large T it approaches
    (s_k − t_k)/K for K classes when both sets of logits have mean zero [1]. Edge cases: a class
    with p_k = 0 contributes nothing (0 · log 0 = 0), including where both logits are −inf;
    p_k > 0 = q_k gives +inf; a +inf logit takes the mass of its row (shared equally among
    several); NaN propagates.

    Accuracy: the divergence is summed from the terms p ln(p/q) − p + q (each ≥ 0) of the
    two softmaxes, each accurate to a few ulp, so the result is never negative. Against
    mpmath, on hostile logits (hundreds apart, one dominant logit, a thousand classes) for a
    teacher and a student that are not nearly equal, it is within 4 ulp of the exact value
    in float64 and 1 ulp in float32 (float32 is computed in float64 and rounded once) for a
    temperature that is a power of two, where z/T is exact; another temperature rounds
    each z/T once, an error of half an ulp of each scaled logit that the bound does not
    include. Where the two softened distributions are nearly equal, the divergence is a
    small difference of them and its relative error is that of the softmaxes (a few ulp)
    times the ratio of the probabilities to their differences.

    References
    ----------
    [1] G. Hinton, O. Vinyals and J. Dean, "Distilling the Knowledge in a Neural Network",
       NIPS Deep Learning and Representation Learning Workshop.

    Examples
    --------
    >>> from xent import distillation_loss, kl_divergence, softmax
    >>> teacher, student = [2.0, 1.0, 0.1], [1.0, 1.0, 1.0]
    >>> print(f"{distillation_loss(student, teacher):.5f}")
    0.25187
    >>> print(f"{kl_divergence(softmax(teacher), softmax(student)):.5f}")
    0.25187

    At a higher temperature the targets are softer, and T² restores the scale:

    >>> print(f"{distillation_loss(student, teacher, temperature=4.0):.5f}")
    0.29935
    >>> distillation_loss(teacher, teacher, temperature=4.0)
    0.0
    >>> distillation_loss([0.0, float("-inf")], [0.0, 0.0])
    inf
    """
    reduction = check_reduction(reduction)
    value = _temperature(temperature)
    log_base = log_of_base(base)
    student, index, _ = logits_array(student_logits, "student_logits", axis)
    teacher, _, _ = logits_array(teacher_logits, "teacher_logits", axis)
    if student.shape != teacher.shape:
        raise ValueError(
            f"student_logits and teacher_logits must have the same shape, got "
            f"{student.shape} and {teacher.shape}"
        )
    dtype = result_dtype((student_logits, student), (teacher_logits, teacher))
    for name, logits in (("teacher_logits", teacher), ("student_logits", student)):
        empty = np.max(logits, axis=index) == -np.inf
        if empty.any():
            row = f" row {position(empty)}" if empty.ndim else ""
            raise ValueError(f"{name}{row} is all -inf; it has no softmax")
    kernel = partial(_distillation_rows, temperature=value)
    nats = map_rows(kernel, [teacher, student], index)
    nats = reduce(np.asarray(nats), reduction)
    return output(from_nats(nats, log_base), dtype)
