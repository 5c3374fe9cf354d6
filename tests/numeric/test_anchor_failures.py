"""The eight known failures of SciPy, scikit-learn and PyTorch, reproduced, and xent's right answer.

SciPy and scikit-learn are installed: where they are the anchor, the test calls them on the
hostile input and shows the wrong answer next to xent's. PyTorch, Keras, optax and dit are not
installed: their failure is encoded as the exact input that trips them, the value they return
(from their documented formula, quoted in a comment) and the true value, computed with mpmath at
50 digits (the decimal expansions below were produced that way and are asserted to ~1e-15).
"""

from __future__ import annotations

import math
from typing import SupportsFloat, cast

import numpy as np
import pytest
import scipy.special
import scipy.stats
from mpmath import mp, mpf
from sklearn.metrics import log_loss

import xent

INF = math.inf


def as_float(x: object) -> float:
    return float(cast("SupportsFloat", x))


def kl_of_normalised_floats(p: list[float], q: list[float]) -> float:
    """KL of the given float rows after exact normalisation, with mpmath at 60 digits."""
    with mp.workdps(60):
        big_p = [mpf(x) for x in p]
        big_q = [mpf(x) for x in q]
        sp, sq = sum(big_p), sum(big_q)
        return float(
            sum(
                a / sp * mp.log((a / sp) / (b / sq)) for a, b in zip(big_p, big_q, strict=True) if a
            )
        )


# --- 1. Loss capped by clipping ------------------------------------------------------------------


def test_sklearn_log_loss_clips_a_confident_mistake_but_xent_does_not() -> None:
    y, p = [1, 0], [1e-50, 0.0]
    # true mean loss: (−ln 1e-50 + −ln 1)/2, mpmath
    true_mean = 57.564627324851142097
    anchor = log_loss(y, p)
    assert anchor < 20  # scikit-learn clips p to machine epsilon: (36.04 + 0)/2 = 18.02
    value = as_float(xent.binary_cross_entropy(y, p, reduction="mean"))
    assert math.isclose(value, true_mean, rel_tol=1e-14)


def test_torch_bce_clamps_log_at_minus_100_but_xent_does_not() -> None:
    # PyTorch's functional binary_cross_entropy on float64 input 1e-50 with target 1
    # returns 100.0: PyTorch clamps log(p) at -100. Keras clips p to [1e-7, 1 - 1e-7]: 16.1181.
    torch_value, keras_value = 100.0, 16.118095650958319788
    true_value = 115.12925464970228420  # −ln(1e-50), mpmath
    value = as_float(xent.binary_cross_entropy(1.0, 1e-50))
    assert math.isclose(value, true_value, rel_tol=1e-14)
    assert value not in {torch_value, keras_value}


def test_keras_clip_inflates_tiny_float32_losses_but_xent_does_not() -> None:
    # Keras binary_crossentropy clips p to 1 − 1e-7 = float32 0.99999988, so any loss below
    # −ln(0.99999988) = 1.19209297e-7 is inflated to it, and a perfect p = 1 costs 1.19e-7.
    keras_floor = 1.1920929665620917229e-7
    p = np.array([1 - 2**-24, 1.0], dtype=np.float32)
    values = np.asarray(xent.binary_cross_entropy(np.ones(2, dtype=np.float32), p))
    assert values.dtype == np.float32
    true_first = 5.9604646551747534986e-8  # −ln(1 − 2^-24), mpmath
    assert math.isclose(float(values[0]), true_first, rel_tol=2**-22)
    assert float(values[1]) == 0.0
    assert float(values[0]) < keras_floor


# --- 2. Silent normalisation and missing validation ----------------------------------------------


@pytest.mark.parametrize(
    "p",
    [
        pytest.param([1.0, 1.0], id="counts 1,1"),
        pytest.param([0.5, 0.6], id="sum 1.1"),
        pytest.param([-0.5, 1.5], id="negative entry"),
    ],
)
def test_scipy_entropy_silently_accepts_what_xent_rejects(p: list[float]) -> None:
    with np.errstate(divide="ignore", invalid="ignore"):
        anchor = float(scipy.stats.entropy(p))
    assert not math.isnan(anchor)  # SciPy returns a number (ln 2, 0.689, -inf) instead of failing
    with pytest.raises(ValueError, match=r"\bp\b"):
        xent.entropy(p)


def test_scipy_entropy_silently_normalises_q_but_xent_rejects_it() -> None:
    anchor = float(scipy.stats.entropy([0.5, 0.5], [0.5, 0.6]))
    assert math.isfinite(anchor)
    with pytest.raises(ValueError, match=r"\bq\b"):
        xent.kl_divergence([0.5, 0.5], [0.5, 0.6])


def test_dit_negative_entropy_for_invalid_input_is_rejected_by_xent() -> None:
    # dit.Distribution(["H", "T"], [1.5, 0.5], validate=False) has shannon.entropy
    # −(1.5 log2 1.5 + 0.5 log2 0.5) = −0.377443751 bits (mpmath): a negative "entropy".
    dit_value = -0.37744375108173427218
    assert dit_value < 0
    with pytest.raises(ValueError, match=r"\bp\b"):
        xent.entropy([1.5, 0.5], base="bits")
    with pytest.raises(ValueError, match=r"\bp\b"):
        xent.entropy([1.5, -0.5], base="bits")


# --- 3. Negative, badly wrong KL for nearly identical distributions ------------------------------


@pytest.mark.parametrize(
    "d",
    [1e-8, 1e-9, 1e-10, 1e-12],
    ids=lambda d: f"d={d:.0e}",
)
def test_scipy_kl_of_nearly_identical_distributions_is_wrong_but_xent_is_right(d: float) -> None:
    p, q = [0.1 + d, 0.9 - d], [0.1, 0.9]
    true_value = kl_of_normalised_floats(p, q)  # ≈ d²/(2·0.1·0.9) = 5.56 d²
    assert math.isclose(true_value, d * d / 0.18, rel_tol=1e-5)
    anchor = float(scipy.stats.entropy(p, q))
    assert anchor < 0 or abs(anchor - true_value) > 0.05 * true_value  # SciPy: -1.4e-17 at 1e-10
    value = as_float(xent.kl_divergence(p, q))
    assert value >= 0.0
    assert math.copysign(1.0, value) == 1.0
    assert math.isclose(value, true_value, rel_tol=1e-9)


def test_torch_kl_div_of_nearly_identical_distributions_is_negative_but_xent_is_right() -> None:
    # torch.nn.functional.kl_div(q.log(), p, reduction="sum") computes Σ p·(log p − log q)
    # pointwise; in float64 on this input that is −4.43e-17, in float32 exactly 0.
    p, q = [0.1 + 1e-10, 0.9 - 1e-10], [0.1, 0.9]
    torch_float64 = float(sum(a * (np.log(a) - np.log(b)) for a, b in zip(p, q, strict=True)))
    assert torch_float64 < 0
    true_value = 5.555555085468149e-20  # kl_of_normalised_floats(p, q), mpmath
    assert math.isclose(kl_of_normalised_floats(p, q), true_value, rel_tol=1e-12)
    value = as_float(xent.kl_divergence(p, q))
    assert math.isclose(value, true_value, rel_tol=1e-9)


# --- 4. Tiny cross-entropy from logits rounding to zero ------------------------------------------


def test_scipy_log_softmax_rounds_a_tiny_loss_to_zero_but_xent_does_not() -> None:
    logits = [40.0, 0.0]
    true_value = 4.2483542552915889863e-18  # ln(1 + e^-40), mpmath
    anchor = -float(scipy.special.log_softmax(logits)[0])
    assert anchor == 0.0  # SciPy: log(1 + 4e-18) rounds to log(1) = 0
    # PyTorch cross_entropy, optax.softmax_cross_entropy and Keras (from_logits=True) compute
    # logsumexp(z) − z_y = 40.000000000000004 − 40 → 0 on the same input.
    value = as_float(xent.softmax_cross_entropy(logits, 0))
    assert math.isclose(value, true_value, rel_tol=1e-14)
    value = as_float(xent.softmax_cross_entropy(logits, [1.0, 0.0]))
    assert math.isclose(value, true_value, rel_tol=1e-14)


def test_torch_bce_with_logits_rounds_a_tiny_loss_to_zero_but_xent_does_not() -> None:
    # torch BCEWithLogitsLoss: (1 − y)·z + log(1 + exp(−z)) at z = 40, y = 1 → log(1.0) = 0.
    true_value = 4.2483542552915889863e-18  # ln(1 + e^-40), mpmath
    value = as_float(xent.binary_cross_entropy(1.0, logits=40.0))
    assert math.isclose(value, true_value, rel_tol=1e-14)


def test_float32_cross_entropy_from_logits_is_not_rounded_to_zero() -> None:
    # PyTorch's default float32: logsumexp([20, 0]) = 20 + 2e-9 rounds to 20, loss 0.
    true_value = 2.0611536203143807032e-9  # ln(1 + e^-20), mpmath
    logits = np.array([[20.0, 0.0]], dtype=np.float32)
    values = np.asarray(xent.softmax_cross_entropy(logits, np.array([0])))
    assert values.dtype == np.float32
    assert math.isclose(float(values[0]), true_value, rel_tol=2**-21)


# --- 5. NaN at ±inf logits and at −inf log-targets -----------------------------------------------


def test_torch_gives_nan_for_an_infinite_true_logit_but_xent_gives_zero() -> None:
    # torch.nn.functional.cross_entropy(tensor([[inf, 0., 0.]]), tensor([0])) is nan (inf − inf).
    value = as_float(xent.softmax_cross_entropy([INF, 0.0, 0.0], 0))
    assert value == 0.0
    assert math.copysign(1.0, value) == 1.0


def test_optax_gives_nan_for_a_masked_logit_but_xent_ignores_it() -> None:
    # optax.softmax_cross_entropy(logits=[0, -inf], labels=[1, 0]) is nan (0 · −inf); Keras too.
    assert as_float(xent.softmax_cross_entropy([0.0, -INF], [1.0, 0.0])) == 0.0
    # With three classes the true loss is ln(1 + e) (mpmath 1.3132616875182228340).
    value = as_float(xent.softmax_cross_entropy([0.0, -INF, 1.0], [1.0, 0.0, 0.0]))
    assert math.isclose(value, 1.3132616875182228340, rel_tol=1e-14)


def test_torch_kl_div_gives_nan_for_a_minus_inf_log_target_but_xent_does_not() -> None:
    # torch.nn.functional.kl_div(log q, log p, log_target=True) with log p = [0, −inf]:
    # exp(−inf)·(−inf − log q) = 0·(−inf) = nan. The true value is KL([1, 0]‖[½, ½]) = ln 2.
    value = as_float(xent.kl_divergence([1.0, 0.0], [0.5, 0.5]))
    assert math.isclose(value, 0.69314718055994530942, rel_tol=1e-15)


def test_torch_bce_with_logits_gives_nan_at_infinite_logits_but_xent_does_not() -> None:
    # torch BCEWithLogitsLoss at z = +inf, y = 1: (1 − y)·z = 0·inf = nan. True loss 0.
    values = np.asarray(xent.binary_cross_entropy([1.0, 0.0], logits=[INF, -INF])).tolist()
    assert values == [0.0, 0.0]


# --- 6. Reduction traps --------------------------------------------------------------------------


def test_scipy_entropy_works_down_columns_but_xent_works_along_rows() -> None:
    p = np.array([[0.5, 0.5, 0.0], [0.2, 0.3, 0.5]])
    anchor = scipy.stats.entropy(p)
    assert anchor.shape == (3,)  # SciPy's default axis=0 normalises columns
    values = np.asarray(xent.entropy(p))
    assert values.shape == (2,)
    # mpmath: ln 2 and −(0.2 ln 0.2 + 0.3 ln 0.3 + 0.5 ln 0.5)
    assert np.allclose(values, [0.69314718055994530942, 1.0296530140645737], rtol=1e-14, atol=0)


def test_torch_kl_div_mean_is_not_kl_but_xent_gives_per_row_kl() -> None:
    p = [[0.5, 0.25, 0.25], [0.2, 0.3, 0.5]]
    q = [[0.25, 0.5, 0.25], [0.5, 0.3, 0.2]]
    true_rows = [0.17328679513998632735, 0.27488721956224649273]  # mpmath
    true_batch_mean = 0.22408700735111641004
    torch_mean = 0.074695669117038803347  # kl_div(..., reduction="mean"): sum / 6 elements
    values = np.asarray(xent.kl_divergence(p, q))
    assert np.allclose(values, true_rows, rtol=1e-14, atol=0)
    assert math.isclose(float(values.mean()), true_batch_mean, rel_tol=1e-14)
    assert not math.isclose(float(values.mean()), torch_mean, rel_tol=0.5)


def test_keras_averages_multi_label_bce_over_labels_but_xent_keeps_them() -> None:
    # Keras binary_crossentropy on y = [0, 1, 1], p = [0.1, 0.7, 0.8] returns the per-sample
    # mean over labels, 0.22839; the multi-label loss of that sample is the sum, 0.68518.
    y, p = np.array([[0.0, 1.0, 1.0]]), np.array([[0.1, 0.7, 0.8]])
    values = np.asarray(xent.binary_cross_entropy(y, p))
    assert values.shape == (1, 3)
    total = as_float(xent.binary_cross_entropy(y, p, reduction="sum"))
    assert math.isclose(total, 0.68517901091076843591, rel_tol=1e-14)
    assert math.isclose(float(values.sum(axis=-1)[0]), total, rel_tol=1e-15)


# --- 7. A finite KL where the answer is +inf -----------------------------------------------------


@pytest.mark.parametrize(
    ("p", "q", "keras_value"),
    [
        # keras.losses.KLDivergence clips both to [1e-7, 1]; values from that formula, mpmath.
        pytest.param([0.5, 0.5], [1.0, 0.0], 7.3659006449192145846, id="half mass on q=0"),
        pytest.param([0.7, 0.2, 0.1], [1.0, 0.0, 0.0], 4.0336101427441588537, id="E1 reversed"),
    ],
)
def test_keras_kl_is_finite_where_the_answer_is_infinite(
    p: list[float], q: list[float], keras_value: float
) -> None:
    assert math.isfinite(keras_value)
    assert as_float(xent.kl_divergence(p, q)) == INF
    assert as_float(xent.cross_entropy(p, q)) == INF


# --- 8. Binary entropy without log1p -------------------------------------------------------------


@pytest.mark.parametrize(
    ("p", "true_value"),
    [
        # mpmath, H_b(p) = −p ln p − (1 − p) ln(1 − p) of the float p
        pytest.param(1e-17, 4.0143946580898779424e-16, id="p=1e-17"),
    ],
)
def test_scipy_binary_entropy_loses_digits_near_zero_but_xent_does_not(
    p: float, true_value: float
) -> None:
    anchor = float(scipy.stats.entropy([p, 1 - p]))  # 1 − 1e-17 == 1.0: the p term is lost
    assert abs(anchor - true_value) > 0.02 * true_value
    anchor_entr = float(scipy.special.entr(p) + scipy.special.entr(1 - p))  # dit does the same
    assert abs(anchor_entr - true_value) > 0.02 * true_value
    value = as_float(xent.binary_entropy(p))
    assert math.isclose(value, true_value, rel_tol=1e-14)
