"""Figures of the page on binary cross-entropy (docs/binary-cross-entropy.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

import xent
from docsite.figures.style import BLUE, ORANGE, TEAL, label

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


FIGURES: dict[str, Callable[[Axes, str], None]] = {
    "binary_cross_entropy_curves": binary_cross_entropy_curves,
}
