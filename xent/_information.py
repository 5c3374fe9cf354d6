"""Information measures of distributions: self-information, entropy, cross-entropy, KL, JS."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

import numpy as np

from xent._chunks import Scratch, map_elements, map_rows
from xent._kernels import jensen_shannon_terms, relative_entropy_terms, xlog1py, xlogy
from xent._units import Base, from_nats, log_of_base
from xent._validate import (
    ChunkCheck,
    FloatArray,
    FloatOrArray,
    as_real_array,
    check_probabilities,
    distributions,
    output,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from numpy.typing import ArrayLike


def _elementwise_probabilities(p: ArrayLike, name: str) -> tuple[FloatArray, np.dtype[Any]]:
    array = as_real_array(p, name)
    check_probabilities(array, name)
    return array, array.dtype


def _entropy_rows(p: FloatArray, *, check: ChunkCheck, scratch: Scratch) -> FloatArray:
    """H(P) in nats of each row of a chunk of distributions."""
    x = scratch.widen("p", p)
    (sums,) = check(x)
    terms = scratch.array("terms", x.shape, x.dtype)
    with np.errstate(divide="ignore", invalid="ignore"):
        np.log(x, out=terms)
        terms *= x  # ≤ 0; NaN exactly where p = 0 (0 · ln 0) or p is NaN
    np.fmin(terms, 0.0, out=terms)  # 0 · ln 0 = 0 (NaN rows are restored below)
    nats: FloatArray = 0.0 - np.sum(terms, axis=-1)
    nats[np.isnan(sums)] = np.nan
    return nats


def _cross_entropy_rows(
    p: FloatArray, q: FloatArray, *, check: ChunkCheck, scratch: Scratch
) -> FloatArray:
    """H(P, Q) in nats of each row of chunks of distributions."""
    x, y = scratch.widen("p", p), scratch.widen("q", q)
    p_sums, q_sums = check(x, y)
    terms = scratch.array("terms", x.shape, np.result_type(x, y))
    with np.errstate(divide="ignore", invalid="ignore"):
        np.log(y, out=terms)
        terms *= x
    # The product is NaN exactly where p = q = 0 (0 · ln 0 = 0) or an input is NaN.
    np.fmin(terms, 0.0, out=terms)
    nats: FloatArray = 0.0 - np.sum(terms, axis=-1)
    nats[np.isnan(p_sums + q_sums)] = np.nan
    return nats


def _divergence_rows(
    p: FloatArray,
    q: FloatArray,
    *,
    terms: Callable[..., FloatArray],
    check: ChunkCheck,
    scratch: Scratch,
) -> FloatArray:
    """Sum the non-negative ``terms(p, q)`` of a divergence over each row of two chunks."""
    x, y = scratch.widen("p", p), scratch.widen("q", q)
    check(x, y)
    nats: FloatArray = np.sum(terms(x, y, scratch=scratch), axis=-1)
    return nats


def _jensen_shannon(p: FloatArray, q: FloatArray, *, scratch: Scratch) -> FloatArray:  # noqa: ARG001
    return jensen_shannon_terms(p, q)


def _self_information(p: FloatArray, *, scratch: Scratch) -> FloatArray:
    with np.errstate(divide="ignore"):
        nats: FloatArray = 0.0 - np.log(scratch.widen("p", p))
    return nats


def _binary_entropy(p: FloatArray, *, scratch: Scratch) -> FloatArray:
    x = scratch.widen("p", p)
    smaller = np.minimum(x, 1.0 - x)
    nats: FloatArray = 0.0 - (xlogy(smaller, smaller) + xlog1py(1.0 - smaller, -smaller))
    return nats


def self_information(p: ArrayLike, *, base: Base = "nats") -> FloatOrArray:
    r"""Self-information (surprisal) of outcomes with probability ``p``, elementwise.

    Parameters
    ----------
    p : array_like
        Probabilities in [0, 1].
    base : {"nats", "bits", "bans", "hartleys"} or float, default "nats"
        Unit of the result, or the base of the logarithm.

    Returns
    -------
    float or ndarray
        ``-log p``: +inf where ``p = 0``, 0 where ``p = 1``. A float for scalar input.

    Raises
    ------
    ValueError
        If an entry of ``p`` is outside [0, 1] or ``base`` is not a valid unit.
    TypeError
        If ``p`` is not an array of real numbers.

    Notes
    -----
    $$
    I(x) = -\log_b P(x)
    $$

    Halving a probability adds exactly one bit, and the self-information of two independent
    outcomes is the sum of theirs, which is why the logarithm is the right measure [1].

    References
    ----------
    [1] C. E. Shannon, "A Mathematical Theory of Communication", Bell System Technical
       Journal 27 (1948), pp. 379-423.

    Examples
    --------
    A hailstorm that happens on 1 day in 100 carries 6.6 bits of information:

    >>> from xent import self_information
    >>> self_information(0.01, base="bits")
    6.643856189774724

    One nat is the surprise of an event of probability 1/e, one bit that of a fair coin:

    >>> import math
    >>> self_information(1 / math.e), self_information(0.5, base="bits")
    (1.0, 1.0)
    >>> self_information([1.0, 0.25, 0.0], base="bits")
    array([ 0.,  2., inf])
    """
    log_base = log_of_base(base)
    array, dtype = _elementwise_probabilities(p, "p")
    nats = map_elements(_self_information, [array])
    return output(from_nats(nats, log_base), dtype)


def entropy(
    p: ArrayLike, *, base: Base = "nats", axis: int = -1, normalize: bool = False
) -> FloatOrArray:
    r"""Shannon entropy H(P) of each distribution along ``axis``.

    Parameters
    ----------
    p : array_like
        Probabilities; each slice along ``axis`` must sum to 1 (within the square root of the
        dtype's machine epsilon), unless ``normalize`` is true.
    base : {"nats", "bits", "bans", "hartleys"} or float, default "nats"
        Unit of the result, or the base of the logarithm.
    axis : int, default -1
        The axis along which the outcomes lie.
    normalize : bool, default False
        Treat ``p`` as non-negative counts and divide each slice by its total. Without it,
        nothing is normalised silently: a row that does not sum to 1 raises.

    Returns
    -------
    float or ndarray
        H(P) ≥ 0, with ``axis`` removed; a float for a single distribution.

    Raises
    ------
    ValueError
        If an entry is outside [0, 1], a row does not sum to 1, ``p`` is empty or a scalar,
        ``axis`` is out of range, or ``base`` is not a valid unit.
    TypeError
        If ``p`` is not an array of real numbers or ``axis`` is not an integer.

    See Also
    --------
    cross_entropy, kl_divergence, binary_entropy

    Notes
    -----
    $$
    H(P) = -\sum_x P(x) \log_b P(x) = \mathbb{E}_{x \sim P}[-\log_b P(x)]
    $$

    with the convention 0 · log 0 = 0, the limit of p log p as p → 0⁺, so outcomes of
    probability zero contribute nothing. H(P) is the least average number of units per symbol
    with which outcomes of P can be encoded [1] and is at most log_b n for n outcomes.
    NaN entries propagate to their row's result.

    References
    ----------
    [1] T. M. Cover and J. A. Thomas, "Elements of Information Theory", 2nd ed., Wiley,
       2006, ch. 2 and 5.

    Examples
    --------
    The weather in a city with sunny, cloudy, rainy and snowy days in proportions
    ½, ¼, ⅛, ⅛ needs 1.75 bits a day, exactly the mean length of the prefix code
    0, 10, 110, 111:

    >>> from xent import entropy
    >>> entropy([1/2, 1/4, 1/8, 1/8], base="bits")
    1.75

    A fair die, and a one-hot label, which carries no uncertainty at all:

    >>> entropy([1/6] * 6, base="bits")
    2.584962500721156
    >>> entropy([0, 1, 0, 0, 0])
    0.0

    Counts are accepted when you say so; rows are distributions along the last axis:

    >>> entropy([8, 4, 2, 2], base="bits", normalize=True)
    1.75
    >>> entropy([[0.5, 0.5], [0.9, 0.1]], base="bits")
    array([1.        , 0.46899559])
    """
    log_base = log_of_base(base)
    (array,), index, dtype, check = distributions({"p": p}, axis, normalize=normalize)
    nats = map_rows(partial(_entropy_rows, check=check), [array], index)
    return output(from_nats(nats, log_base), dtype)


def cross_entropy(
    p: ArrayLike, q: ArrayLike, *, base: Base = "nats", axis: int = -1, normalize: bool = False
) -> FloatOrArray:
    r"""Cross-entropy H(P, Q) of a model Q relative to the true distribution P.

    Parameters
    ----------
    p : array_like
        The true distribution P (for example one-hot labels), along ``axis``.
    q : array_like
        The model's distribution Q, broadcast against ``p``; the outcome axis must match.
    base : {"nats", "bits", "bans", "hartleys"} or float, default "nats"
        Unit of the result, or the base of the logarithm.
    axis : int, default -1
        The axis of outcomes, in the broadcast shape of ``p`` and ``q``.
    normalize : bool, default False
        Treat ``p`` and ``q`` as counts and divide each row by its total.

    Returns
    -------
    float or ndarray
        H(P, Q) ≥ H(P) ≥ 0; +inf where Q gives probability 0 to an outcome P can produce.

    Raises
    ------
    ValueError
        If an entry is outside [0, 1], a row does not sum to 1, the shapes do not broadcast
        or have different numbers of outcomes, ``axis`` is out of range, or ``base`` is not a
        valid unit.
    TypeError
        If ``p`` or ``q`` is not an array of real numbers or ``axis`` is not an integer.

    See Also
    --------
    entropy, kl_divergence, softmax_cross_entropy

    Notes
    -----
    $$
    H(P, Q) = -\sum_x P(x) \log_b Q(x) = H(P) + D_{\mathrm{KL}}(P \,\|\, Q)
    $$

    It is the average code length when outcomes of P are encoded with a code that is optimal
    for Q [1]. Terms with P(x) = 0 contribute 0 whatever Q(x) is; P(x) > 0 with Q(x) = 0
    gives exactly +inf (nothing is clipped). With a one-hot P it is the familiar loss
    −log Q(true class).

    References
    ----------
    [1] T. M. Cover and J. A. Thomas, "Elements of Information Theory", 2nd ed., Wiley,
       2006, sec. 5.4.

    Examples
    --------
    A classifier gives the true class (a dog) probability 0.4:

    >>> from xent import cross_entropy
    >>> cross_entropy([0, 1, 0, 0, 0], [0.3, 0.4, 0.05, 0.05, 0.2])
    0.916290731874155

    Cross-entropy is not symmetric, and is never below the entropy of P:

    >>> p, q = [1/2, 1/4, 1/8, 1/8], [1/8, 1/8, 1/4, 1/2]
    >>> cross_entropy(p, q, base="bits"), cross_entropy(p, p, base="bits")
    (2.625, 1.75)

    One distribution against a batch, and a model that rules out an outcome that happens:

    >>> cross_entropy([1, 0], [[0.5, 0.5], [0.0, 1.0]])
    array([0.69314718,        inf])
    """
    log_base = log_of_base(base)
    arrays, index, dtype, check = distributions({"p": p, "q": q}, axis, normalize=normalize)
    nats = map_rows(partial(_cross_entropy_rows, check=check), arrays, index)
    return output(from_nats(nats, log_base), dtype)


def kl_divergence(
    p: ArrayLike, q: ArrayLike, *, base: Base = "nats", axis: int = -1, normalize: bool = False
) -> FloatOrArray:
    r"""Kullback-Leibler divergence D_KL(P‖Q) of a model Q from the true distribution P.

    Parameters
    ----------
    p : array_like
        The true distribution P, along ``axis``.
    q : array_like
        The model's distribution Q, broadcast against ``p``; the outcome axis must match.
    base : {"nats", "bits", "bans", "hartleys"} or float, default "nats"
        Unit of the result, or the base of the logarithm.
    axis : int, default -1
        The axis of outcomes, in the broadcast shape of ``p`` and ``q``.
    normalize : bool, default False
        Treat ``p`` and ``q`` as counts and divide each row by its total.

    Returns
    -------
    float or ndarray
        D_KL(P‖Q) ≥ 0, zero exactly when P = Q; +inf where Q(x) = 0 < P(x).

    Raises
    ------
    ValueError
        If an entry is outside [0, 1], a row does not sum to 1, the shapes do not broadcast
        or have different numbers of outcomes, ``axis`` is out of range, or ``base`` is not a
        valid unit.
    TypeError
        If ``p`` or ``q`` is not an array of real numbers or ``axis`` is not an integer.

    See Also
    --------
    cross_entropy, js_divergence

    Notes
    -----
    $$
    D_{\mathrm{KL}}(P \,\|\, Q) = \sum_x P(x) \log_b \frac{P(x)}{Q(x)}
    = H(P, Q) - H(P)
    $$

    the extra code length paid for using Q's code on P's outcomes [1]. It is not a distance:
    it is asymmetric and fails the triangle inequality. Gibbs' inequality makes it
    non-negative, and so is every value returned here: the sum is evaluated term by term as
    ``P ln(P/Q) − P + Q`` (the added terms total zero), each term non-negative and accurate
    to a few ulp, so nearly identical distributions give a tiny positive divergence rather
    than a cancelled, possibly negative, one.

    References
    ----------
    [1] S. Kullback and R. A. Leibler, "On Information and Sufficiency", Annals of
       Mathematical Statistics 22 (1951), pp. 79-86.

    Examples
    --------
    >>> from xent import kl_divergence, cross_entropy, entropy
    >>> kl_divergence([1, 0, 0], [0.7, 0.2, 0.1])
    0.35667494393873245
    >>> kl_divergence([0.7, 0.2, 0.1], [1, 0, 0])
    inf

    The divergence is the cross-entropy minus the entropy, not their sum:

    >>> p, q = [0.5, 0.3, 0.2], [0.7, 0.2, 0.1]
    >>> kl_divergence(p, q)
    0.09203285023383188
    >>> cross_entropy(p, q) - entropy(p), cross_entropy(p, q) + entropy(p)
    (0.0920328502338319, 2.151338878362979)

    Two distributions a hair apart:

    >>> kl_divergence([0.5 + 1e-9, 0.5 - 1e-9], [0.5, 0.5])
    1.999999997894578e-18
    """
    log_base = log_of_base(base)
    arrays, index, dtype, check = distributions({"p": p, "q": q}, axis, normalize=normalize)
    terms = partial(relative_entropy_terms, precision=dtype)  # summed to the result's roundoff
    nats = map_rows(partial(_divergence_rows, terms=terms, check=check), arrays, index)
    return output(from_nats(nats, log_base), dtype)


def js_divergence(
    p: ArrayLike, q: ArrayLike, *, base: Base = "nats", axis: int = -1
) -> FloatOrArray:
    r"""Jensen-Shannon divergence of two distributions: symmetric, finite, at most log_b 2.

    Parameters
    ----------
    p, q : array_like
        Distributions along ``axis``, broadcast against each other.
    base : {"nats", "bits", "bans", "hartleys"} or float, default "nats"
        Unit of the result, or the base of the logarithm.
    axis : int, default -1
        The axis of outcomes, in the broadcast shape.

    Returns
    -------
    float or ndarray
        JS(P, Q) in [0, log_b 2].

    Raises
    ------
    ValueError
        As for `kl_divergence`.
    TypeError
        As for `kl_divergence`.

    Notes
    -----
    $$
    \mathrm{JS}(P, Q) = \tfrac12 D_{\mathrm{KL}}(P \,\|\, M)
    + \tfrac12 D_{\mathrm{KL}}(Q \,\|\, M), \qquad M = \tfrac12 (P + Q)
    $$

    Its square root is a metric [1].

    References
    ----------
    [1] D. M. Endres and J. E. Schindelin, "A new metric for probability distributions",
       IEEE Transactions on Information Theory 49 (2003), pp. 1858-1860.

    Examples
    --------
    >>> from xent import js_divergence
    >>> js_divergence([0.2, 0.8], [0.8, 0.2])
    0.19274475702175745
    >>> js_divergence([1, 0], [0, 1], base="bits")
    1.0
    """
    log_base = log_of_base(base)
    arrays, index, dtype, check = distributions({"p": p, "q": q}, axis)
    nats = map_rows(partial(_divergence_rows, terms=_jensen_shannon, check=check), arrays, index)
    return output(from_nats(nats, log_base), dtype)


def binary_entropy(p: ArrayLike, *, base: Base = "nats") -> FloatOrArray:
    r"""Entropy H_b(p) of a coin that lands heads with probability ``p``, elementwise.

    Parameters
    ----------
    p : array_like
        Probabilities in [0, 1].
    base : {"nats", "bits", "bans", "hartleys"} or float, default "nats"
        Unit of the result, or the base of the logarithm.

    Returns
    -------
    float or ndarray
        H_b(p) in [0, log_b 2]; 0 at p = 0 and p = 1.

    Raises
    ------
    ValueError
        If an entry of ``p`` is outside [0, 1] or ``base`` is not a valid unit.
    TypeError
        If ``p`` is not an array of real numbers.

    Notes
    -----
    $$
    H_b(p) = -p \log_b p - (1 - p) \log_b (1 - p)
    $$

    It is evaluated at r = min(p, 1 − p), where 1 − p is exact, with ``log1p(−r)`` for the
    second term, so that H_b(p) = H_b(1 − p) holds exactly and values near 0 and 1 keep
    every digit (the naive formula loses them in ``log(1 − p)``).

    Examples
    --------
    >>> from xent import binary_entropy
    >>> binary_entropy(0.5, base="bits")
    1.0
    >>> binary_entropy(0.9, base="bits")
    0.46899559358928117
    >>> binary_entropy([0.0, 1e-20, 1.0])
    array([0.00000000e+00, 4.70517019e-19, 0.00000000e+00])
    """
    log_base = log_of_base(base)
    array, dtype = _elementwise_probabilities(p, "p")
    nats = map_elements(_binary_entropy, [array])
    return output(from_nats(nats, log_base), dtype)


def perplexity(p: ArrayLike, q: ArrayLike | None = None, *, axis: int = -1) -> FloatOrArray:
    r"""Perplexity: the effective number of equally likely outcomes, ``exp(H)``.

    Parameters
    ----------
    p : array_like
        The true distribution P, along ``axis``.
    q : array_like, optional
        A model Q. If given, the perplexity of Q on P, ``exp(H(P, Q))``; otherwise that of
        P itself, ``exp(H(P))``.
    axis : int, default -1
        The axis of outcomes.

    Returns
    -------
    float or ndarray
        A number ≥ 1, independent of the unit (b to the power of H in base b).

    Raises
    ------
    ValueError, TypeError
        As for `entropy` and `cross_entropy`.

    Examples
    --------
    A fair die is as uncertain as six equally likely outcomes; a model that gives the true
    class probability 0.4 is as perplexed as a choice among 2.5:

    >>> from xent import perplexity
    >>> round(perplexity([1/6] * 6), 12)
    6.0
    >>> perplexity([0, 1, 0, 0, 0], [0.3, 0.4, 0.05, 0.05, 0.2])
    2.5
    """
    nats = entropy(p, axis=axis) if q is None else cross_entropy(p, q, axis=axis)
    return np.exp(nats) if isinstance(nats, np.ndarray) else float(np.exp(nats))
