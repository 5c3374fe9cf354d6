"""Figures of the page "Why not mean squared error?" (docs/why-not-mse.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

import xent
from docsite.figures.style import BLUE, GREY, ORANGE, label

if TYPE_CHECKING:
    from collections.abc import Callable

    from matplotlib.axes import Axes
    from numpy.typing import NDArray

    FloatArray = NDArray[Any]


def _sigmoid(z: FloatArray) -> FloatArray:
    """Return σ(z) as xent defines it: the loss of label 1 from logit z is −ln σ(z)."""
    losses = np.asarray(xent.binary_cross_entropy(np.ones_like(z), logits=z), dtype=float)
    sigma: FloatArray = np.exp(-losses)
    return sigma


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
    "mse_bce_losses": mse_bce_losses,
    "mse_bce_gradients": mse_bce_gradients,
}
