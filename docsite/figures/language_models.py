"""Figures of the page "Cross-entropy in language models" (docs/language-models.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

import xent
from docsite.figures.style import BLUE, GREY, ORANGE, RED, TEAL, label

if TYPE_CHECKING:
    from collections.abc import Callable

    from matplotlib.axes import Axes
    from numpy.typing import NDArray

#: The page's toy model: the same generator, seed and steps as its first code block.
VOCABULARY = ["<pad>", "the", "cat", "sat", "on", "a", "mat", "."]
LENGTHS = [5, 3, 2]


def toy_logits() -> tuple[NDArray[Any], NDArray[Any]]:
    """Return the page's next-token logits (3 sequences × 5 steps × 8 tokens) and tokens."""
    rng = np.random.default_rng(7)
    tokens = np.full((3, 5), -100)
    for b, n in enumerate(LENGTHS):
        tokens[b, :n] = rng.integers(1, len(VOCABULARY), n)
    logits = 1.5 * rng.standard_normal((3, 5, len(VOCABULARY)))
    rows, steps = np.nonzero(tokens != -100)
    logits[rows, steps, tokens[rows, steps]] += 3.0
    return logits, tokens


def temperature_entropy(axes: Axes, language: str) -> None:
    """Draw the entropy in bits of softmax(z/T) against T for every step of the toy model."""
    logits, tokens = toy_logits()
    temperatures = np.geomspace(0.05, 50, 400)
    kept = logits[tokens != -100]
    curves = np.array(
        [
            xent.entropy(xent.softmax(kept / temperature), base="bits")
            for temperature in temperatures
        ]
    )
    for column in range(curves.shape[1]):
        axes.plot(temperatures, curves[:, column], color=BLUE, alpha=0.35, linewidth=1)
    axes.plot(
        temperatures,
        curves.mean(axis=1),
        color=ORANGE,
        linewidth=2.5,
        label=label({"en": "mean over the steps", "zh": "各步的平均"}, language),
    )
    axes.axhline(
        np.log2(len(VOCABULARY)),
        color=GREY,
        linestyle="--",
        linewidth=1,
        label=label({"en": "uniform: log₂ K", "zh": "均匀分布：log₂ K"}, language),
    )
    axes.axvline(1.0, color=RED, linestyle=":", linewidth=1)
    axes.set_xscale("log")
    axes.set(xlim=(temperatures[0], temperatures[-1]), ylim=(0, 3.2))
    axes.set_xlabel(label({"en": "temperature T", "zh": "温度 T"}, language))
    axes.set_ylabel(
        label({"en": "entropy of the next token (bits)", "zh": "下一个词元的熵（比特）"}, language)
    )
    axes.legend(loc="lower right")


def distillation_targets(axes: Axes, language: str) -> None:
    """Draw the teacher's softened distribution softmax(t/T) at T = 1, 2, 4 and 8."""
    logits, _ = toy_logits()
    teacher = logits[0, 1]
    positions = np.arange(len(VOCABULARY))
    width = 0.2
    for offset, (temperature, colour) in enumerate(
        zip((1.0, 2.0, 4.0, 8.0), (BLUE, TEAL, ORANGE, RED), strict=True)
    ):
        axes.bar(
            positions + (offset - 1.5) * width,
            xent.softmax(teacher / temperature),
            width=width,
            color=colour,
            label=f"T = {temperature:g}",
        )
    axes.set_xticks(positions, VOCABULARY)
    axes.set_xlabel(label({"en": "next token", "zh": "下一个词元"}, language))
    axes.set_ylabel(label({"en": "teacher's probability", "zh": "教师模型给出的概率"}, language))
    axes.legend(loc="upper right")


FIGURES: dict[str, Callable[[Axes, str], None]] = {
    "temperature_entropy": temperature_entropy,
    "distillation_targets": distillation_targets,
}
