r"""Split a Markdown page into what the verifier checks: code blocks, math, and prose.

The scanner is line-based and deliberately small: it understands fenced code blocks (also
indented inside admonitions), inline code spans, ``$...$`` and ``$$...$$`` math, and
``\begin{align*}`` environments, which is all the site's pages use. Everything it does not
classify as code or math is prose, and keeps its line numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["CodeBlock", "Math", "Page", "scan"]

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`]*?)[ \t]*$")
_INLINE_CODE = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
_DISPLAY_MATH = re.compile(
    r"\$\$(.+?)\$\$|\\begin\{(align\*?|equation\*?)\}.*?\\end\{\2\}", re.DOTALL
)
# arithmatex's rule for inline math: no space after the opening $, none before the closing $,
# and no digit right after it (so "$5 and $6" stays text).
_INLINE_MATH = re.compile(r"(?<![\\$])\$(?![\s$])(.+?)(?<![\s\\])\$(?!\d)", re.DOTALL)


@dataclass(frozen=True)
class CodeBlock:
    """A fenced code block: its language, the rest of the info string, its code and line.

    ``line`` is the first line of the code (after the opening fence), ``end`` the line of the
    closing fence, and ``indent`` the fence's indentation (inside an admonition).
    """

    language: str
    info: str
    code: str
    line: int
    end: int = 0
    indent: str = ""


@dataclass(frozen=True)
class Math:
    """A formula: its TeX (without delimiters), whether it is display math, and its line."""

    tex: str
    display: bool
    line: int


@dataclass(frozen=True)
class Page:
    """A scanned page: code blocks and math in order, and the prose with both blanked out.

    ``prose`` has the same length and line breaks as the source, so a position in it is a
    position in the source.
    """

    source: str
    code: tuple[CodeBlock, ...]
    math: tuple[Math, ...]
    prose: str
    #: The inline code spans, ``(position, text)``, as written (they are blanked in ``prose``).
    inline_code: tuple[tuple[int, str], ...] = ()

    def line_of(self, position: int) -> int:
        """Return the 1-based line number of a position in the source."""
        return self.source.count("\n", 0, position) + 1


def _blank(text: str) -> str:
    """Replace every character but line breaks with a space (keeps positions and lines)."""
    return re.sub(r"[^\n]", " ", text)


def _code_blocks(source: str) -> tuple[list[CodeBlock], str]:
    lines = source.splitlines(keepends=True)
    blocks: list[CodeBlock] = []
    out: list[str] = []
    index = 0
    while index < len(lines):
        opening = _FENCE.match(lines[index].rstrip("\n"))
        if not opening:
            out.append(lines[index])
            index += 1
            continue
        indent, fence = opening["indent"], opening["fence"]
        info = opening["info"].strip().lstrip("{").rstrip("}").strip()
        language, _, rest = info.partition(" ")
        body: list[str] = []
        end = index + 1
        while end < len(lines):
            closing = _FENCE.match(lines[end].rstrip("\n"))
            if (
                closing
                and closing["fence"][0] == fence[0]
                and len(closing["fence"]) >= len(fence)
                and not closing["info"]
            ):
                break
            body.append(lines[end].removeprefix(indent))
            end += 1
        code = "".join(body)
        block = CodeBlock(language.lstrip("."), rest.strip(), code, index + 2, end + 1, indent)
        blocks.append(block)
        out.extend(_blank(line) for line in lines[index : end + 1])
        index = end + 1
    return blocks, "".join(out)


def scan(source: str) -> Page:
    r"""Scan a Markdown page.

    Parameters
    ----------
    source : str
        The page's Markdown.

    Returns
    -------
    Page
        Its code blocks, its math, and its prose (code and math blanked out).

    Examples
    --------
    >>> page = scan("Text with $H(P)$ and 0.5.\n\n```pycon\n>>> 1 + 1\n2\n```\n")
    >>> page.math[0].tex, page.code[0].language, page.code[0].line
    ('H(P)', 'pycon', 4)
    >>> "0.5" in page.prose, "H(P)" in page.prose, "1 + 1" in page.prose
    (True, False, False)
    """
    code, rest = _code_blocks(source)
    spans: list[tuple[int, str]] = []

    def blank_code(match: re.Match[str]) -> str:
        spans.append((match.start(), match.group(2)))
        return _blank(match.group(0))

    rest = _INLINE_CODE.sub(blank_code, rest)
    found: list[tuple[int, Math]] = []

    def take(match: re.Match[str], *, display: bool) -> str:
        tex = match.group(1) if match.group(1) is not None else match.group(0)
        found.append(
            (match.start(), Math(tex.strip(), display, source.count("\n", 0, match.start()) + 1))
        )
        return _blank(match.group(0))

    rest = _DISPLAY_MATH.sub(lambda m: take(m, display=True), rest)
    rest = _INLINE_MATH.sub(lambda m: take(m, display=False), rest)
    math = tuple(formula for _, formula in sorted(found, key=lambda item: item[0]))
    return Page(source=source, code=tuple(code), math=math, prose=rest, inline_code=tuple(spans))
