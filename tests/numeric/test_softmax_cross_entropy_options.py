"""Class weights, ignore_index and label smoothing of softmax_cross_entropy, against PyTorch's
definitions written out by hand (PyTorch itself is not a test dependency)."""

import math

import numpy as np
import pytest
from numpy.typing import NDArray

from xent import log_softmax, softmax_cross_entropy

LOGITS = np.array([[2.0, 1.0, 0.1], [0.5, 2.5, 0.0], [-1.0, 0.0, 3.0]])
TARGET = np.array([0, 1, 2])
WEIGHT = np.array([1.0, 2.0, 0.5])


def by_hand(
    logits: NDArray[np.float64],
    target: NDArray[np.int64],
    weight: NDArray[np.float64],
    smoothing: float = 0.0,
) -> NDArray[np.float64]:
    """PyTorch's per-row loss: -(sum_k w_k t_k log softmax_k) with t = (1-e)*onehot + e/K."""
    k = logits.shape[-1]
    onehot = np.eye(k)[target]
    smoothed = (1 - smoothing) * onehot + smoothing / k
    return np.asarray(-(smoothed * weight * np.asarray(log_softmax(logits))).sum(axis=-1))


def test_class_weight_multiplies_each_rows_loss_by_its_class_weight() -> None:
    losses = softmax_cross_entropy(LOGITS, TARGET, weight=WEIGHT)
    np.testing.assert_allclose(losses, by_hand(LOGITS, TARGET, WEIGHT), rtol=1e-15)


def test_weighted_mean_divides_by_the_total_weight_of_the_targets() -> None:
    mean = softmax_cross_entropy(LOGITS, TARGET, weight=WEIGHT, reduction="mean")
    expected = by_hand(LOGITS, TARGET, WEIGHT).sum() / WEIGHT[TARGET].sum()
    assert mean == pytest.approx(expected, rel=1e-15)


@pytest.mark.parametrize("smoothing", [0.0, 0.1, 1.0])
def test_label_smoothing_with_weights_matches_the_smoothed_target(smoothing: float) -> None:
    losses = softmax_cross_entropy(LOGITS, TARGET, weight=WEIGHT, label_smoothing=smoothing)
    expected = by_hand(LOGITS, TARGET, WEIGHT, smoothing)
    np.testing.assert_allclose(losses, expected, rtol=1e-15)


def test_ignored_rows_have_loss_zero_and_leave_the_mean() -> None:
    target = np.array([0, -100, 2])
    losses = softmax_cross_entropy(LOGITS, target, ignore_index=-100)
    assert losses[1] == 0.0
    mean = softmax_cross_entropy(LOGITS, target, ignore_index=-100, reduction="mean")
    assert mean == pytest.approx((losses[0] + losses[2]) / 2, rel=1e-15)


def test_ignore_index_may_be_a_valid_class() -> None:
    losses = softmax_cross_entropy(LOGITS, TARGET, ignore_index=1)
    assert losses[1] == 0.0
    assert losses[0] > 0.0


def test_a_zero_class_weight_makes_an_infinite_logit_harmless() -> None:
    logits = [[0.0, -math.inf, 1.0]]
    weight = [1.0, 0.0, 1.0]
    loss = softmax_cross_entropy(logits, [1], weight=weight)
    assert loss[0] == 0.0
    smoothed = softmax_cross_entropy(logits, [0], weight=weight, label_smoothing=0.3)
    assert math.isfinite(smoothed[0])


@pytest.mark.parametrize(
    ("kwargs", "error", "pattern"),
    [
        ({"weight": [1.0, 2.0]}, ValueError, r"weight must have one entry per class, shape \(3,\)"),
        ({"weight": [1.0, -2.0, 1.0]}, ValueError, "weight must be finite and >= 0"),
        ({"weight": [1.0, math.inf, 1.0]}, ValueError, "weight must be finite and >= 0"),
        ({"weight": "heavy"}, TypeError, "weight must be an array of real numbers"),
        ({"ignore_index": 1.5}, TypeError, "ignore_index must be an integer"),
        ({"ignore_index": True}, TypeError, "ignore_index must be an integer"),
    ],
)
def test_bad_weight_or_ignore_index_is_named_in_the_error(
    kwargs: dict[str, object], error: type[Exception], pattern: str
) -> None:
    with pytest.raises(error, match=pattern):
        softmax_cross_entropy(LOGITS, TARGET, **kwargs)  # type: ignore[arg-type]


def test_ignore_index_with_probability_rows_is_an_error() -> None:
    with pytest.raises(ValueError, match="ignore_index applies to class indices"):
        softmax_cross_entropy(LOGITS, np.eye(3), ignore_index=-100)


def test_mean_over_only_ignored_rows_is_an_error_not_nan() -> None:
    with pytest.raises(ValueError, match="the mean is undefined"):
        softmax_cross_entropy(LOGITS, [-100, -100, -100], ignore_index=-100, reduction="mean")


def test_an_index_out_of_range_is_still_caught_beside_ignored_rows() -> None:
    with pytest.raises(ValueError, match=r"target\[1\] = 3 is out of range for 3 classes"):
        softmax_cross_entropy(LOGITS, [-100, 3, 0], ignore_index=-100)
