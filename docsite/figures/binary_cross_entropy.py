"""Figures of the page on binary cross-entropy (docs/binary-cross-entropy.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

import xent
from docsite.figures.style import BLUE, GREY, ORANGE, RED, TEAL, label

if TYPE_CHECKING:
    from collections.abc import Callable

    from matplotlib.axes import Axes


def binary_cross_entropy_curves(axes: Axes, language: str) -> None:
    """Draw the binary cross-entropy against p for the labels y = 1 and y = 0."""
    p = np.linspace(0.002, 0.998, 500)
    axes.plot(p, xent.binary_cross_entropy(np.ones_like(p), p), color=BLUE, label="y = 1")
    axes.plot(p, xent.binary_cross_entropy(np.zeros_like(p), p), color=ORANGE, label="y = 0")
    soft = 0.3
    axes.plot(
        p,
        xent.binary_cross_entropy(np.full_like(p, soft), p),
        color=TEAL,
        linestyle="--",
        label="y = 0.3",
    )
    axes.set(xlim=(0, 1), ylim=(0, 5))
    axes.set_xlabel(
        label({"en": "predicted probability p of label 1", "zh": "预测为 1 的概率 p"}, language)
    )
    axes.set_ylabel(
        label({"en": "binary cross-entropy (nats)", "zh": "二元交叉熵（奈特）"}, language)
    )
    axes.legend(loc="upper center")


#: The truth p and the model q the Bernoulli explorer starts with.
EXPLORER_P, EXPLORER_Q = 0.3, 0.6


def bernoulli_curves(axes: Axes, language: str) -> None:
    """Draw H_b(q') and H(p, q') in bits for the explorer's p, its q marked, D(p‖q) as a gap."""
    grid = np.linspace(0.002, 0.998, 500)
    p, q = EXPLORER_P, EXPLORER_Q
    entropy = label({"en": "binary entropy of the model", "zh": "模型的二元熵"}, language)
    cross = label({"en": f"cross-entropy, truth p = {p}", "zh": f"交叉熵，真实 p = {p}"}, language)
    axes.plot(grid, xent.binary_entropy(grid, base="bits"), color=TEAL, label=entropy)
    axes.plot(
        grid,
        xent.binary_cross_entropy(np.full_like(grid, p), grid, base="bits"),
        color=BLUE,
        label=cross,
    )
    floor = float(xent.binary_entropy(p, base="bits"))
    height = float(xent.binary_cross_entropy(p, q, base="bits"))
    axes.axhline(floor, color=GREY, linestyle="--", linewidth=1)
    axes.plot([q, q], [floor, height], color=RED, linewidth=2.5)
    axes.plot([q], [height], "o", color=BLUE)
    gap = float(xent.kl_divergence([p, 1 - p], [q, 1 - q], base="bits"))
    axes.text(q + 0.02, (floor + height) / 2, f"D(p‖q) = {gap:.4f}", va="center")
    axes.set(xlim=(0, 1), ylim=(0, 3))
    axes.set_xlabel(label({"en": "model q", "zh": "模型 q"}, language))
    axes.set_ylabel(label({"en": "bits", "zh": "比特"}, language))
    axes.legend(loc="upper center")


FIGURES: dict[str, Callable[[Axes, str], None]] = {
    "binary_cross_entropy_curves": binary_cross_entropy_curves,
    "bernoulli_curves": bernoulli_curves,
}
