r"""Verify a page: every digit under ``docs/`` must be accounted for by a computation.

The rules (the home page tells readers, in brief, what is checked):

- ``pycon`` blocks are doctests: each example runs and must print what is shown, compared by
  `docsite.output_checker.ContractChecker` (text exactly, decimal numbers to within the
  accuracy contract, so the page holds on every CPU). A shown number may have at most
  ``docsite.blocks.MAX_SHOWN_DIGITS`` significant digits.
- ``python`` blocks run (they define what later examples and prose use) and may not print
  anything, since nothing would compare it.
- Any other block (``sh``, ``text``, or a Python block whose info string says ``unverified``)
  is not run, is counted as unverified, and may not contain a digit.
- A number in prose is written, then bound to the expression that computes it:
  ``0.35667{= kl_divergence(P, Q)}``, or a group ``(0.7, 0.2, 0.1){= Q}``. The value must
  round to what is written at the precision written. A digit in prose that is not part of a
  bound number is an error: small counts are written in words, citations come from the
  bibliography. The target of a link (``[text](https://...)``, ``<https://...>``) is an
  address, not a number, and is not scanned.
- A unit word right after a bound number (``0.5{= entropy(P, base="bits")} bits``, 奈特,
  比特) must be the unit its expression is computed in, traced through the page's code to
  the base of the ``xent`` call or logarithm behind it (`docsite.units`).
- A comparison word is bound to the comparison it states, in the sentence's order:
  ``larger{= H_PQ > H_P}``; the comparison must hold and go the word's way, and in a sentence
  with two or more bound numbers every comparison word must be bound
  (`docsite.comparisons`).
- A ``derivation`` block names a derivation of ``xent.symbolic``, which must verify; the
  build shows it as an ``align*`` block. A ``figure`` block names a figure of
  ``docsite/figures/`` (drawn from ``xent``) and gives its caption, which may hold no digit.
  What each kind of block does is one entry of `docsite.blocks.KINDS`.
- A formula either matches a registered formula (which ``xent.symbolic`` has verified) or is
  notation: no digits and no signs or relations (``+ - = < >`` and their TeX commands).

Code and binding expressions run in document order in one namespace per page, which starts
empty: the code sees only what the page imports, as when a reader pastes it. Binding
expressions may also use `BINDING_NAMES` (xent's public names and ``math``'s functions).
Their results are cached by the hash of the page's code and expressions (plus the sources of
``xent`` and of ``docsite``), so the Chinese edition of a page, with the same code, runs
nothing again.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

import xent
from docsite.blocks import KINDS
from docsite.cache import CACHE_DIR, cached, source_hash
from docsite.comparisons import (
    COMPARISON_WORDS,
    comparison_problem,
    sentences,
    unbound_comparisons,
    word_before,
)
from docsite.editions import language_of
from docsite.exercises import ANSWER, ANSWER_OPENING
from docsite.explorers import EXPLORERS, explorer_tex
from docsite.markdown_scan import CodeBlock, Page, scan
from docsite.numbers import NUMBER, format_like, matches
from docsite.units import PLAIN, UNIT_WORD, UNITS, UNKNOWN, Units

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["BINDING", "Report", "strip_bindings", "verify_page"]

#: ``{= expression}`` right after a number or a bracketed group of numbers.
BINDING = re.compile(r"\{=[ \t]*(?P<expr>[^{}\n]+?)[ \t]*\}")
_SIGNS = re.compile(r"[-+=<>−±∓≈≤≥]|\\(?:pm|mp|le|ge|leq|geq|lt|gt|ne|neq|approx|neg)(?![A-Za-z])")
#: Link targets, [text](target "title") and <https://...> autolinks: addresses, not numbers.
LINK_TARGET = re.compile(
    r"\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+\"[^\"]*\")?\)|<https?://[^>\s]+>"
)
#: The kind of event a binding is, beside the kinds of block (`docsite.blocks.KINDS`).
_BINDING_EVENT = "bind"


@dataclass
class Report:
    """What verifying one page found: counts of what was checked, and every problem."""

    page: str
    examples: int = 0
    blocks: int = 0
    unverified: int = 0
    numbers: int = 0
    formulas: int = 0
    notation: int = 0
    #: Unit words after bound numbers checked against their trace (`docsite.units`).
    units: int = 0
    #: Comparison words checked against their bound comparison (`docsite.comparisons`).
    comparisons: int = 0
    problems: list[tuple[int, str]] = field(default_factory=list)
    #: The value of each answer box (``{answer 1.75{= ...} bits}``), in page order.
    answers: list[float] = field(default_factory=list)

    def summary(self) -> str:
        """Return one line of counts, for the build log."""
        return (
            f"{self.page}: {self.examples} examples and {self.blocks} code blocks run, "
            f"{self.numbers} numbers checked ({self.units} units, {self.comparisons} "
            f"comparisons), {self.formulas} formulas matched, "
            f"{self.notation} notation, {self.unverified} unverified blocks"
        )

    def errors(self) -> list[str]:
        """Return each problem as ``page:line: message``, in line order."""
        return [f"{self.page}:{line}: {message}" for line, message in sorted(self.problems)]


#: What a binding expression may use besides the names the page's code has defined: the public
#: names of ``xent`` and the functions of ``math``. Bindings are hidden from the reader; the code
#: blocks see none of this and run as pasted into a fresh interpreter.
BINDING_NAMES: dict[str, Any] = {
    **{name: getattr(xent, name) for name in xent.__all__},
    **{name: getattr(math, name) for name in dir(math) if not name.startswith("_")},
    "math": math,
    "np": np,
    "xent": xent,
}


def _value(expression: str, namespace: dict[str, Any]) -> list[float] | str:
    """Evaluate a binding; return its value as a list of floats, or an error message."""
    try:
        value = eval(expression, {**BINDING_NAMES, **namespace})  # noqa: S307 (the site's own pages)
        array = np.asarray(value, dtype=float).ravel()
    except Exception as error:  # noqa: BLE001
        return f"{{= {expression}}} raised {type(error).__name__}: {error}"
    return [float(x) for x in array]


def _execute(program: list[tuple[str, str, int]]) -> list[Any]:
    """Run the page's code blocks and binding expressions in order, in one namespace."""
    namespace: dict[str, Any] = {"__name__": "__main__"}
    results: list[Any] = []
    for kind, text, line in program:
        if kind == _BINDING_EVENT:
            results.append(_value(text, namespace))
        else:
            results.append(KINDS[kind].run(CodeBlock(kind, "", text, line), namespace))
    return results


_MEMORY: dict[str, list[Any]] = {}


def _cached_execute(program: list[tuple[str, str, int]], cache_dir: Path | None) -> list[Any]:
    """Run ``program``, or return its results from memory or from ``cache_dir``."""
    key = [source_hash(*Path(__file__).parent.rglob("*.py")), program]
    memory_key = json.dumps(key)
    if memory_key not in _MEMORY:
        results = cached("pages", key, lambda: _json(_execute(program)), directory=cache_dir)
        _MEMORY[memory_key] = results
    return list(_MEMORY[memory_key])


def _json(value: Any) -> Any:
    """Give ``value`` the shape it has after a round trip through JSON (tuples become lists)."""
    return json.loads(json.dumps(value))


def _bound_text(prose: str, start: int) -> tuple[int, str]:
    """Return the start and text of the number or bracketed group ending at ``start``."""
    if start and prose[start - 1] in ")]":
        closer = prose[start - 1]
        opener = "(" if closer == ")" else "["
        depth, position = 0, start - 1
        while position >= 0:
            depth += {closer: 1, opener: -1}.get(prose[position], 0)
            if depth == 0:
                return position, prose[position:start]
            position -= 1
        return start, ""
    for match in NUMBER.finditer(prose, max(0, start - 40), start):
        if match.end() == start:
            return match.start(), match.group(0)
    return start, ""


def _check_binding(written: str, value: list[float], line: int, report: Report) -> None:
    numbers = [match.group(0) for match in NUMBER.finditer(written)]
    if not numbers:
        report.problems.append(
            (line, f"{{= ...}} follows no number, group of numbers or comparison word: {written!r}")
        )
    elif len(numbers) != len(value):
        report.problems.append(
            (line, f"{written} has {len(numbers)} numbers but its expression gives {len(value)}")
        )
    else:
        for number, computed in zip(numbers, value, strict=True):
            if matches(computed, number):
                report.numbers += 1
            else:
                shown = format_like(computed, number) if math.isfinite(computed) else computed
                report.problems.append(
                    (line, f"{number} is written, but the build computes {shown}")
                )


def _check_comparisons(
    bounds: list[tuple[int, int]],
    language: str,
    numbers: list[tuple[int, str]],
    comparisons: list[tuple[int, int, str, str, list[float]]],
    report: Report,
) -> None:
    """Check each bound comparison word against the numbers bound in its sentence (``bounds``)."""
    for position, line, word, expression, value in comparisons:
        start, end = next((s, e) for s, e in bounds if s <= position < e)
        shown = [code for at, code in numbers if start <= at < end]
        problem = comparison_problem(word, expression, value, language, shown)
        report.comparisons += problem is None
        report.problems += [(line, problem)] if problem else []


def _check_unit(
    prose: str, end: int, written: str, traced: str, *, line: int, report: Report
) -> None:
    """Check the unit word after a bound number (``0.5{= H} bits``) against its trace."""
    word = UNIT_WORD.match(prose, end)
    if word is None or not written:
        return
    claimed = UNITS[word["word"]]
    if traced == claimed:
        report.units += 1
    elif traced in (PLAIN, UNKNOWN):
        message = (
            f"{written} is marked {word['word']}, but its unit cannot be traced "
            f"({'a plain number' if traced == PLAIN else 'unknown'}): bind it to the xent call "
            "(with its base=) or the logarithm that computes it"
        )
        report.problems.append((line, message))
    else:
        message = f"{written} is marked {word['word']}, but it is computed in {traced}"
        report.problems.append((line, message))


def _opens_answer(prose: str, start: int) -> bool:
    """Whether the number starting at ``start`` is the one of an answer box."""
    return any(m.end() == start for m in ANSWER_OPENING.finditer(prose, max(0, start - 20), start))


def _check_answers(scanned: Page, answer_starts: list[int], report: Report) -> None:
    """Report each answer box that does not hold exactly one bound number."""
    for opening in ANSWER_OPENING.finditer(scanned.prose):
        if opening.end() not in answer_starts:
            message = "an answer box needs one number bound to its value: {answer 1.75{= H} bits}"
            report.problems.append((scanned.line_of(opening.start()), message))
    for value, start in zip(report.answers, answer_starts, strict=True):
        if math.isnan(value):
            message = "an answer box's binding must give one number"
            report.problems.append((scanned.line_of(start), message))
    shown = strip_bindings(scanned.source)  # as the build writes the boxes (lines unchanged)
    for opening in ANSWER_OPENING.finditer(shown):
        if ANSWER.match(shown, opening.start()) is None:
            message = "an answer box's unit and hint may not hold braces or math ({...}, $...$)"
            report.problems.append((shown.count("\n", 0, opening.start()) + 1, message))


def _check_explorers(page: Page, report: Report) -> None:
    """Without JavaScript an explorer shows its static figure: not one the page shows already.

    An explorer without a static figure points the reader at the figure above it.
    """
    figures = [b.code.strip().split("\n")[0].strip() for b in page.code if b.language == "figure"]
    seen_figure = False
    for block in page.code:
        seen_figure = seen_figure or block.language == "figure"
        name = block.code.strip().split("\n")[0].strip()
        if block.language != "explorer" or name not in EXPLORERS:
            continue
        static = EXPLORERS[name].static_figure
        if static in figures:
            message = f"explorer {name} stands in with the figure {static}, shown above already"
            report.problems.append((block.line, message))
        if static is None and not seen_figure:
            message = f"explorer {name} has no static figure, and no figure comes before it"
            report.problems.append((block.line, message))


def _check_math(page: Page, language: str, formulas: Mapping[str, str], report: Report) -> None:
    """Check the page's formulas, and those of its explorers in its language."""
    known = {" ".join(tex.split()) for tex in formulas.values()}
    shown = [(formula.line, formula.tex, "formula") for formula in page.math]
    for block in page.code:
        name = block.code.strip().split("\n")[0].strip()
        if block.language == "explorer" and name in EXPLORERS:
            found = explorer_tex(name, language)
            shown += [(block.line, formula, f"explorer {name}'s formula") for formula in found]
    for line, formula, what in shown:
        tex = " ".join(formula.split())
        if tex in known:
            report.formulas += 1
        elif not re.search(r"\d", tex) and not _SIGNS.search(tex):
            report.notation += 1
        else:
            message = f"{what} is neither a registered formula nor notation: {tex}"
            report.problems.append((line, message))


def verify_page(
    source: str,
    page: str,
    *,
    formulas: Mapping[str, str] | None = None,
    cache_dir: Path | None = CACHE_DIR,
) -> Report:
    r"""Verify one Markdown page.

    Parameters
    ----------
    source : str
        The page's Markdown.
    page : str
        Its path relative to ``docs/``, used in messages.
    formulas : mapping of str to str, optional
        Registered formulas by name: the TeX a page's formula must match to count as checked.
    cache_dir : pathlib.Path or None
        Where to cache execution results on disk; None keeps them in memory only.

    Returns
    -------
    Report
        Counts and problems; the page is verified when ``report.errors()`` is empty.

    Examples
    --------
    >>> text = "Half a bit: 0.5{= entropy([0.5, 0.5], base='bits') / 2}, not 0.6{= 0.5}."
    >>> verify_page(text, "demo.md", cache_dir=None).errors()
    ['demo.md:1: 0.6 is written, but the build computes 0.5']
    """
    scanned = scan(source)
    report = Report(page)
    prose = scanned.prose
    language = language_of(page)
    events = _events(scanned, report)
    results = _cached_execute([(kind, text, line) for _, kind, text, line in events], cache_dir)
    accounted = [False] * len(prose)
    answer_starts: list[int] = []
    units = Units()
    bindings: list[tuple[int, int]] = []
    numbers: list[tuple[int, str]] = []  # the position and expression of each bound number
    comparisons: list[tuple[int, int, str, str, list[float]]] = []
    for (position, kind, code, line), result in zip(events, results, strict=True):
        if kind != _BINDING_EVENT:
            units.read(kind, code)
            count, problems = result
            report.examples += count
            report.problems += [(number, message) for number, message in problems]
            report.blocks += 1
            report.formulas += KINDS[kind].formula
            block = CodeBlock(kind, "", code, line)
            report.problems += KINDS[kind].check(block, language_of(page))
        else:
            start, written = _bound_text(prose, position)
            binding_end = prose.index("}", position) + 1
            bindings.append((position, binding_end))
            accounted[start:binding_end] = [True] * (binding_end - start)
            word = None if written else word_before(prose, position, language)
            if isinstance(result, str):
                report.problems.append((line, result))
            elif word is not None:
                comparisons.append((position, line, word[2], code, result))
            else:
                numbers.append((position, code))
                _check_binding(written, result, line, report)
                _check_unit(
                    prose, binding_end, written, units.unit_of(code), line=line, report=report
                )
                if _opens_answer(prose, start):
                    answer_starts.append(start)
                    report.answers.append(result[0] if len(result) == 1 else math.nan)
    bounds = sentences(prose)
    _check_comparisons(bounds, language, numbers, comparisons, report)
    for at, _, said in unbound_comparisons(prose, bounds, bindings, language):
        message = (
            f"{said!r} compares bound numbers: bind it to the comparison it states, in the "
            f"sentence's order: {said}{{= a {COMPARISON_WORDS[language][said]} b}}"
        )
        report.problems.append((scanned.line_of(at), message))
    _check_answers(scanned, answer_starts, report)
    _check_free_digits(scanned, accounted, report)
    _check_inline_code(scanned, report)
    _check_math(scanned, language_of(page), formulas or {}, report)
    _check_explorers(scanned, report)
    return report


def _events(scanned: Page, report: Report) -> list[tuple[int, str, str, int]]:
    """Return the code blocks and bindings in document order: (position, kind, text, line).

    Blocks that are not run are counted as unverified here (and may not hold digits).
    """
    events: list[tuple[int, str, str, int]] = []
    offsets = [0, *(m.end() for m in re.finditer("\n", scanned.source))]
    for block in scanned.code:
        if block.language in KINDS and "unverified" not in block.info:
            events.append((offsets[block.line - 1], block.language, block.code, block.line))
        else:
            report.unverified += 1
            if re.search(r"\d", block.code):
                report.problems.append((block.line, "unverified code block contains digits"))
    for binding in BINDING.finditer(scanned.prose):
        line = scanned.line_of(binding.start())
        events.append((binding.start(), _BINDING_EVENT, binding["expr"], line))
    return sorted(events)


def _check_free_digits(scanned: Page, accounted: list[bool], report: Report) -> None:
    """Report every digit of the prose that no binding accounts for (link targets aside)."""
    prose = scanned.prose
    for link in LINK_TARGET.finditer(prose):
        accounted[link.start() : link.end()] = [True] * (link.end() - link.start())
    for digit in re.finditer(r"\d", prose):
        if accounted[digit.start()]:
            continue
        token = NUMBER.search(prose, max(0, digit.start() - 20))
        inside = token is not None and token.start() <= digit.start() < token.end()
        shown = token.group(0) if token is not None and inside else digit.group(0)
        line = scanned.line_of(digit.start())
        report.problems.append((line, f"{shown} is not accounted for: bind it with {{= ...}}"))
        accounted[digit.start() : digit.start() + len(shown)] = [True] * len(shown)


def _check_inline_code(scanned: Page, report: Report) -> None:
    """Report inline code that holds a digit: nothing runs it, so a changed digit would pass."""
    for position, code in scanned.inline_code:
        if re.search(r"\d", code):
            message = (
                f"inline code `{code}` holds a digit that nothing verifies: show it in a code "
                "block that runs, bind the number in prose, or reword"
            )
            report.problems.append((scanned.line_of(position), message))


def strip_bindings(markdown: str) -> str:
    """Remove the ``{= ...}`` bindings, leaving the written numbers for the reader.

    Examples
    --------
    >>> strip_bindings("about 0.36{= kl_divergence(P, Q)} nats")
    'about 0.36 nats'
    """
    return BINDING.sub("", markdown)
