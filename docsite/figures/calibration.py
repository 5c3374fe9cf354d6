"""Figures of the page "Calibration and proper scoring" (docs/calibration.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

import xent
from docsite.figures.style import BLUE, GREY, ORANGE, RED, TEAL, label

if TYPE_CHECKING:
    from collections.abc import Callable

    from matplotlib.axes import Axes
    from numpy.typing import NDArray

    FloatArray = NDArray[Any]

#: The true probability of the event in the figures of expected scores, as on the page.
TRUE_P = 0.7


def _reports() -> FloatArray:
    return np.linspace(0.001, 0.999, 999)


def _expected(score: Callable[[FloatArray, FloatArray], Any], q: FloatArray) -> FloatArray:
    """E_{y ~ P}[score] for two outcomes, P = (1 − p, p), forecast (1 − q, q), event y = 1."""
    forecast = np.stack([1 - q, q], axis=-1)
    ones, zeros = np.ones(len(q), dtype=int), np.zeros(len(q), dtype=int)
    return np.asarray(
        TRUE_P * np.asarray(score(forecast, ones))
        + (1 - TRUE_P) * np.asarray(score(forecast, zeros))
    )


def expected_scores(axes: Axes, language: str) -> None:
    """Draw the expected score of each rule against the reported q, the true p being 0.7."""
    q = _reports()
    rules = [
        (
            lambda f, y: xent.softmax_cross_entropy(np.log(f), y),
            BLUE,
            {"en": "log score (nats)", "zh": "对数评分（奈特）"},
        ),
        (xent.brier_score, ORANGE, {"en": "Brier score", "zh": "Brier 分数"}),
        (
            lambda f, y: 1 - np.asarray(xent.spherical_score(f, y)),
            TEAL,
            {"en": "1 − spherical score", "zh": "1 − 球面评分"},
        ),
        (
            lambda f, y: np.abs(f[:, 1] - y),
            RED,
            {"en": "absolute error |q − y| (improper)", "zh": "绝对误差 |q − y|（不恰当）"},
        ),
    ]
    for score, colour, text in rules:
        values = _expected(score, q)
        axes.plot(q, values, color=colour, label=label(text, language))
        best = int(np.argmin(values))
        axes.plot([q[best]], [values[best]], "o", color=colour)
    axes.axvline(TRUE_P, color=GREY, linewidth=1, linestyle="--")
    axes.set(xlim=(0, 1), ylim=(0, 1.5))
    axes.set_xlabel(
        label(
            {"en": "reported probability q (true p = 0.7)", "zh": "报告的概率 q（真实 p = 0.7）"},
            language,
        )
    )
    axes.set_ylabel(
        label({"en": "expected score (lower is better)", "zh": "期望评分（越低越好）"}, language)
    )
    axes.legend(loc="upper center")


def focal_expected(axes: Axes, language: str) -> None:
    """Draw the expected focal loss against the reported q for γ = 0, 1, 2 (true p = 0.7)."""
    q = _reports()
    logits = np.log(np.stack([1 - q, q], axis=-1))
    ones, zeros = np.ones(len(q), dtype=int), np.zeros(len(q), dtype=int)
    for gamma, colour in ((0.0, BLUE), (1.0, TEAL), (2.0, ORANGE)):
        values = TRUE_P * np.asarray(xent.focal_loss(logits, ones, gamma=gamma)) + (
            1 - TRUE_P
        ) * np.asarray(xent.focal_loss(logits, zeros, gamma=gamma))
        text = {"en": f"γ = {gamma:g}", "zh": f"γ = {gamma:g}"}
        axes.plot(q, values, color=colour, label=label(text, language))
        best = int(np.argmin(values))
        axes.plot([q[best]], [values[best]], "o", color=colour)
    axes.axvline(TRUE_P, color=GREY, linewidth=1, linestyle="--")
    axes.set(xlim=(0.3, 1), ylim=(0, 1.0))
    axes.set_xlabel(
        label(
            {"en": "reported probability q (true p = 0.7)", "zh": "报告的概率 q（真实 p = 0.7）"},
            language,
        )
    )
    axes.set_ylabel(
        label({"en": "expected focal loss (nats)", "zh": "期望 focal 损失（奈特）"}, language)
    )
    axes.legend(loc="upper left")


def held_out_classifier() -> tuple[FloatArray, FloatArray, FloatArray]:
    """Return the page's synthetic classifier: true logits, overconfident logits, labels."""
    rng = np.random.default_rng(2017)
    true_logits = 1.5 * rng.standard_normal((4000, 5))
    draws = rng.random((4000, 1))
    labels = (np.cumsum(xent.softmax(true_logits), axis=1) < draws).sum(axis=1)
    return true_logits, 3.0 * true_logits, labels


def reliability(axes: Axes, language: str) -> None:
    """Draw the reliability diagram of the test set before and after temperature scaling."""
    _, logits, labels = held_out_classifier()
    temperature = xent.fit_temperature(logits[:2000], labels[:2000])
    for z, colour, text in (
        (logits[2000:], ORANGE, {"en": "before (T = 1)", "zh": "缩放前（T = 1）"}),
        (
            logits[2000:] / temperature,
            BLUE,
            {"en": "after temperature scaling", "zh": "温度缩放后"},
        ),
    ):
        table = xent.calibration_bins(xent.softmax(z), labels[2000:], bins=15)
        kept = table.counts > 0
        axes.plot(
            table.confidence[kept],
            table.accuracy[kept],
            "o-",
            color=colour,
            label=label(text, language),
        )
    axes.plot([0, 1], [0, 1], color=GREY, linewidth=1, linestyle="--")
    axes.set(xlim=(0, 1), ylim=(0, 1))
    axes.set_xlabel(
        label(
            {
                "en": "confidence (mean top-class probability in the bin)",
                "zh": "置信度（箱内最大类概率的均值）",
            },
            language,
        )
    )
    axes.set_ylabel(label({"en": "accuracy in the bin", "zh": "箱内准确率"}, language))
    axes.legend(loc="upper left")


FIGURES: dict[str, Callable[[Axes, str], None]] = {
    "expected_scores": expected_scores,
    "focal_expected": focal_expected,
    "reliability": reliability,
}
