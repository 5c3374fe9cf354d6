"""Figures of the page "The core theorems" (docs/information-theory.md)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

import xent
from docsite.figures.style import BLUE, GREY, ORANGE, TEAL, label

if TYPE_CHECKING:
    from collections.abc import Callable

    from matplotlib.axes import Axes

#: The Bernoulli source and the width of the typical set, as on the page.
SOURCE_P, EPSILON = 0.3, 0.05
#: The distribution whose Rényi entropies the page lists.
RENYI_P = np.array([0.4, 0.3, 0.2, 0.1])


def typical_set(n: int, p: float = SOURCE_P, epsilon: float = EPSILON) -> tuple[float, float]:
    """Probability of the ε-typical set of n Bernoulli(p) draws, and log₂ of its size over n.

    Exact: a sequence with k ones has probability p^k (1 − p)^(n − k), and there are
    C(n, k) of them (their logarithms from log-gamma, summed by log-sum-exp).
    """
    h = xent.binary_entropy(p, base="bits")
    k = np.arange(n + 1)
    rate = -(k * math.log2(p) + (n - k) * math.log2(1 - p)) / n
    log_count = np.array(
        [math.lgamma(n + 1) - math.lgamma(j + 1) - math.lgamma(n - j + 1) for j in k]
    )
    log_probability = log_count + k * math.log(p) + (n - k) * math.log(1 - p)
    inside = np.abs(rate - h) <= epsilon
    probability = math.exp(xent.logsumexp(log_probability[inside]))
    return probability, xent.logsumexp(log_count[inside]) / (n * math.log(2))


def typical_set_growth(axes: Axes, language: str) -> None:
    """Draw the typical set's probability and log-size per symbol against n, with H(p)."""
    sizes = np.unique(np.round(np.logspace(1, 4.5, 40)).astype(int))
    values = np.array([typical_set(int(n)) for n in sizes])
    h = xent.binary_entropy(SOURCE_P, base="bits")
    axes.plot(
        sizes,
        values[:, 0],
        color=BLUE,
        label=label({"en": "probability of the typical set", "zh": "典型集的概率"}, language),
    )
    axes.plot(
        sizes,
        values[:, 1],
        color=ORANGE,
        label=label(
            {"en": "log₂ of its size, per symbol (bits)", "zh": "其大小的 log₂ 除以 n（比特）"},
            language,
        ),
    )
    axes.axhline(
        h,
        color=GREY,
        linestyle="--",
        label=label({"en": "entropy H(p) (bits)", "zh": "熵 H(p)（比特）"}, language),
    )
    axes.axhspan(h - EPSILON, h + EPSILON, color=TEAL, alpha=0.12)
    axes.set_xscale("log")
    axes.set_ylim(0, 1.05)
    axes.set_xlabel(label({"en": "sequence length n", "zh": "序列长度 n"}, language))
    axes.legend(loc="lower right")


def renyi_against_order(axes: Axes, language: str) -> None:
    """Draw H_α(P) in bits against α, with Shannon's (α = 1) and the limits marked."""
    orders = np.linspace(0, 10, 401)
    values = [xent.renyi_entropy(RENYI_P, float(a), base="bits") for a in orders]
    axes.plot(
        orders,
        values,
        color=BLUE,
        label=label({"en": "Rényi entropy H_α(P)", "zh": "雷尼熵 H_α(P)"}, language),
    )
    axes.axhline(
        xent.renyi_entropy(RENYI_P, math.inf, base="bits"),
        color=GREY,
        linestyle="--",
        label=label({"en": "min-entropy (α → ∞)", "zh": "最小熵（α → ∞）"}, language),
    )
    axes.plot(
        [1],
        [xent.entropy(RENYI_P, base="bits")],
        "o",
        color=ORANGE,
        label=label({"en": "Shannon entropy (α = 1)", "zh": "香农熵（α = 1）"}, language),
    )
    axes.set_xlabel(label({"en": "order α", "zh": "阶 α"}, language))
    axes.set_ylabel(label({"en": "bits", "zh": "比特"}, language))
    axes.legend(loc="upper right")


FIGURES: dict[str, Callable[[Axes, str], None]] = {
    "typical_set_growth": typical_set_growth,
    "renyi_against_order": renyi_against_order,
}
