"""The look shared by every figure: colours that read on light and dark pages, and labels."""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["BLUE", "CJK_FONT", "GREY", "ORANGE", "RED", "STYLE", "TEAL", "fonts", "label"]

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


#: The font that measures Chinese labels (the page's own font draws them, as for English):
#: WenQuanYi Micro Hei, Debian's fonts-wqy-microhei, which scripts/setup installs.
CJK_FONT = ("WenQuanYi Micro Hei", "wqy-microhei.ttc")


def fonts(language: str) -> dict[str, Any]:
    """Return the font settings for labels in ``language``; for Chinese, a CJK fallback font.

    Matplotlib lays the labels out with these fonts' metrics (the SVG keeps text as text, in
    the page's font), so a Chinese label needs a font that has its characters.
    """
    if language != "zh":
        return {}
    from matplotlib import font_manager  # noqa: PLC0415 (Matplotlib only to draw)

    family, filename = CJK_FONT
    if family not in {font.name for font in font_manager.fontManager.ttflist}:
        found = [path for path in font_manager.findSystemFonts() if Path(path).name == filename]
        if not found:
            raise RuntimeError(
                f"Chinese figure labels need the font {family} ({filename}, Debian package "
                "fonts-wqy-microhei); scripts/setup installs it"
            )
        font_manager.fontManager.addfont(found[0])
    return {"font.family": ["sans-serif", family]}
