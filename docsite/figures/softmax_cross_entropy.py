"""Figures of the page on softmax cross-entropy (docs/softmax-cross-entropy.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

import xent
from docsite.figures.style import BLUE, GREY, ORANGE, RED, TEAL, label

if TYPE_CHECKING:
    from collections.abc import Callable

    from matplotlib.axes import Axes

#: The dog photograph of the softmax page: its label and two predictions of a model.
DOG = [1, 0, 0, 0, 0]
UNTRAINED = [0.4, 0.3, 0.05, 0.05, 0.2]
TRAINED = [0.98, 0.01, 0, 0, 0.01]
#: The logits of the gradient example, the first class true.
LOGITS = [2.0, 1.0, 0.1]


def surprisal_of_true_class(axes: Axes, language: str) -> None:
    """Draw −ln q against the probability q of the true class, with the dog predictions."""
    q = np.linspace(0.005, 1, 400)
    axes.plot(q, xent.self_information(q), color=BLUE)
    uniform = xent.cross_entropy(DOG, [0.2] * 5)
    axes.axhline(uniform, color=GREY, linestyle="--", linewidth=1.2)
    axes.annotate(
        label({"en": "uniform guess", "zh": "均匀猜测"}, language),
        (0.62, uniform),
        xytext=(0, 4),
        textcoords="offset points",
        color=GREY,
    )
    for prediction, colour, name in (
        (UNTRAINED, ORANGE, {"en": "untrained", "zh": "未训练"}),
        (TRAINED, TEAL, {"en": "trained", "zh": "训练后"}),
    ):
        loss = xent.cross_entropy(DOG, prediction)
        axes.plot([prediction[0]], [loss], "o", color=colour)
        axes.annotate(
            label(name, language),
            (prediction[0], loss),
            xytext=(-6, 10),
            textcoords="offset points",
            ha="right",
            color=colour,
        )
    axes.set(xlim=(0, 1.02), ylim=(0, 5.5))
    axes.set_xlabel(
        label({"en": "probability q of the true class", "zh": "真实类别的概率 q"}, language)
    )
    axes.set_ylabel(label({"en": "loss −ln q (nats)", "zh": "损失 −ln q（奈特）"}, language))


def softmax_gradient_bars(axes: Axes, language: str) -> None:
    """Draw softmax(z), the one-hot target and their difference, the gradient, per class."""
    probabilities = xent.softmax(LOGITS)
    target = np.eye(len(LOGITS))[0]
    classes = np.arange(len(LOGITS))
    width = 0.26
    for offset, values, colour, name in (
        (-width, probabilities, BLUE, {"en": "softmax(z)", "zh": "softmax(z)"}),
        (0.0, target, GREY, {"en": "target y", "zh": "目标 y"}),
        (
            width,
            probabilities - target,
            RED,
            {"en": "gradient softmax(z) − y", "zh": "梯度 softmax(z) − y"},
        ),
    ):
        axes.bar(classes + offset, values, width, color=colour, label=label(name, language))
    axes.axhline(0, color="black", linewidth=0.8)
    axes.set_xticks(
        classes,
        [label({"en": f"class {k + 1}", "zh": f"类别 {k + 1}"}, language) for k in classes],
    )
    axes.set_ylim(-0.5, 1.1)
    axes.set_ylabel(label({"en": "probability or gradient", "zh": "概率或梯度"}, language))
    axes.legend(loc="upper right")


FIGURES: dict[str, Callable[[Axes, str], None]] = {
    "surprisal_of_true_class": surprisal_of_true_class,
    "softmax_gradient_bars": softmax_gradient_bars,
}
