"""Figures of the page on joint and mutual information (docs/mutual-information.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from matplotlib.patches import Circle, Patch

import xent
from docsite.figures.style import BLUE, ORANGE, TEAL, label

if TYPE_CHECKING:
    from collections.abc import Callable

    from matplotlib.axes import Axes

#: Cover & Thomas, Example 2.2.1: rows y = 1..4, columns x = 1..4.
JOINT_TABLE = np.array(
    [
        [1 / 8, 1 / 16, 1 / 32, 1 / 32],
        [1 / 16, 1 / 8, 1 / 32, 1 / 32],
        [1 / 16, 1 / 16, 1 / 16, 1 / 16],
        [1 / 4, 0, 0, 0],
    ]
)


def _information_quantities() -> dict[str, float]:
    """H(X), H(Y), H(X,Y), the conditional entropies and I(X;Y) of `JOINT_TABLE`, in bits."""
    joint = xent.entropy(JOINT_TABLE.ravel(), base="bits")
    h_x = xent.entropy(JOINT_TABLE.sum(axis=0), base="bits")
    h_y = xent.entropy(JOINT_TABLE.sum(axis=1), base="bits")
    product = np.outer(JOINT_TABLE.sum(axis=1), JOINT_TABLE.sum(axis=0))
    mutual = xent.kl_divergence(JOINT_TABLE.ravel(), product.ravel(), base="bits")
    return {
        "H(X,Y)": float(joint),
        "H(X)": float(h_x),
        "H(Y)": float(h_y),
        "H(X|Y)": float(h_x - mutual),
        "H(Y|X)": float(h_y - mutual),
        "I(X;Y)": float(mutual),
    }


def _bits(value: float, language: str) -> str:
    unit = label({"en": "bits", "zh": "比特"}, language)
    return f"{value:.3f} {unit}"


def information_diagram(axes: Axes, language: str) -> None:
    """Draw the information diagram of the Cover & Thomas table: two overlapping discs."""
    values = _information_quantities()
    radius, offset = 1.0, 0.62
    for centre, colour in ((-offset, BLUE), (offset, ORANGE)):
        axes.add_patch(Circle((centre, 0), radius, facecolor=colour, alpha=0.25, edgecolor=colour))
        axes.add_patch(Circle((centre, 0), radius, fill=False, edgecolor=colour, linewidth=2))
    regions = (
        (-offset - 0.42, "H(X|Y)", "H(X | Y)"),
        (0.0, "I(X;Y)", "I(X; Y)"),
        (offset + 0.42, "H(Y|X)", "H(Y | X)"),
    )
    for x, key, text in regions:
        axes.text(x, 0.08, text, ha="center", va="bottom", fontsize=12)
        axes.text(x, -0.08, _bits(values[key], language), ha="center", va="top", fontsize=10)
    for x, key, colour in ((-offset - 0.35, "H(X)", BLUE), (offset + 0.35, "H(Y)", ORANGE)):
        axes.text(
            x,
            radius + 0.08,
            f"{key}: {_bits(values[key], language)}",
            ha="center",
            va="bottom",
            color=colour,
            fontsize=11,
        )
    joint = label({"en": "both discs together: H(X, Y)", "zh": "两圆合起来：H(X, Y)"}, language)
    axes.text(
        0, -radius - 0.1, f"{joint} = {_bits(values['H(X,Y)'], language)}", ha="center", va="top"
    )
    axes.set(xlim=(-2.2, 2.2), ylim=(-1.35, 1.35), aspect="equal")
    axes.axis("off")


def information_bars(axes: Axes, language: str) -> None:
    """Draw H(X,Y), H(X), H(Y) as bars, to scale, split into H(X|Y), I(X;Y) and H(Y|X)."""
    values = _information_quantities()
    parts = (
        ("H(X|Y)", BLUE, {"en": "H(X | Y): only in X", "zh": "H(X | Y)：仅属于 X"}),
        ("I(X;Y)", TEAL, {"en": "I(X; Y): shared", "zh": "I(X; Y)：共享"}),
        ("H(Y|X)", ORANGE, {"en": "H(Y | X): only in Y", "zh": "H(Y | X)：仅属于 Y"}),
    )
    rows = (("H(X, Y)", (0, 1, 2)), ("H(X)", (0, 1)), ("H(Y)", (1, 2)))
    for row, (_, used) in enumerate(rows):
        start = 0.0 if 0 in used else values["H(X|Y)"]
        for index in used:
            key, colour, _ = parts[index]
            axes.barh(row, values[key], left=start, color=colour, height=0.6)
            start += values[key]
    handles = [Patch(color=colour, label=label(text, language)) for _, colour, text in parts]
    axes.set_yticks(range(len(rows)), [name for name, _ in rows])
    axes.invert_yaxis()
    axes.set_xlim(0, 5.6)
    axes.set_xlabel(label({"en": "bits", "zh": "比特"}, language))
    axes.grid(axis="y", visible=False)
    axes.legend(handles=handles, loc="center right", fontsize=9)


FIGURES: dict[str, Callable[[Axes, str], None]] = {
    "information_diagram": information_diagram,
    "information_bars": information_bars,
}
