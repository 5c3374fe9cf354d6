"""Figures of the page on entropy (docs/entropy.md)."""

from __future__ import annotations

import heapq
import itertools
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


#: The weights the code-length explorer starts with: the page's four-outcome distribution.
EXPLORER_WEIGHTS = (0.1, 0.5, 0.1, 0.3)


def _huffman_lengths(probabilities: tuple[float, ...]) -> list[int]:
    """Codeword lengths of a Huffman code (ties broken by order of arrival, as on the page)."""
    heap = [(p, index, [index]) for index, p in enumerate(probabilities)]
    heapq.heapify(heap)
    lengths = [0] * len(probabilities)
    tiebreak = itertools.count(len(probabilities))
    while len(heap) > 1:
        p, _, first = heapq.heappop(heap)
        q, _, second = heapq.heappop(heap)
        for symbol in first + second:
            lengths[symbol] += 1
        heapq.heappush(heap, (p + q, next(tiebreak), first + second))
    return lengths


def ideal_and_huffman_lengths(axes: Axes, language: str) -> None:
    """Draw each symbol's ideal length −log₂ p beside its Huffman length; L and H in the title."""
    p = np.array(EXPLORER_WEIGHTS) / sum(EXPLORER_WEIGHTS)
    ideal = xent.self_information(p, base="bits")
    huffman = np.array(_huffman_lengths(tuple(p)))
    symbols = np.arange(len(p))
    axes.bar(
        symbols - 0.2,
        ideal,
        width=0.4,
        color=BLUE,
        label=label({"en": "ideal length −log₂ p", "zh": "理想码长 −log₂ p"}, language),
    )
    axes.bar(
        symbols + 0.2,
        huffman,
        width=0.4,
        color=ORANGE,
        label=label({"en": "Huffman length", "zh": "哈夫曼码长"}, language),
    )
    mean, entropy = float(p @ huffman), float(xent.entropy(p, base="bits"))
    kraft = label({"en": "Kraft sum", "zh": "克拉夫特和"}, language)
    axes.set_title(f"L = {mean:.4f}, H = {entropy:.4f}, {kraft} = {np.sum(2.0**-huffman):g}")
    axes.set(ylim=(0, 1.35 * max(ideal.max(), huffman.max())))
    axes.set_xticks(symbols, list("ABCDEFGH"[: len(p)]))
    axes.set_xlabel(label({"en": "symbol", "zh": "符号"}, language))
    axes.set_ylabel(label({"en": "bits", "zh": "比特"}, language))
    axes.legend(loc="upper center", ncols=2)


FIGURES: dict[str, Callable[[Axes, str], None]] = {
    "ideal_and_huffman_lengths": ideal_and_huffman_lengths,
    "binary_entropy": binary_entropy_curve,
    "code_lengths": code_length_areas,
}
