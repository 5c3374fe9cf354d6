"""Figures of the page on cross-entropy (docs/cross-entropy.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

import xent
from docsite.figures.style import BLUE, GREY, ORANGE, label

if TYPE_CHECKING:
    from collections.abc import Callable

    from matplotlib.axes import Axes

#: The weather in New York (the truth) and the Tokyo code's weather, in the order below.
_WEATHER = {"en": "sunny cloudy rain snow", "zh": "晴 多云 雨 雪"}
_NEW_YORK = np.array([0.5, 0.25, 0.125, 0.125])
_TOKYO = np.array([0.4, 0.3, 0.2, 0.1])


def cross_entropy_against_q(axes: Axes, language: str) -> None:
    """Draw H(p, q) and the model's own entropy H(q) against q, for a coin with p = 0.3."""
    p = 0.3
    q = np.linspace(0.005, 0.995, 397)
    true = np.stack([np.full_like(q, p), 1 - np.full_like(q, p)], axis=-1)
    model = np.stack([q, 1 - q], axis=-1)
    axes.plot(
        q,
        xent.cross_entropy(true, model),
        color=BLUE,
        label=label({"en": "cross-entropy H(p, q)", "zh": "交叉熵 H(p, q)"}, language),
    )
    axes.plot(
        q,
        xent.entropy(model),
        color=ORANGE,
        linestyle="--",
        label=label(
            {"en": "“estimated entropy” H(q)", "zh": "“估计熵” H(q)"},
            language,
        ),
    )
    floor = xent.entropy([p, 1 - p])
    axes.axhline(floor, color=GREY, linewidth=1)
    axes.plot([p], [floor], "o", color=BLUE)
    axes.annotate(
        label({"en": "minimum H(p) at q = p", "zh": "最小值 H(p)，在 q = p 处"}, language),
        (p, floor),
        xytext=(0.42, 0.25),
        arrowprops={"arrowstyle": "->", "color": GREY},
    )
    axes.set(xlim=(0, 1), ylim=(0, 2.5))
    axes.set_xlabel(label({"en": "model's probability q", "zh": "模型给出的概率 q"}, language))
    axes.set_ylabel(label({"en": "nats", "zh": "奈特"}, language))
    axes.legend(loc="upper center")


def two_codes(axes: Axes, language: str) -> None:
    """Draw each weather's code length in New York's own code and in Tokyo's, in bits."""
    names = label(_WEATHER, language).split()
    where = np.arange(len(names))
    width = 0.38
    own = xent.self_information(_NEW_YORK, base="bits")
    tokyo = xent.self_information(_TOKYO, base="bits")
    axes.bar(
        where - width / 2,
        own,
        width,
        color=BLUE,
        label=label({"en": "New York's own code", "zh": "纽约自己的编码"}, language),
    )
    axes.bar(
        where + width / 2,
        tokyo,
        width,
        color=ORANGE,
        label=label({"en": "Tokyo's code", "zh": "东京的编码"}, language),
    )
    axes.axhline(
        xent.entropy(_NEW_YORK, base="bits"),
        color=BLUE,
        linewidth=1.5,
        linestyle=":",
        label=label({"en": "average: entropy H(P)", "zh": "平均：熵 H(P)"}, language),
    )
    axes.axhline(
        xent.cross_entropy(_NEW_YORK, _TOKYO, base="bits"),
        color=ORANGE,
        linewidth=1.5,
        linestyle="--",
        label=label(
            {"en": "average: cross-entropy H(P, Q)", "zh": "平均：交叉熵 H(P, Q)"}, language
        ),
    )
    axes.set_xticks(where, names)
    axes.set(ylim=(0, 4.6))
    axes.set_ylabel(label({"en": "code length (bits)", "zh": "码长（比特）"}, language))
    axes.legend(loc="upper left", ncols=2, fontsize=9)
    axes.grid(axis="x", visible=False)


FIGURES: dict[str, Callable[[Axes, str], None]] = {
    "cross_entropy_against_q": cross_entropy_against_q,
    "two_codes": two_codes,
}
