"""Figures of the page on differential entropy (docs/differential-entropy.md)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

import xent
from docsite.figures.style import BLUE, GREY, ORANGE, label

if TYPE_CHECKING:
    from collections.abc import Callable

    from matplotlib.axes import Axes
    from numpy.typing import ArrayLike, NDArray


def _gaussian_entropy(sigma: ArrayLike) -> NDArray[np.float64]:
    """h(N(0, σ²)) = ½ ln(2πeσ²), in nats."""
    spread = np.asarray(sigma, dtype=np.float64)
    return 0.5 * np.log(2 * np.pi * np.e * spread**2)


def quantized_normal_entropy(delta: float) -> float:
    """H(X_Δ) of X ~ N(0, 1) cut into bins of width Δ, computed by `xent.entropy` (nats)."""
    edges = np.arange(-12.0, 12.0 + delta / 2, delta)
    cdf = np.array([0.5 * math.erfc(-x / math.sqrt(2)) for x in edges])
    return float(xent.entropy(np.diff(cdf), normalize=True))


def gaussian_entropy_against_sigma(axes: Axes, language: str) -> None:
    """Draw h(N(0, σ²)) in nats against σ, marking where it crosses zero."""
    sigma = np.linspace(0.02, 2, 400)
    axes.plot(sigma, _gaussian_entropy(sigma), color=BLUE)
    axes.axhline(0, color="black", linewidth=1)
    zero = 1 / math.sqrt(2 * math.pi * math.e)
    axes.plot([zero], [0], "o", color=ORANGE)
    axes.annotate(
        label({"en": "h = 0 at σ ≈ 0.242", "zh": "σ ≈ 0.242 处 h = 0"}, language),
        (zero, 0),
        xytext=(zero + 0.15, -1.6),
        arrowprops={"arrowstyle": "->", "color": GREY},
    )
    axes.set(xlim=(0, 2))
    axes.set_xlabel(label({"en": "standard deviation σ", "zh": "标准差 σ"}, language))
    axes.set_ylabel(
        label({"en": "differential entropy h (nats)", "zh": "微分熵 h（奈特）"}, language)
    )


def quantization_convergence(axes: Axes, language: str) -> None:
    """Draw H(X_Δ) + ln Δ for N(0, 1) against the bin width Δ, approaching h = ½ ln(2πe)."""
    deltas = np.geomspace(0.01, 2, 40)
    corrected = [quantized_normal_entropy(d) + math.log(d) for d in deltas]
    axes.plot(deltas, corrected, "o-", color=BLUE, markersize=3, label="H(X_Δ) + ln Δ")
    limit = float(_gaussian_entropy(np.array(1.0)))
    axes.axhline(limit, color=ORANGE, linestyle="--", label="h(X) = ½ ln(2πe)")
    axes.set_xscale("log")
    axes.set_xlabel(label({"en": "bin width Δ", "zh": "区间宽度 Δ"}, language))
    axes.set_ylabel(label({"en": "nats", "zh": "奈特"}, language))
    axes.legend()


FIGURES: dict[str, Callable[[Axes, str], None]] = {
    "gaussian_entropy_sigma": gaussian_entropy_against_sigma,
    "quantized_entropy": quantization_convergence,
}
