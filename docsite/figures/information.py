"""Figures of the page on information content (docs/information.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

import xent
from docsite.figures.style import BLUE, ORANGE, label

if TYPE_CHECKING:
    from collections.abc import Callable

    from matplotlib.axes import Axes


def self_information_curve(axes: Axes, language: str) -> None:
    """Draw −log p in bits and in nats, with the marks at p = 1/2 and p = 1/e."""
    p = np.linspace(0.005, 1, 400)
    bits, nats = (
        label({"en": "bits", "zh": "比特"}, language),
        label({"en": "nats", "zh": "奈特"}, language),
    )
    axes.plot(p, xent.self_information(p, base="bits"), color=BLUE, label=bits)
    axes.plot(p, xent.self_information(p), color=ORANGE, label=nats)
    axes.plot([0.5], [xent.self_information(0.5, base="bits")], "o", color=BLUE)
    axes.plot([1 / np.e], [xent.self_information(1 / np.e)], "o", color=ORANGE)
    axes.set(xlim=(0, 1), ylim=(0, 8))
    axes.set_xlabel(label({"en": "probability p", "zh": "概率 p"}, language))
    axes.set_ylabel(label({"en": "self-information −log p", "zh": "自信息 −log p"}, language))
    axes.legend()


FIGURES: dict[str, Callable[[Axes, str], None]] = {
    "self_information": self_information_curve,
}
