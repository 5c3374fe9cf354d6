"""Explorers: interactive figures whose numbers agree with `xent`, with a static figure behind.

A page shows an explorer with an ``explorer`` block: its name, then its caption (no digit)::

    ```explorer
    divergence
    Move the bars of P and Q and watch the cross-entropy split into entropy and divergence.
    ```

Each module of this package (``divergence.py``...) defines one `Explorer`: the page it belongs
to, the figure of ``docsite/figures/`` that stands in for it without JavaScript, and the HTML
the build writes for it in a language (``template``): its formulas as TeX in arithmatex's
markup, which the KaTeX hook renders like the page's own, and ``<output>`` slots for numbers.
The behaviour is plain JavaScript, ``docsite/assets/explorers/<name>.js``, which registers
itself with ``xentExplorers.register(name, mount)`` (``core.js``); ``mount`` builds the
controls, fills the outputs (each with its full-precision value in ``data-value``, which the
browser tests compare with `xent`), and the static figure is hidden. Without JavaScript the
reader sees the static figure and its caption. Nothing is fetched.
"""

from __future__ import annotations

import html
import importlib
import pkgutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from docsite.figures import svg

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["EXPLORERS", "SCRIPTS", "Explorer", "display_math", "explorer_html", "inline_math"]


@dataclass(frozen=True)
class Explorer:
    """One explorer: its page, its static stand-in, and its HTML in each language."""

    #: The page it is on, relative to ``docs/`` (``kl-divergence.md``).
    page: str
    #: The figure (of ``docsite.figures``) shown instead when JavaScript does not run.
    static_figure: str
    #: The explorer's HTML in a language: labels, KaTeX formulas, output slots.
    template: Callable[[str], str]


def inline_math(tex: str) -> str:
    r"""Return TeX as arithmatex writes inline math, for the KaTeX hook to render.

    >>> inline_math(r"H(P)")
    '<span class="arithmatex">\\(H(P)\\)</span>'
    """
    return f'<span class="arithmatex">\\({html.escape(tex, quote=False)}\\)</span>'


def display_math(tex: str) -> str:
    """Return TeX as arithmatex writes display math, for the KaTeX hook to render."""
    return f'<div class="arithmatex">\\[{html.escape(tex, quote=False)}\\]</div>'


def _discover() -> dict[str, Explorer]:
    explorers = {}
    for module in pkgutil.iter_modules(__path__):
        explorers[module.name] = importlib.import_module(f"{__name__}.{module.name}").EXPLORER
    return explorers


#: Every explorer, by the name an ``explorer`` block uses (its module's name).
EXPLORERS = _discover()
_ASSETS = Path(__file__).parents[1] / "assets"
#: The scripts every page loads, relative to the site: the core, then one per explorer.
SCRIPTS = tuple(
    f"assets/explorers/{name}.js"
    for name in ("core", *EXPLORERS)
    if (_ASSETS / "explorers" / f"{name}.js").exists()
)


def explorer_html(name: str, caption: str, language: str) -> str:
    """Return the explorer ``name``'s HTML: its template, its static figure, its caption."""
    explorer = EXPLORERS[name]
    label = html.escape(caption, quote=True)
    image = svg(explorer.static_figure, language).replace(
        "<svg ", f'<svg role="img" aria-label="{label}" ', 1
    )
    return (
        f'<figure class="xent-figure xent-explorer" data-explorer="{name}" aria-label="{label}">\n'
        f'<div class="xent-explorer-app" hidden>\n{explorer.template(language)}\n</div>\n'
        f'<div class="xent-explorer-static">\n{image}\n</div>\n'
        f"<figcaption>{html.escape(caption)}</figcaption>\n</figure>"
    )
