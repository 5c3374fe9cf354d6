"""Blocks the build generates: ``derivation`` blocks become math, ``figure`` blocks SVG.

The verifier has already checked each block (the derivation exists and verifies, the figure
exists and its caption holds no digit); here they are only expanded.
"""

from __future__ import annotations

import re
from pathlib import Path

from docsite.cache import CACHE_DIR, cached, source_hash
from docsite.derivations_zh import in_chinese
from docsite.figures import figure_html

__all__ = ["derivation_latex", "expand_blocks"]

_BLOCK = re.compile(
    r"^(?P<indent>[ \t]*)```(?P<kind>derivation|figure)[ \t]*\n(?P<body>.*?)^[ \t]*```[ \t]*$",
    re.MULTILINE | re.DOTALL,
)


def derivation_latex(name: str, language: str, *, directory: Path | None = CACHE_DIR) -> str:
    """Return the derivation ``name`` as an ``align*`` block, its rules in ``language``.

    Drawn once per version of the code (kept in ``directory``; None: always drawn).
    """

    def draw() -> str:
        from xent.symbolic import derivations  # noqa: PLC0415 (SymPy only when needed)

        derivation = derivations()[name]
        if language == "zh":
            derivation = in_chinese(derivation)
        return derivation.latex(rules="below")

    key = [name, language, source_hash(Path(__file__), Path(__file__).parent / "derivations_zh.py")]
    result: str = cached("derivation-latex", key, draw, directory=directory)
    return result


def expand_blocks(markdown: str, language: str = "en") -> str:
    r"""Replace ``derivation`` and ``figure`` blocks with display math and inline SVG.

    ``language`` ("en" or "zh") is the page's: it chooses the words of the derivation's rules
    and of the figure's labels.

    Examples
    --------
    >>> print(expand_blocks("```derivation\nkl_decomposition\n```")[:48])
    $$
    \begin{align*}
    D_{\mathrm{KL}}(P \,\|\, Q) &=
    >>> expand_blocks("```figure\nbinary_entropy\nA fair coin.\n```").startswith("<figure")
    True
    """

    def expand(match: re.Match[str]) -> str:
        indent = match["indent"]
        name, *caption = [line.strip() for line in match["body"].strip().splitlines()]
        if match["kind"] == "figure":
            lines = figure_html(name, " ".join(caption), language).splitlines()
        else:
            lines = ["$$", *derivation_latex(name, language).splitlines(), "$$"]
        return "\n".join(indent + line for line in lines)

    return _BLOCK.sub(expand, markdown)
