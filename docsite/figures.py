"""Figures drawn at build time from `xent`, as deterministic SVG inlined in the page.

A page shows a figure with a ``figure`` block: the figure's name on the first line, its
caption on the next ones (the caption also becomes the figure's accessible name)::

    ```figure
    binary_entropy
    The binary entropy is largest for a fair coin.
    ```

Each figure is a function that draws on a Matplotlib `Figure` (no pyplot, no global state)
with labels in the page's language. The SVG is made deterministic (fixed hash salt, no date),
keeps its text as text, and draws axes and labels in ``currentColor``, so a figure follows
the light or dark theme of the page around it.
"""

from __future__ import annotations

import html
import io
import re
from typing import TYPE_CHECKING

import numpy as np

import xent

if TYPE_CHECKING:
    from collections.abc import Callable

    from matplotlib.axes import Axes

__all__ = ["FIGURES", "figure_html", "svg"]

#: Data colours that read on a white and on a dark slate background alike.
BLUE, ORANGE, TEAL = "#3b82f6", "#f97316", "#14b8a6"

_STYLE = {
    "svg.hashsalt": "xent",
    "svg.fonttype": "none",  # text stays text: the page's font, selectable, translatable
    "font.family": "sans-serif",
    "font.size": 11,
    "axes.edgecolor": "black",
    "axes.labelcolor": "black",
    "text.color": "black",
    "xtick.color": "black",
    "ytick.color": "black",
    "axes.facecolor": "none",
    "figure.facecolor": "none",
    "savefig.facecolor": "none",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#9ca3af",
    "grid.alpha": 0.35,
    "lines.linewidth": 2,
}

# Labels in each language, by key.
_LABELS: dict[str, dict[str, str]] = {
    "probability": {"en": "probability p", "zh": "概率 p"},
    "surprisal": {"en": "self-information −log p", "zh": "自信息 −log p"},
    "bits": {"en": "bits", "zh": "比特"},
    "nats": {"en": "nats", "zh": "奈特"},
    "heads": {"en": "probability of heads p", "zh": "正面朝上的概率 p"},
    "binary_entropy": {"en": "binary entropy H_b(p) (bits)", "zh": "二元熵 H_b(p)（比特）"},
}


def _label(key: str, language: str) -> str:
    return _LABELS[key][language]


def self_information_curve(axes: Axes, language: str) -> None:
    """Draw −log p in bits and in nats, with the marks at p = 1/2 and p = 1/e."""
    p = np.linspace(0.005, 1, 400)
    axes.plot(p, xent.self_information(p, base="bits"), color=BLUE, label=_label("bits", language))
    axes.plot(p, xent.self_information(p), color=ORANGE, label=_label("nats", language))
    for point, unit in ((0.5, "bits"), (1 / np.e, "nats")):
        value = xent.self_information(point, base=unit)
        axes.plot([point], [value], "o", color=BLUE if unit == "bits" else ORANGE)
    axes.set(xlim=(0, 1), ylim=(0, 8), xlabel=_label("probability", language))
    axes.set_ylabel(_label("surprisal", language))
    axes.legend(frameon=False)


def binary_entropy_curve(axes: Axes, language: str) -> None:
    """Draw H_b(p) in bits for p in [0, 1]."""
    p = np.linspace(0, 1, 401)
    axes.plot(p, xent.binary_entropy(p, base="bits"), color=BLUE)
    axes.set(xlim=(0, 1), ylim=(0, 1.05), xlabel=_label("heads", language))
    axes.set_ylabel(_label("binary_entropy", language))


#: Every figure, by the name a ``figure`` block uses.
FIGURES: dict[str, Callable[[Axes, str], None]] = {
    "self_information": self_information_curve,
    "binary_entropy": binary_entropy_curve,
}


def svg(name: str, language: str = "en") -> str:
    """Draw a figure and return it as an SVG element to inline in HTML.

    Examples
    --------
    >>> image = svg("binary_entropy")
    >>> image.startswith("<svg") and "currentColor" in image and image == svg("binary_entropy")
    True
    """
    from matplotlib import rc_context  # noqa: PLC0415 (Matplotlib only when a page has a figure)
    from matplotlib.figure import Figure  # noqa: PLC0415

    with rc_context(_STYLE):
        figure = Figure(figsize=(6.4, 3.6), layout="constrained")
        FIGURES[name](figure.add_subplot(), language)
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    text = buffer.getvalue()
    text = text[text.index("<svg") :]
    text = re.sub(r'\s(width|height)="[\d.]+pt"', "", text, count=2)
    text = re.sub(r"\s*<metadata>.*?</metadata>", "", text, count=1, flags=re.DOTALL)
    text = re.sub(r"font-family: [^;\"]*", "font-family: inherit", text)  # the page's font
    text = text.replace("<svg ", '<svg fill="currentColor" ', 1)  # text Matplotlib left black
    return text.replace("#000000", "currentColor")


def figure_html(name: str, caption: str, language: str = "en") -> str:
    """Return a ``<figure>`` with the inline SVG, its caption, and an accessible name."""
    image = svg(name, language)
    label = html.escape(caption, quote=True)
    image = image.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)
    return (
        f'<figure class="xent-figure">\n{image}\n'
        f"<figcaption>{html.escape(caption)}</figcaption>\n</figure>"
    )
