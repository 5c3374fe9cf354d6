"""Figures of the page on likelihood and perplexity (docs/perplexity.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

import xent
from docsite.figures.style import BLUE, GREY, ORANGE, label

if TYPE_CHECKING:
    from collections.abc import Callable

    from matplotlib.axes import Axes

#: Seven heads in ten flips: the empirical distribution of the likelihood page.
COIN_COUNTS = (7, 3)


def coin_average_nll(axes: Axes, language: str) -> None:
    """Draw the average negative log-likelihood per flip of seven heads in ten, against q."""
    heads, tails = COIN_COUNTS
    empirical = np.array([heads, tails]) / (heads + tails)
    q = np.linspace(0.02, 0.98, 481)
    models = np.stack([q, 1 - q], axis=-1)
    axes.plot(q, xent.cross_entropy(empirical, models), color=BLUE)
    floor = xent.entropy(empirical)
    axes.axhline(floor, color=GREY, linestyle="--", linewidth=1)
    best, fair = empirical[0], 0.5
    fair_loss = xent.cross_entropy(empirical, [fair, 1 - fair])
    axes.plot([best], [floor], "o", color=BLUE)
    axes.plot([fair], [fair_loss], "o", color=ORANGE)
    axes.annotate(
        "",
        xy=(fair, floor),
        xytext=(fair, fair_loss),
        arrowprops={"arrowstyle": "<->", "color": ORANGE, "linewidth": 1.5},
    )
    axes.text(
        fair - 0.02,
        (floor + fair_loss) / 2,
        label({"en": "KL gap", "zh": "KL 差距"}, language),
        color=ORANGE,
        ha="right",
        va="center",
    )
    axes.text(
        0.03,
        floor - 0.02,
        label({"en": "entropy of the data", "zh": "数据的经验熵"}, language),
        color=GREY,
        va="top",
    )
    axes.set(xlim=(0, 1), ylim=(0.5, 1.2))
    axes.set_xlabel(
        label({"en": "model's probability of heads q", "zh": "模型给出的正面概率 q"}, language)
    )
    axes.set_ylabel(
        label(
            {
                "en": "average NLL (nats per flip)",
                "zh": "平均负对数似然（奈特/次）",
            },
            language,
        )
    )


FIGURES: dict[str, Callable[[Axes, str], None]] = {
    "coin_average_nll": coin_average_nll,
}
