"""Agreement with SciPy and scikit-learn on well-conditioned inputs (rtol 1e-12).

Well-conditioned: probabilities bounded away from 0 and 1, logits of moderate size, distributions
that are not nearly identical. The failures of the anchors outside that region are in
test_anchor_failures.py.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt
import pytest
import scipy.spatial.distance
import scipy.special
import scipy.stats
from sklearn.metrics import brier_score_loss, log_loss

import xent

RTOL = 1e-12
Array = npt.NDArray[np.float64]


def as_array(x: object) -> Array:
    result: Array = np.asarray(x, dtype=np.float64)
    return result


def rows(seed: int, n: int = 20, k: int = 6, floor: float = 0.01) -> Array:
    """Dirichlet rows mixed with the uniform so that every entry is at least ``floor``."""
    rng = np.random.default_rng(seed)
    result: Array = (1 - k * floor) * rng.dirichlet(np.ones(k), size=n) + floor
    return result


P = rows(1)
Q = rows(2)


def test_entropy_agrees_with_scipy_stats_entropy() -> None:
    expected = scipy.stats.entropy(P, axis=-1)
    assert np.allclose(as_array(xent.entropy(P)), expected, rtol=RTOL, atol=0)
    expected_columns = scipy.stats.entropy(P.T)  # SciPy's default axis=0
    assert np.allclose(as_array(xent.entropy(P.T, axis=0)), expected_columns, rtol=RTOL, atol=0)


@pytest.mark.parametrize(
    ("xent_base", "scipy_base"),
    [
        pytest.param("bits", 2, id="bits"),
        pytest.param("bans", 10, id="bans"),
        pytest.param("hartleys", 10, id="hartleys"),
        pytest.param(2, 2, id="2"),
        pytest.param(3.5, 3.5, id="3.5"),
        pytest.param(math.e, None, id="e"),
    ],
)
def test_bases_agree_with_scipy_stats_entropy(
    xent_base: str | float, scipy_base: float | None
) -> None:
    assert np.allclose(
        as_array(xent.entropy(P, base=xent_base)),
        scipy.stats.entropy(P, base=scipy_base, axis=-1),
        rtol=RTOL,
        atol=0,
    )
    assert np.allclose(
        as_array(xent.kl_divergence(P, Q, base=xent_base)),
        scipy.stats.entropy(P, Q, base=scipy_base, axis=-1),
        rtol=RTOL,
        atol=0,
    )


def test_kl_divergence_agrees_with_scipy_stats_entropy_of_two_arguments() -> None:
    expected = scipy.stats.entropy(P, Q, axis=-1)
    assert np.allclose(as_array(xent.kl_divergence(P, Q)), expected, rtol=RTOL, atol=0)


def test_kl_divergence_agrees_with_scipy_special_rel_entr_and_kl_div() -> None:
    values = as_array(xent.kl_divergence(P, Q))
    assert np.allclose(values, scipy.special.rel_entr(P, Q).sum(axis=-1), rtol=RTOL, atol=0)
    assert np.allclose(values, scipy.special.kl_div(P, Q).sum(axis=-1), rtol=RTOL, atol=0)


def test_kl_divergence_with_zeros_in_p_agrees_with_rel_entr() -> None:
    p = P.copy()
    p[:, 0] = 0.0
    p /= p.sum(axis=-1, keepdims=True)
    expected = scipy.special.rel_entr(p, Q).sum(axis=-1)
    assert np.allclose(as_array(xent.kl_divergence(p, Q)), expected, rtol=RTOL, atol=0)


def test_cross_entropy_agrees_with_scipy_xlogy() -> None:
    expected = -scipy.special.xlogy(P, Q).sum(axis=-1)
    assert np.allclose(as_array(xent.cross_entropy(P, Q)), expected, rtol=RTOL, atol=0)


def test_js_divergence_agrees_with_the_square_of_scipy_jensenshannon() -> None:
    expected = scipy.spatial.distance.jensenshannon(P, Q, axis=-1) ** 2
    assert np.allclose(as_array(xent.js_divergence(P, Q)), expected, rtol=1e-11, atol=0)
    expected_bits = scipy.spatial.distance.jensenshannon(P, Q, base=2, axis=-1) ** 2
    assert np.allclose(
        as_array(xent.js_divergence(P, Q, base="bits")), expected_bits, rtol=1e-11, atol=0
    )


def test_perplexity_agrees_with_exp_of_scipy_entropy() -> None:
    expected = np.exp(scipy.stats.entropy(P, axis=-1))
    assert np.allclose(as_array(xent.perplexity(P)), expected, rtol=RTOL, atol=0)


def test_binary_entropy_agrees_with_scipy_special_entr() -> None:
    p = np.linspace(0.01, 0.99, 99)
    expected = scipy.special.entr(p) + scipy.special.entr(1 - p)
    assert np.allclose(as_array(xent.binary_entropy(p)), expected, rtol=RTOL, atol=0)


def test_self_information_agrees_with_minus_log() -> None:
    p = np.linspace(0.01, 1.0, 100)
    assert np.allclose(as_array(xent.self_information(p)), -np.log(p), rtol=RTOL, atol=1e-300)


# scale 1: no class dominates, so SciPy's log(sum) near 0 does not lose digits (see the anchors)
LOGITS = np.random.default_rng(3).normal(scale=1.0, size=(20, 7))


@pytest.mark.parametrize("axis", [-1, 0, 1])
def test_softmax_family_agrees_with_scipy_special(axis: int) -> None:
    assert np.allclose(
        as_array(xent.softmax(LOGITS, axis=axis)),
        scipy.special.softmax(LOGITS, axis=axis),
        rtol=RTOL,
        atol=0,
    )
    assert np.allclose(
        as_array(xent.log_softmax(LOGITS, axis=axis)),
        scipy.special.log_softmax(LOGITS, axis=axis),
        rtol=RTOL,
        atol=0,
    )
    assert np.allclose(
        as_array(xent.logsumexp(LOGITS, axis=axis)),
        scipy.special.logsumexp(LOGITS, axis=axis),
        rtol=RTOL,
        atol=0,
    )


def test_softmax_cross_entropy_agrees_with_scipy_log_softmax() -> None:
    target = np.arange(LOGITS.shape[0]) % LOGITS.shape[1]
    expected = -np.take_along_axis(
        scipy.special.log_softmax(LOGITS, axis=-1), target[:, None], axis=-1
    )[:, 0]
    assert np.allclose(
        as_array(xent.softmax_cross_entropy(LOGITS, target)), expected, rtol=RTOL, atol=0
    )
    soft = rows(4, n=LOGITS.shape[0], k=LOGITS.shape[1])
    expected_soft = -(soft * scipy.special.log_softmax(LOGITS, axis=-1)).sum(axis=-1)
    assert np.allclose(
        as_array(xent.softmax_cross_entropy(LOGITS, soft)), expected_soft, rtol=RTOL, atol=0
    )


def test_binary_cross_entropy_agrees_with_sklearn_log_loss() -> None:
    rng = np.random.default_rng(5)
    y = rng.integers(0, 2, size=50)
    y[:2] = [0, 1]  # both classes present
    p = rng.uniform(0.02, 0.98, size=50)
    mean = float(xent.binary_cross_entropy(y, p, reduction="mean"))
    assert math.isclose(mean, log_loss(y, p), rel_tol=RTOL)
    total = float(xent.binary_cross_entropy(y, p, reduction="sum"))
    assert math.isclose(total, log_loss(y, p, normalize=False), rel_tol=RTOL)
    z = np.log(p / (1 - p))
    from_logits = float(xent.binary_cross_entropy(y, logits=z, reduction="mean"))
    assert math.isclose(from_logits, log_loss(y, p), rel_tol=1e-10)


def test_softmax_cross_entropy_agrees_with_sklearn_multiclass_log_loss() -> None:
    probabilities = rows(6, n=40, k=5)
    rng = np.random.default_rng(7)
    y = rng.integers(0, 5, size=40)
    y[:5] = np.arange(5)  # every class present
    expected = log_loss(y, probabilities, labels=np.arange(5))
    mean = float(xent.softmax_cross_entropy(np.log(probabilities), y, reduction="mean"))
    assert math.isclose(mean, expected, rel_tol=RTOL)
    one_hot = np.eye(5)[y]
    assert math.isclose(
        float(xent.cross_entropy(one_hot, probabilities).mean()), expected, rel_tol=RTOL
    )


def test_brier_score_agrees_with_sklearn_brier_score_loss_in_both_its_conventions() -> None:
    """scikit-learn halves the binary score by default (scale_by_half="auto"): the squared
    error of the positive class's probability. Brier's sum over classes is twice that."""
    rng = np.random.default_rng(8)
    y = rng.integers(0, 2, size=50)
    p = rng.uniform(0.02, 0.98, size=50)
    two_class = np.stack([1 - p, p], axis=-1)
    mean = float(xent.brier_score(two_class, y, reduction="mean"))
    assert math.isclose(mean, brier_score_loss(y, p, scale_by_half=False), rel_tol=RTOL)
    assert math.isclose(mean / 2, brier_score_loss(y, p), rel_tol=RTOL)
    probabilities = rows(9, n=40, k=5)
    labels = rng.integers(0, 5, size=40)
    labels[:5] = np.arange(5)
    expected = brier_score_loss(labels, probabilities, labels=np.arange(5))
    assert math.isclose(
        float(xent.brier_score(probabilities, labels, reduction="mean")), expected, rel_tol=RTOL
    )
