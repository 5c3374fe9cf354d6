r"""Replace the math in a page's HTML with KaTeX's rendering; raw TeX never reaches a reader.

MkDocs converts ``$...$``, ``$$...$$``, ``\(...\)``, ``\[...\]`` and ``\begin{align*}``
blocks with ``pymdownx.arithmatex`` in generic mode, which leaves the TeX in
``<span class="arithmatex">\(...\)</span>`` and ``<div class="arithmatex">\[...\]</div>``.
`render_arithmatex` replaces each with KaTeX's HTML (plus MathML for screen readers). A
formula KaTeX rejects, or TeX that arithmatex did not pick up, is an error naming the page and
line.
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from docsite.katex import KatexError

if TYPE_CHECKING:
    from docsite.katex import KatexRenderer

__all__ = ["MathPageError", "math_to_text", "render_arithmatex"]


class MathPageError(ValueError):
    """A page has math that cannot be shown: KaTeX errors or TeX that was never converted.

    Parameters
    ----------
    page : str
        The page's path relative to the docs directory.
    problems : list of str
        One line per problem, each ``"<page>:<line>: <what is wrong>"`` (``line ?`` when the
        formula could not be found in the Markdown source).
    """

    def __init__(self, page: str, problems: list[str]) -> None:
        self.page = page
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class _Formula:
    """One arithmatex element found in a page's HTML."""

    start: int
    end: int
    tag: str
    tex: str
    display: bool


# What pymdownx.arithmatex emits in generic mode. It escapes &, < and > in the TeX, so the
# element's content never contains a tag and the first closing tag ends it.
_ARITHMATEX = re.compile(
    r'<(?P<tag>span|div)\s+class="arithmatex"\s*>(?P<body>.*?)</(?P=tag)>', re.DOTALL
)
_DELIMITERS = {"span": ("\\(", "\\)", False), "div": ("\\[", "\\]", True)}

# Material's search skips an element with this attribute (but mishandles nested elements of
# the same tag, so it goes on the MathML's span, which holds no other span).
_MATHML = '<span class="katex-mathml">'
_MATHML_UNSEARCHED = '<span class="katex-mathml" data-search-exclude>'

# Leftover TeX in text outside code: what arithmatex did not convert.
_PLACEHOLDER = "\ue000"  # stands for a converted formula while looking for leftovers
_RAW_MATH = re.compile(
    r"\\\([^\n]*?\\\)|\\\[[^\n]*?\\\]"  # \(...\) and \[...\] on one line
    r"|\\[()\[\]]"  # a lone \( \) \[ \]
    rf"|\$?{_PLACEHOLDER}\$|\${_PLACEHOLDER}"  # $$x$$ in a line of prose: only $x$ was math
    r"|\$\$"  # $$
    r"|\\begin\{|\\end\{"  # environments
    r"|\$[^$\n]*?(?:\\[A-Za-z]+|[\^_])[^$\n]*?\$"  # $...$ with TeX in it: \cmd, ^ or _
)
# Where plain prose stops, looking for the words around leftover TeX in the Markdown source.
_PROSE_STOP = re.compile(rf"[\n{_PLACEHOLDER}$\\]")
_SKIP_TAGS = frozenset({"code", "pre", "script", "style", "textarea", "kbd", "samp"})
_INLINE_TAGS = frozenset(
    {"a", "abbr", "b", "cite", "del", "em", "i", "ins", "mark", "q", "s", "small", "span"}
    | {"strong", "sub", "sup", "u"}
)


def _find_formulas(html: str) -> list[_Formula]:
    formulas = []
    for match in _ARITHMATEX.finditer(html):
        tag = match["tag"]
        opening, closing, display = _DELIMITERS[tag]
        body = html_lib.unescape(match["body"])
        if not (body.startswith(opening) and body.endswith(closing)):
            raise ValueError(
                f"unexpected arithmatex output {match[0][:80]!r}: use generic mode with the "
                "default tex_inline_wrap and tex_block_wrap"
            )
        tex = body[len(opening) : -len(closing)]
        formulas.append(_Formula(match.start(), match.end(), tag, tex, display))
    return formulas


def _locate(source: str, tex: str, display: bool, cursor: int) -> tuple[int | None, int]:
    """Find where ``tex`` starts in ``source``; return (index or None, cursor for the next).

    A formula is looked for with its delimiters, then bare, then by its first non-blank line
    (Markdown removes the indentation of a formula in a list item); preferably after
    ``cursor``, the end of the previous formula found, as formulas come in order.
    """
    first_line = next((line.strip() for line in tex.splitlines() if line.strip()), "")
    delimiters = [("$$", "$$"), ("\\[", "\\]")] if display else [("$", "$"), ("\\(", "\\)")]
    candidates = [(opening + tex + closing, len(opening)) for opening, closing in delimiters]
    candidates += [(tex, 0), (tex.strip(), -tex.find(tex.strip())), (first_line, 0)]
    for needle, offset in candidates:
        if not needle.strip():
            continue
        index = source.find(needle, cursor)
        if index < 0:
            index = source.find(needle)
        if index >= 0:
            return max(0, index + offset), index + len(needle)
    return None, cursor


def _line_in(source: str, tex: str, start: int | None, message: str) -> int | None:
    """Return the line of ``source`` holding the spot of ``tex`` (at ``start``) KaTeX names."""
    if start is None:
        return None
    position = re.search(r"\bat position (\d+)", message)
    offset = int(position[1]) - 1 if position else len(tex) - len(tex.lstrip())
    return source.count("\n", 0, min(start + offset, len(source))) + 1


def _where(page: str, line: int | None) -> str:
    return f"{page}:{'?' if line is None else line}"


class _TextOutsideCode(HTMLParser):
    """Collect a page's text content, skipping code, ``<pre>`` and scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        del attrs
        if tag in _SKIP_TAGS:
            self._skipping += 1
        elif tag not in _INLINE_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag not in _INLINE_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def _source_line(source: str, text: str, start: int, end: int) -> int | None:
    """Guess the line of ``source`` that ``text[start:end]`` comes from, by the prose around it."""
    stops = list(_PROSE_STOP.finditer(text, 0, start))
    before = text[stops[-1].end() if stops else 0 : start][-30:].strip()
    stop = _PROSE_STOP.search(text, end)
    after = text[end : stop.start() if stop else len(text)][:30].strip()
    needles = [needle for needle in (before, after) if len(needle) >= 5]
    if _PLACEHOLDER not in text[start:end]:
        needles.append(text[start:end])
    for needle in needles:
        index = source.find(needle)
        if index >= 0:
            return source.count("\n", 0, index) + 1
    return None


def _raw_math(html: str, page: str, source: str) -> list[str]:
    """Describe every piece of TeX left in the text of ``html`` (with formulas removed)."""
    parser = _TextOutsideCode()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    problems = []
    for match in _RAW_MATH.finditer(text):
        start, end = match.span()
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        context = text[max(line_start, start - 30) : min(line_end, end + 30)].strip()
        found = match[0].replace(_PLACEHOLDER, "<math>")
        problems.append(
            f"{_where(page, _source_line(source, text, start, end))}: TeX not converted to math: "
            f"{found} in “{context.replace(_PLACEHOLDER, '<math>')}”; check its delimiters "
            "(or put it in `code`)"
        )
    return problems


def render_arithmatex(html: str, renderer: KatexRenderer, *, page: str, source: str) -> str:
    r"""Replace the math in a page's HTML, as arithmatex left it, with KaTeX's HTML.

    Each ``<span class="arithmatex">\(...\)</span>`` becomes ``<span class="arithmatex">``
    around KaTeX's inline HTML, and each ``<div class="arithmatex">\[...\]</div>`` becomes
    ``<div class="arithmatex">`` around its display HTML (Material for MkDocs styles
    ``div.arithmatex``: centred, scrolling sideways when too wide). The MathML copy carries
    ``data-search-exclude``, so Material's search indexes each formula once, not twice.

    Parameters
    ----------
    html : str
        The page's HTML, from ``pymdownx.arithmatex`` with ``generic: true``.
    renderer : KatexRenderer
        The renderer to use.
    page : str
        The page's path relative to the docs directory, for error messages.
    source : str
        The page's Markdown, to find the line of a faulty formula.

    Returns
    -------
    str
        The HTML with every formula rendered.

    Raises
    ------
    MathPageError
        If KaTeX rejects any formula, or TeX delimiters (``\(``, ``\[``, ``$$``, ``$x^2$``
        and the like, ``\begin{...}``) remain in the text outside code: one line per
        problem, ``page:line: message``.
    """
    formulas = _find_formulas(html)
    results = renderer.render_many((formula.tex, formula.display) for formula in formulas)
    problems: list[str] = []
    pieces: list[str] = []
    without_math: list[str] = []
    position = 0
    cursor = 0
    for formula, result in zip(formulas, results, strict=True):
        start, cursor = _locate(source, formula.tex, formula.display, cursor)
        if isinstance(result, KatexError):
            line = _line_in(source, formula.tex, start, result.katex_message)
            message = " ".join(result.katex_message.split())  # one line per problem
            problems.append(f"{_where(page, line)}: {message}")
            result = ""  # noqa: PLW2901 (the page is rejected anyway)
        focus = ' tabindex="0"' if formula.tag == "div" else ""  # it may scroll sideways
        pieces += [html[position : formula.start], f'<{formula.tag} class="arithmatex"{focus}>']
        pieces += [result.replace(_MATHML, _MATHML_UNSEARCHED, 1), f"</{formula.tag}>"]
        without_math += [html[position : formula.start], _PLACEHOLDER]
        position = formula.end
    pieces.append(html[position:])
    without_math.append(html[position:])
    problems += _raw_math("".join(without_math), page, source)
    if problems:
        raise MathPageError(page, problems)
    return "".join(pieces)


_TITLE_MATH = re.compile(r"\\\((?P<inline>.*?)\\\)|\\\[(?P<display>.*?)\\\]", re.DOTALL)
_MATHML_TEXT = re.compile(r"<math\b.*?</math>", re.DOTALL)
_ANNOTATION = re.compile(r"<annotation\b.*?</annotation>", re.DOTALL)


def math_to_text(title: str, renderer: KatexRenderer) -> str:
    r"""Replace the math in a page or heading title with plain text, for the TOC, nav and tab.

    MkDocs takes titles from headings as escaped text, so a heading ``## KL $D(P \| Q)$``
    gives the title ``KL \(D(P \| Q)\)``. Each ``\(...\)`` becomes the text of KaTeX's
    MathML (what a screen reader reads): ``KL D(P∥Q)``; subscripts are flattened (``p_i``
    becomes ``pi``).

    Parameters
    ----------
    title : str
        The title, HTML-escaped as MkDocs gives it.
    renderer : KatexRenderer
        The renderer to use.

    Returns
    -------
    str
        The title without TeX, HTML-escaped.

    Raises
    ------
    KatexError
        If KaTeX rejects a formula.

    Examples
    --------
    >>> from docsite.katex import KatexRenderer
    >>> with KatexRenderer() as katex:
    ...     math_to_text(r"KL \(D_{\mathrm{KL}}(P \,\|\, Q)\) and \(p &lt; q\)", katex)
    'KL DKL(P ∥ Q) and p&lt;q'
    """
    matches = list(_TITLE_MATH.finditer(title))
    items = [
        (html_lib.unescape(match["inline"] or match["display"] or ""), match["inline"] is None)
        for match in matches
    ]
    pieces = []
    position = 0
    for match, result, (tex, display) in zip(
        matches, renderer.render_many(items), items, strict=True
    ):
        if isinstance(result, KatexError):
            raise KatexError(result.katex_message, tex=tex, display=display)
        mathml = _MATHML_TEXT.search(result)
        text = _ANNOTATION.sub("", mathml[0]) if mathml else ""
        plain = " ".join(html_lib.unescape(re.sub(r"<[^>]*>", "", text)).split())
        pieces += [title[position : match.start()], html_lib.escape(plain, quote=False)]
        position = match.end()
    pieces.append(title[position:])
    return "".join(pieces)
