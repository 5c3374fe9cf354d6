"""Show ``derivation`` blocks as display math: the named derivation's ``align*`` TeX."""

from __future__ import annotations

import re

__all__ = ["expand_derivations"]

_BLOCK = re.compile(
    r"^(?P<indent>[ \t]*)```derivation[ \t]*\n[ \t]*(?P<name>\w+)[ \t]*\n[ \t]*```[ \t]*$",
    re.MULTILINE,
)


def expand_derivations(markdown: str) -> str:
    r"""Replace each ``derivation`` block with its derivation's TeX between ``$$`` lines.

    The verifier has already checked that every named derivation exists and verifies.

    Examples
    --------
    >>> print(expand_derivations("```derivation\nkl_decomposition\n```")[:48])
    $$
    \begin{align*}
    D_{\mathrm{KL}}(P \,\|\, Q) &=
    """
    if "```derivation" not in markdown:
        return markdown
    from xent.symbolic import derivations  # noqa: PLC0415 (SymPy only when a page needs it)

    known = derivations()

    def expand(match: re.Match[str]) -> str:
        indent = match["indent"]
        tex = known[match["name"]].latex()
        return "\n".join(indent + line for line in ["$$", *tex.splitlines(), "$$"])

    return _BLOCK.sub(expand, markdown)
