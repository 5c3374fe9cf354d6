"""Figures of the classification-loss pages: softmax cross-entropy, binary cross-entropy, MSE."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

import xent
from docsite.figures.style import BLUE, GREY, ORANGE, RED, TEAL, label

if TYPE_CHECKING:
    from collections.abc import Callable

    from matplotlib.axes import Axes
    from numpy.typing import NDArray

    FloatArray = NDArray[Any]

#: The dog photograph of the softmax page: its label and two predictions of a model.
DOG = [1, 0, 0, 0, 0]
UNTRAINED = [0.4, 0.3, 0.05, 0.05, 0.2]
TRAINED = [0.98, 0.01, 0, 0, 0.01]
#: The logits of the gradient example, the first class true.
LOGITS = [2.0, 1.0, 0.1]


def _sigmoid(z: FloatArray) -> FloatArray:
    """Return σ(z) as xent defines it: the loss of label 1 from logit z is −ln σ(z)."""
    losses = np.asarray(xent.binary_cross_entropy(np.ones_like(z), logits=z), dtype=float)
    sigma: FloatArray = np.exp(-losses)
    return sigma


def _nats(language: str) -> str:
    return label({"en": "nats", "zh": "奈特"}, language)


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


def _logit_grid() -> FloatArray:
    return np.linspace(-8, 8, 401)


def mse_bce_losses(axes: Axes, language: str) -> None:
    """Draw both losses of a sigmoid output against its logit z, for the label y = 1."""
    z = _logit_grid()
    sigma = _sigmoid(z)
    axes.plot(
        z,
        xent.binary_cross_entropy(np.ones_like(z), logits=z),
        color=BLUE,
        label=label({"en": "cross-entropy −ln σ(z)", "zh": "交叉熵 −ln σ(z)"}, language),
    )
    axes.plot(
        z,
        0.5 * (sigma - 1) ** 2,
        color=ORANGE,
        label=label({"en": "squared error ½(σ(z) − 1)²", "zh": "平方误差 ½(σ(z) − 1)²"}, language),
    )
    inflection = -np.log(2)
    axes.plot([inflection], [0.5 * (1 / 3 - 1) ** 2], "o", color=ORANGE)
    axes.set(xlim=(z[0], z[-1]), ylim=(0, 4))
    axes.set_xlabel(
        label({"en": "logit z (true label y = 1)", "zh": "logit z（真实标签 y = 1）"}, language)
    )
    axes.set_ylabel(
        label({"en": "loss (nats for cross-entropy)", "zh": "损失（交叉熵以奈特计）"}, language)
    )
    axes.legend(loc="upper right")


def mse_bce_gradients(axes: Axes, language: str) -> None:
    """Draw ∂L/∂z of both losses against the logit z, for the label y = 1."""
    z = _logit_grid()
    sigma = _sigmoid(z)
    axes.plot(
        z,
        sigma - 1,
        color=BLUE,
        label=label({"en": "cross-entropy: σ(z) − 1", "zh": "交叉熵：σ(z) − 1"}, language),
    )
    axes.plot(
        z,
        (sigma - 1) * sigma * (1 - sigma),
        color=ORANGE,
        label=label(
            {
                "en": "squared error: (σ(z) − 1)σ(z)(1 − σ(z))",
                "zh": "平方误差：(σ(z) − 1)σ(z)(1 − σ(z))",
            },
            language,
        ),
    )
    for point in (-5.0, -2.0, 0.0):
        s = float(_sigmoid(np.array(point)))
        axes.plot([point, point], [s - 1, (s - 1) * s * (1 - s)], color=GREY, linewidth=1)
        axes.plot([point], [s - 1], "o", color=BLUE)
        axes.plot([point], [(s - 1) * s * (1 - s)], "o", color=ORANGE)
    axes.axhline(0, color="black", linewidth=0.8)
    axes.set(xlim=(z[0], z[-1]), ylim=(-1.05, 0.1))
    axes.set_xlabel(
        label({"en": "logit z (true label y = 1)", "zh": "logit z（真实标签 y = 1）"}, language)
    )
    axes.set_ylabel(label({"en": "gradient ∂L/∂z", "zh": "梯度 ∂L/∂z"}, language))
    axes.legend(loc="lower right")


FIGURES: dict[str, Callable[[Axes, str], None]] = {
    "surprisal_of_true_class": surprisal_of_true_class,
    "softmax_gradient_bars": softmax_gradient_bars,
    "binary_cross_entropy_curves": binary_cross_entropy_curves,
    "mse_bce_losses": mse_bce_losses,
    "mse_bce_gradients": mse_bce_gradients,
}
