"""The look shared by every figure: colours that read on light and dark pages, and labels."""

from __future__ import annotations

__all__ = ["BLUE", "GREY", "ORANGE", "RED", "STYLE", "TEAL", "label"]

#: Data colours that read on a white and on a dark slate background alike.
BLUE, ORANGE, TEAL, RED, GREY = "#3b82f6", "#ea580c", "#0d9488", "#ef4444", "#6b7280"

#: Matplotlib settings for every figure. Black is drawn as the page's text colour.
STYLE = {
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
    "grid.color": GREY,
    "grid.alpha": 0.35,
    "lines.linewidth": 2,
    "legend.frameon": False,
}


def label(labels: dict[str, str], language: str) -> str:
    """Return the label for ``language`` ("en" or "zh"), or raise naming what is missing.

    Examples
    --------
    >>> label({"en": "bits", "zh": "比特"}, "zh")
    '比特'
    """
    if language not in labels:
        raise KeyError(f"no {language!r} label among {labels}")
    return labels[language]
