"""Figures of the page on entropy (docs/entropy.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

import xent
from docsite.figures.style import BLUE, GREY, ORANGE, TEAL, label

if TYPE_CHECKING:
    from collections.abc import Callable

    from matplotlib.axes import Axes


def binary_entropy_curve(axes: Axes, language: str) -> None:
    """Draw H_b(p) in bits for p in [0, 1], marking the fair coin and a coin with p = 0.9."""
    p = np.linspace(0, 1, 401)
    axes.plot(p, xent.binary_entropy(p, base="bits"), color=BLUE)
    marks = np.array([0.5, 0.9])
    axes.plot(marks, xent.binary_entropy(marks, base="bits"), "o", color=ORANGE)
    axes.set(xlim=(0, 1), ylim=(0, 1.05))
    axes.set_xlabel(label({"en": "probability of heads p", "zh": "正面朝上的概率 p"}, language))
    axes.set_ylabel(
        label({"en": "binary entropy H_b(p) (bits)", "zh": "二元熵 H_b(p)（比特）"}, language)
    )


#: The weather of the entropy page, its prefix code, and the outcomes' names.
WEATHER = {
    "en": ("sunny", "cloudy", "rain", "snow"),
    "zh": ("晴", "多云", "雨", "雪"),
}
WEATHER_P = (0.5, 0.25, 0.125, 0.125)
WEATHER_CODE = ("0", "10", "110", "111")


def code_length_areas(axes: Axes, language: str) -> None:
    """Draw each outcome as a box: width its probability, height its codeword's length.

    The total area of the boxes is the mean code length; for this distribution every length
    is −log₂ p, so the area is also the entropy (after Olah, "Visual Information Theory").
    """
    p = np.array(WEATHER_P)
    lengths = np.array([len(word) for word in WEATHER_CODE])
    if not np.allclose(lengths, xent.self_information(p, base="bits")):
        raise ValueError("the code's lengths are not −log₂ p")
    left = np.concatenate([[0], np.cumsum(p)[:-1]])
    colours = (BLUE, ORANGE, TEAL, GREY)
    names = WEATHER[language] if language in WEATHER else label({}, language)
    for x, width, height, name, word, colour in zip(
        left, p, lengths, names, WEATHER_CODE, colours, strict=True
    ):
        axes.bar(x, height, width=width, align="edge", color=colour, alpha=0.75, edgecolor="black")
        axes.text(x + width / 2, height + 0.08, f"{name}\n{word}", ha="center", va="bottom")
    mean = xent.entropy(p, base="bits")
    axes.axhline(mean, color="black", linestyle="--", linewidth=1)
    axes.text(
        0.01,
        mean + 0.08,
        label({"en": "mean length = entropy", "zh": "平均码长 = 熵"}, language),
        ha="left",
        va="bottom",
    )
    axes.set(xlim=(0, 1), ylim=(0, 4.2))
    axes.set_xlabel(
        label(
            {"en": "probability p(x): the width of each box", "zh": "概率 p(x)：方块的宽度"},
            language,
        )
    )
    axes.set_ylabel(label({"en": "codeword length (bits)", "zh": "码字长度（比特）"}, language))


FIGURES: dict[str, Callable[[Axes, str], None]] = {
    "binary_entropy": binary_entropy_curve,
    "code_lengths": code_length_areas,
}
