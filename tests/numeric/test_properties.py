"""Property-based tests (Hypothesis) over generated distributions and logits."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, SupportsFloat, cast

import numpy as np
import numpy.typing as npt
from hypothesis import assume, given
from hypothesis import strategies as st

import xent

if TYPE_CHECKING:
    from random import Random

LN2 = math.log(2.0)
LN10 = math.log(10.0)

Array = npt.NDArray[np.float64]


def as_float(x: object) -> float:
    return float(cast("SupportsFloat", x))


def as_array(x: object) -> Array:
    return cast("Array", np.asarray(x, dtype=np.float64))


weights = st.one_of(
    st.just(0.0),
    st.floats(min_value=1e-6, max_value=1.0),
    st.floats(min_value=1e-300, max_value=1e-6),
)
positive_weights = st.floats(min_value=1e-6, max_value=1.0)


def normalised(raw: list[float]) -> Array:
    values = np.array(raw, dtype=np.float64)
    result: Array = values / values.sum()
    return result


@st.composite
def distributions(draw: st.DrawFn, size: int | None = None, *, positive: bool = False) -> Array:
    """A probability row: non-negative, summing to 1 within a few ulp, possibly with zeros."""
    n = draw(st.integers(min_value=1, max_value=8)) if size is None else size
    element = positive_weights if positive else weights
    raw = draw(st.lists(element, min_size=n, max_size=n))
    assume(sum(raw) > 1e-3)
    return normalised(raw)


@st.composite
def distribution_pairs(draw: st.DrawFn, *, q_positive: bool = True) -> tuple[Array, Array]:
    n = draw(st.integers(min_value=1, max_value=8))
    return draw(distributions(n)), draw(distributions(n, positive=q_positive))


@st.composite
def batches(draw: st.DrawFn) -> tuple[Array, Array]:
    """A single distribution p and a batch of q of the same length."""
    n = draw(st.integers(min_value=1, max_value=6))
    rows = draw(st.integers(min_value=1, max_value=5))
    p = draw(distributions(n))
    q = np.stack([draw(distributions(n, positive=True)) for _ in range(rows)])
    return p, q


finite_logits = st.floats(min_value=-50.0, max_value=50.0)
logit_rows = st.lists(finite_logits, min_size=1, max_size=8).map(np.array)
bases = st.one_of(
    st.sampled_from(["bits", "bans", "hartleys", 2, 10, math.e]),
    st.floats(min_value=1.01, max_value=1e6),
)


def log_of(base: Any) -> float:
    named = {"nats": 1.0, "bits": LN2, "bans": LN10, "hartleys": LN10}
    return named[base] if isinstance(base, str) else math.log(cast("float", base))


# --- identities ----------------------------------------------------------------------------------


@given(distribution_pairs())
def test_kl_equals_cross_entropy_minus_entropy(pair: tuple[Array, Array]) -> None:
    p, q = pair
    kl = as_float(xent.kl_divergence(p, q))
    ce = as_float(xent.cross_entropy(p, q))
    h = as_float(xent.entropy(p))
    assert math.isclose(kl, ce - h, rel_tol=1e-9, abs_tol=1e-13 * (1 + ce))


@given(distribution_pairs(q_positive=False))
def test_gibbs_inequality_cross_entropy_is_at_least_entropy(pair: tuple[Array, Array]) -> None:
    p, q = pair
    ce = as_float(xent.cross_entropy(p, q))
    h = as_float(xent.entropy(p))
    assert ce >= h - 1e-13 * (1 + h)


@given(distribution_pairs(q_positive=False))
def test_kl_is_never_negative(pair: tuple[Array, Array]) -> None:
    p, q = pair
    kl = as_float(xent.kl_divergence(p, q))
    assert kl >= 0.0
    assert math.copysign(1.0, kl) == 1.0


@given(distributions())
def test_kl_of_a_distribution_with_itself_is_exactly_positive_zero(p: Array) -> None:
    kl = as_float(xent.kl_divergence(p, p.copy()))
    assert kl == 0.0
    assert math.copysign(1.0, kl) == 1.0


@given(distribution_pairs())
def test_kl_is_positive_when_the_distributions_differ(pair: tuple[Array, Array]) -> None:
    p, q = pair
    assume(float(np.max(np.abs(p - q))) > 1e-6)
    assert as_float(xent.kl_divergence(p, q)) > 0.0


@given(distributions(), bases)
def test_base_conversion_divides_by_the_log_of_the_base(p: Array, base: Any) -> None:
    nats = as_float(xent.entropy(p))
    assert math.isclose(as_float(xent.entropy(p, base=base)), nats / log_of(base), rel_tol=1e-14)


@given(distribution_pairs(), bases)
def test_base_conversion_is_the_same_for_every_divergence(
    pair: tuple[Array, Array], base: Any
) -> None:
    p, q = pair
    for function in (xent.cross_entropy, xent.kl_divergence, xent.js_divergence):
        nats = as_float(function(p, q))
        converted = as_float(function(p, q, base=base))
        assert math.isclose(converted, nats / log_of(base), rel_tol=1e-14, abs_tol=1e-300)


@given(st.floats(min_value=0.0, max_value=1.0))
def test_cross_entropy_of_a_swapped_coin_pair_is_symmetric(a: float) -> None:
    b = 1.0 - a
    p, q = np.array([a, b]), np.array([b, a])
    assert math.isclose(
        as_float(xent.cross_entropy(p, q)), as_float(xent.cross_entropy(q, p)), rel_tol=1e-12
    )
    assert math.isclose(
        as_float(xent.kl_divergence(p, q)),
        as_float(xent.kl_divergence(q, p)),
        rel_tol=1e-12,
        abs_tol=1e-300,
    )


@given(distribution_pairs(q_positive=False))
def test_js_divergence_is_symmetric_and_bounded_by_ln_2(pair: tuple[Array, Array]) -> None:
    p, q = pair
    forward = as_float(xent.js_divergence(p, q))
    backward = as_float(xent.js_divergence(q, p))
    assert math.isclose(forward, backward, rel_tol=1e-12, abs_tol=1e-16)
    assert 0.0 <= forward <= LN2 * (1 + 1e-15)
    assert math.copysign(1.0, forward) == 1.0


@given(distributions(), st.randoms(use_true_random=False))
def test_entropy_is_invariant_under_permutation_and_bounded_by_log_k(p: Array, rng: Random) -> None:
    order = list(range(p.size))
    rng.shuffle(order)
    h = as_float(xent.entropy(p))
    assert math.isclose(as_float(xent.entropy(p[order])), h, rel_tol=1e-13, abs_tol=1e-300)
    assert 0.0 <= h <= math.log(p.size) * (1 + 1e-14) + 1e-300
    assert math.copysign(1.0, h) == 1.0


@given(distributions())
def test_perplexity_is_the_exponential_of_entropy(p: Array) -> None:
    assert math.isclose(
        as_float(xent.perplexity(p)), math.exp(as_float(xent.entropy(p))), rel_tol=1e-13
    )


@given(
    st.lists(st.floats(min_value=0.0, max_value=1e6), min_size=1, max_size=8),
)
def test_normalize_true_equals_dividing_by_the_sum(counts: list[float]) -> None:
    assume(sum(counts) > 0)
    c = np.array(counts)
    assert math.isclose(
        as_float(xent.entropy(c, normalize=True)),
        as_float(xent.entropy(c / c.sum())),
        rel_tol=1e-12,
        abs_tol=1e-15,
    )


# --- softmax family ------------------------------------------------------------------------------


@given(logit_rows)
def test_softmax_is_a_distribution(z: Array) -> None:
    s = as_array(xent.softmax(z))
    assert s.shape == z.shape
    assert (s >= 0).all()
    assert (s <= 1).all()
    assert abs(float(s.sum()) - 1.0) <= 4 * z.size * np.finfo(float).eps


@given(logit_rows)
def test_log_softmax_is_the_log_of_softmax(z: Array) -> None:
    log_s = as_array(xent.log_softmax(z))
    s = as_array(xent.softmax(z))
    assert (log_s <= 0).all()
    visible = s > 1e-300
    assert np.allclose(log_s[visible], np.log(s[visible]), rtol=1e-12, atol=1e-15)


@given(logit_rows, st.floats(min_value=-1e3, max_value=1e3))
def test_logsumexp_is_shift_invariant(z: Array, c: float) -> None:
    shifted = as_float(xent.logsumexp(z + c))
    plain = as_float(xent.logsumexp(z))
    scale = abs(c) + float(np.max(np.abs(z))) + 1
    assert math.isclose(shifted, plain + c, rel_tol=0, abs_tol=1e-14 * scale)
    upper = float(np.max(z)) + math.log(z.size)
    assert float(np.max(z)) <= plain <= upper + 4 * math.ulp(upper)


@given(logit_rows, st.floats(min_value=-1e3, max_value=1e3))
def test_softmax_is_shift_invariant(z: Array, c: float) -> None:
    assert np.allclose(
        as_array(xent.softmax(z + c)), as_array(xent.softmax(z)), rtol=1e-9, atol=1e-12
    )


@given(logit_rows, st.data())
def test_one_hot_probability_target_equals_index_target(z: Array, data: st.DataObject) -> None:
    k = data.draw(st.integers(min_value=0, max_value=z.size - 1))
    by_index = as_float(xent.softmax_cross_entropy(z, k))
    by_row = as_float(xent.softmax_cross_entropy(z, np.eye(z.size)[k]))
    assert math.isclose(by_index, by_row, rel_tol=1e-14, abs_tol=1e-300)
    from_log_softmax = -float(as_array(xent.log_softmax(z))[k])
    assert math.isclose(by_index, from_log_softmax, rel_tol=1e-12, abs_tol=1e-15)
    assert by_index >= 0.0
    assert math.copysign(1.0, by_index) == 1.0


@given(logit_rows, st.data(), st.floats(min_value=0.0, max_value=1.0))
def test_label_smoothing_equals_the_smoothed_probability_target(
    z: Array, data: st.DataObject, epsilon: float
) -> None:
    k = data.draw(st.integers(min_value=0, max_value=z.size - 1))
    target = (1 - epsilon) * np.eye(z.size)[k] + epsilon / z.size
    smoothed = as_float(xent.softmax_cross_entropy(z, k, label_smoothing=epsilon))
    explicit = as_float(xent.softmax_cross_entropy(z, target))
    assert math.isclose(smoothed, explicit, rel_tol=1e-12, abs_tol=1e-14)


@given(logit_rows, st.data())
def test_softmax_cross_entropy_is_cross_entropy_of_softmax(z: Array, data: st.DataObject) -> None:
    t = data.draw(distributions(z.size))
    from_logits = as_float(xent.softmax_cross_entropy(z, t))
    log_s = as_array(xent.log_softmax(z))
    expected = -float(np.sum(np.where(t > 0, t * log_s, 0.0)))
    assert math.isclose(from_logits, expected, rel_tol=1e-12, abs_tol=1e-13)


# --- binary --------------------------------------------------------------------------------------


@given(st.floats(min_value=0.0, max_value=1.0), st.floats(min_value=-10.0, max_value=10.0))
def test_bce_from_logits_equals_bce_from_sigmoid_where_well_conditioned(y: float, z: float) -> None:
    p = 1.0 / (1.0 + math.exp(-z))
    from_logits = as_float(xent.binary_cross_entropy(y, logits=z))
    from_p = as_float(xent.binary_cross_entropy(y, p))
    assert math.isclose(from_logits, from_p, rel_tol=1e-9, abs_tol=1e-12)


@given(st.floats(min_value=0.0, max_value=1.0), st.floats(min_value=-700.0, max_value=700.0))
def test_bce_from_logits_is_two_class_softmax_cross_entropy(y: float, z: float) -> None:
    bce = as_float(xent.binary_cross_entropy(y, logits=z))
    softmax_ce = as_float(xent.softmax_cross_entropy([z, 0.0], [y, 1.0 - y]))
    # z·y − z cancels for soft y near 0 or 1: allow a few ulp of |z| in absolute terms.
    assert math.isclose(bce, softmax_ce, rel_tol=1e-12, abs_tol=4e-16 * (1 + abs(z)))


@given(st.floats(min_value=0.0, max_value=1.0), st.floats(min_value=-700.0, max_value=700.0))
def test_bce_is_never_negative_nor_below_the_binary_entropy(y: float, z: float) -> None:
    bce = as_float(xent.binary_cross_entropy(y, logits=z))
    assert bce >= 0.0
    assert math.copysign(1.0, bce) == 1.0
    floor = as_float(xent.binary_entropy(y))
    assert bce >= floor * (1 - 1e-14) - 4e-16 * (1 + abs(z))


@given(st.floats(min_value=0.0, max_value=1.0))
def test_bce_at_its_own_label_is_the_binary_entropy(y: float) -> None:
    assert math.isclose(
        as_float(xent.binary_cross_entropy(y, y)),
        as_float(xent.binary_entropy(y)),
        rel_tol=1e-13,
        abs_tol=1e-300,
    )


@given(st.floats(min_value=0.5, max_value=1.0))
def test_binary_entropy_is_symmetric_about_one_half(p: float) -> None:
    mirror = 1.0 - p  # exact for p in [0.5, 1]
    assert math.isclose(
        as_float(xent.binary_entropy(p)), as_float(xent.binary_entropy(mirror)), rel_tol=1e-15
    )


@given(st.floats(min_value=0.5, max_value=1.0))
def test_binary_entropy_is_the_entropy_of_the_coin(p: float) -> None:
    # 1 − p is exact for p in [0.5, 1], so [p, 1 − p] is exactly the coin
    assert math.isclose(
        as_float(xent.binary_entropy(p)),
        as_float(xent.entropy([p, 1.0 - p])),
        rel_tol=1e-13,
        abs_tol=1e-300,
    )
    assert as_float(xent.binary_entropy(p)) <= LN2 * (1 + 1e-15)


# --- broadcasting --------------------------------------------------------------------------------


@given(batches())
def test_one_distribution_against_a_batch_is_the_same_as_a_loop(
    batch: tuple[Array, Array],
) -> None:
    p, q = batch
    for function in (xent.cross_entropy, xent.kl_divergence, xent.js_divergence):
        together = as_array(function(p, q))
        assert together.shape == (q.shape[0],)
        one_by_one = [as_float(function(p, row)) for row in q]
        assert np.allclose(together, one_by_one, rtol=1e-14, atol=1e-300)
        transposed = as_array(function(p[:, None], q.T, axis=0))
        assert np.allclose(transposed, one_by_one, rtol=1e-14, atol=1e-300)


@given(batches())
def test_batch_softmax_cross_entropy_is_the_same_as_a_loop(batch: tuple[Array, Array]) -> None:
    _, q = batch
    logits = np.log(q)
    k = np.arange(q.shape[0]) % q.shape[1]
    together = as_array(xent.softmax_cross_entropy(logits, k))
    one_by_one = [
        as_float(xent.softmax_cross_entropy(row, int(i))) for row, i in zip(logits, k, strict=True)
    ]
    assert np.allclose(together, one_by_one, rtol=1e-14, atol=1e-300)
    mean = as_float(xent.softmax_cross_entropy(logits, k, reduction="mean"))
    assert math.isclose(mean, float(np.mean(one_by_one)), rel_tol=1e-13, abs_tol=1e-300)


# --- hostile generations ----------------------------------------------------------------------


@given(
    distributions(positive=True),
    st.lists(st.floats(min_value=-1e-6, max_value=1e-6), min_size=8, max_size=8),
)
def test_kl_of_a_slightly_perturbed_distribution_lies_between_pinsker_and_chi_squared(
    q: Array, noise: list[float]
) -> None:
    p = q * (1 + np.array(noise[: q.size]))
    p /= p.sum()
    kl = as_float(xent.kl_divergence(p, q))
    assert kl >= 0.0
    assert math.copysign(1.0, kl) == 1.0
    total_variation = 0.5 * float(np.abs(p - q).sum())
    chi_squared = float(np.sum((p - q) ** 2 / q))
    assert 2 * total_variation**2 * (1 - 1e-6) - 1e-30 <= kl <= chi_squared * (1 + 1e-6) + 1e-30


@given(st.lists(st.floats(min_value=-700.0, max_value=-37.0), min_size=1, max_size=7))
def test_cross_entropy_of_a_confident_right_prediction_is_the_sum_of_the_other_exponentials(
    others: list[float],
) -> None:
    # true class logit 0, the others far below: the loss is log1p(Σ e^z_j) = Σ e^z_j to 1e-16
    logits = np.array([0.0, *others])
    expected = math.fsum(math.exp(z) for z in others)
    assert math.isclose(
        as_float(xent.softmax_cross_entropy(logits, 0)), expected, rel_tol=1e-14, abs_tol=0
    )


@given(st.floats(min_value=37.0, max_value=700.0))
def test_bce_of_a_confident_right_logit_is_exp_minus_z(z: float) -> None:
    expected = math.exp(-z)
    assert math.isclose(
        as_float(xent.binary_cross_entropy(1.0, logits=z)), expected, rel_tol=1e-14, abs_tol=0
    )
    assert math.isclose(
        as_float(xent.binary_cross_entropy(0.0, logits=-z)), expected, rel_tol=1e-14, abs_tol=0
    )
