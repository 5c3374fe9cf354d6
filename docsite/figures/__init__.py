"""Figures drawn at build time from `xent`, as deterministic SVG inlined in the page.

A page shows a figure with a ``figure`` block: the figure's name on the first line, its
caption on the next ones (the caption also becomes the figure's accessible name)::

    ```figure
    binary_entropy
    The binary entropy is largest for a fair coin.
    ```

Each figure is a function ``draw(axes, language)`` that draws on Matplotlib axes (no pyplot,
no global state) with labels in the page's language; each module of this package holds the
figures of one page (``kl_divergence.py``: those of ``docs/kl-divergence.md``) in a
``FIGURES`` dict, found automatically; ``style.py`` holds the colours, fonts and labels they
share. The SVG is deterministic (fixed hash salt, no date), keeps its text as text, and draws
axes and labels in ``currentColor``, so a figure follows the light or dark theme of the page
around it.
"""

from __future__ import annotations

import html
import importlib
import io
import pkgutil
import re
from pathlib import Path
from typing import TYPE_CHECKING

from docsite.cache import CACHE_DIR, cached, source_hash
from docsite.editions import DEFAULT_LANGUAGE
from docsite.figures.style import STYLE, fonts

if TYPE_CHECKING:
    from collections.abc import Callable

    from matplotlib.axes import Axes

__all__ = ["FIGURES", "figure_html", "svg"]


def _discover() -> dict[str, Callable[[Axes, str], None]]:
    """Collect ``FIGURES`` from every module of this package (one module per page)."""
    figures: dict[str, Callable[[Axes, str], None]] = {}
    for module in pkgutil.iter_modules(__path__):
        if module.name != "style":
            found = importlib.import_module(f"{__name__}.{module.name}").FIGURES
            if clash := figures.keys() & found.keys():
                raise ValueError(f"figures named twice: {sorted(clash)}")
            figures.update(found)
    return figures


#: Every figure, by the name a ``figure`` block uses.
FIGURES = _discover()


def svg(name: str, language: str = DEFAULT_LANGUAGE, *, directory: Path | None = CACHE_DIR) -> str:
    """Return a figure as an SVG element to inline in HTML, drawn once per version of the code.

    The drawing is kept in ``directory`` (None: always draw), keyed by the sources of
    ``xent`` and of this package.

    Examples
    --------
    >>> image = svg("binary_entropy")
    >>> image.startswith("<svg") and "currentColor" in image and image == svg("binary_entropy")
    True
    """
    key = ["figure", name, language, source_hash(*Path(__file__).parent.rglob("*.py"))]
    drawn: str = cached(
        f"figures-{language}", key, lambda: _draw(name, language), directory=directory
    )
    return drawn


def _draw(name: str, language: str) -> str:
    from matplotlib import rc_context  # noqa: PLC0415 (Matplotlib only when a page has a figure)
    from matplotlib.figure import Figure  # noqa: PLC0415
    from matplotlib.text import Text  # noqa: PLC0415

    with rc_context({**STYLE, **fonts(language)}):
        figure = Figure(figsize=(6.4, 3.6), layout="constrained")
        FIGURES[name](figure.add_subplot(), language)
        for artist in figure.findobj(Text):  # text in the page's colour: 4.5:1 in both schemes
            artist.set_color("black")
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    text = buffer.getvalue()
    text = text[text.index("<svg") :]
    text = re.sub(r'\s(width|height)="[\d.]+pt"', "", text, count=2)
    text = re.sub(r"\s*<metadata>.*?</metadata>", "", text, count=1, flags=re.DOTALL)
    text = re.sub(r"font-family: [^;\"]*", "font-family: inherit", text)  # the page's font
    text = text.replace("<svg ", '<svg fill="currentColor" ', 1)  # text Matplotlib left black
    return text.replace("#000000", "currentColor")


def figure_html(name: str, caption: str, language: str = DEFAULT_LANGUAGE) -> str:
    """Return a ``<figure>`` with the inline SVG, its caption, and an accessible name."""
    image = svg(name, language)
    label = html.escape(caption, quote=True)
    image = image.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)
    return (
        f'<figure class="xent-figure">\n{image}\n'
        f"<figcaption>{html.escape(caption)}</figcaption>\n</figure>"
    )
