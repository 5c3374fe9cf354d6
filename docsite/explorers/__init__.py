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
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from docsite.figures import svg

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "EXPLORERS",
    "SCRIPTS",
    "Explorer",
    "display_math",
    "explorer_html",
    "explorer_tex",
    "inline_math",
]


@dataclass(frozen=True)
class Explorer:
    """One explorer: its page, its static stand-in, and its HTML in each language."""

    #: The page it is on, relative to ``docs/`` (``kl-divergence.md``).
    page: str
    #: The figure (of ``docsite.figures``) shown instead when JavaScript does not run; None
    #: when the page shows the explorer's first state in a figure right above it.
    static_figure: str | None
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


_MATH = re.compile(r'<(span|div) class="arithmatex">\\[(\[](?P<tex>.*?)\\[)\]]</\1>', re.DOTALL)


def explorer_tex(name: str, language: str) -> list[str]:
    r"""Return the TeX of every formula in the explorer ``name``'s HTML in ``language``.

    The verifier holds them to the rule of a page's formulas: registered, or notation.

    >>> explorer_tex("divergence", "en")[0]
    'H(P)'
    """
    found = _MATH.finditer(EXPLORERS[name].template(language))
    return [html.unescape(match["tex"]) for match in found]


#: What a reader without JavaScript reads where an explorer without a static figure would be.
NEEDS_JAVASCRIPT = {
    "en": "This explorer needs JavaScript; the figure above shows the state it starts in.",
    "zh": "这个交互图需要 JavaScript；上面的图就是它的初始状态。",
}


def _discover() -> dict[str, Explorer]:
    """Collect the ``EXPLORER`` of each module (``_helpers.py``-style private modules aside)."""
    explorers = {}
    for module in pkgutil.iter_modules(__path__):
        if not module.name.startswith("_"):
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
    if explorer.static_figure is None:
        image = f"<p>{html.escape(NEEDS_JAVASCRIPT[language])}</p>"
    else:
        image = svg(explorer.static_figure, language).replace(
            "<svg ", f'<svg role="img" aria-label="{label}" ', 1
        )
    return (
        f'<figure class="xent-figure xent-explorer" data-explorer="{name}" aria-label="{label}">\n'
        f'<div class="xent-explorer-app" hidden>\n{explorer.template(language)}\n</div>\n'
        f'<div class="xent-explorer-static">\n{image}\n</div>\n'
        f"<figcaption>{html.escape(caption)}</figcaption>\n</figure>"
    )
