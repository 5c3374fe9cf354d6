"""The kinds of fenced block the verifier runs, each with its handlers, in one table: `KINDS`.

============  ===========================================  ====================================
kind          run when the page is verified                on the rendered page
============  ===========================================  ====================================
pycon         a doctest: each example prints what it shows  as written
python        runs, and may print nothing                   as written
derivation    the named ``xent.symbolic`` derivation        an ``align*`` block, its rules in
              verifies                                      the page's language
figure        the named figure exists; its caption holds    the figure, drawn from ``xent`` as
              no digit                                      inline SVG
explorer      the named explorer exists; its caption       the explorer (``docsite.explorers``)
              holds no digit                                over its static figure
============  ===========================================  ====================================

Each kind's ``run`` is called in page order with the page's namespace; its outcome (examples
run, problems) is cached with the page's other results, so it must depend only on the code.
``check`` looks at the block in the page's language (the shown precision of a pycon block,
the Chinese text of a derivation's rules) and ``expand`` turns the block into what the reader
sees. Any other block (``sh``, ``text``, ``python unverified``) is not run.
"""

from __future__ import annotations

import contextlib
import doctest
import io
import re
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from docsite.cache import CACHE_DIR, cached, source_hash
from docsite.derivations_zh import in_language, untranslated_rules
from docsite.editions import DEFAULT_LANGUAGE
from docsite.explorers import EXPLORERS, explorer_html
from docsite.figures import FIGURES, figure_html
from docsite.output_checker import DECIMAL, ContractChecker, significant_digits

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from docsite.markdown_scan import CodeBlock

__all__ = [
    "KINDS",
    "MAX_SHOWN_DIGITS",
    "BlockKind",
    "derivation_latex",
    "expand_blocks",
    "verified_derivation",
]

#: A problem: the line of the page, and what is wrong.
Problem = tuple[int, str]
#: The number of examples a block ran, and its problems.
Outcome = tuple[int, list[Problem]]

#: The most significant digits an example's shown output may have. Results are accurate to
#: a few ulp (about 15 digits) on every CPU; twelve leave room for the rounding of the
#: shown digits to come out the same on each, so a reader sees what the page shows.
MAX_SHOWN_DIGITS = 12


@dataclass(frozen=True)
class BlockKind:
    """What the build does with one kind of fenced block."""

    #: Run the block in the page's namespace, in page order (cached with the page's code).
    run: Callable[[CodeBlock, dict[str, Any]], Outcome]
    #: Check the block in the page's language (``language``): problems besides running it.
    check: Callable[[CodeBlock, str], list[Problem]] = lambda _block, _language: []
    #: The lines that replace the block's body on the page, in its language; None: as written.
    expand: Callable[[str, str], list[str]] | None = None
    #: Whether the block shows a formula (a derivation is one, verified).
    formula: bool = False


class _Runner(doctest.DocTestRunner):
    """A doctest runner that records each failure with its line on the page."""

    def __init__(self, first_line: int) -> None:
        super().__init__(checker=ContractChecker(), optionflags=0, verbose=False)
        self.first_line = first_line
        self.failures_seen: list[Problem] = []

    def _record(self, example: doctest.Example, message: str) -> None:
        source = example.source.strip()
        self.failures_seen.append((self.first_line + example.lineno, f">>> {source}\n{message}"))

    def report_failure(
        self, out: Any, test: doctest.DocTest, example: doctest.Example, got: str
    ) -> None:
        """Record an example whose output differs from what the page shows."""
        del out, test
        self._record(example, f"the page shows:\n{example.want}the build prints:\n{got}")

    def report_unexpected_exception(
        self, out: Any, test: doctest.DocTest, example: doctest.Example, exc_info: Any
    ) -> None:
        """Record an example that raised where the page shows no traceback."""
        del out, test
        error = exc_info[1]
        self._record(example, f"raised {type(error).__name__}: {error}")


def _run_pycon(block: CodeBlock, namespace: dict[str, Any]) -> Outcome:
    examples = doctest.DocTestParser().get_examples(block.code)
    runner = _Runner(block.line)
    test = doctest.DocTest(examples, namespace, "page", None, 0, None)
    runner.run(test, out=lambda _: None, clear_globs=False)
    namespace.update(test.globs)  # DocTest works on a copy; later blocks and prose see its names
    return len(examples), runner.failures_seen


def _shown_precision(block: CodeBlock, _language: str) -> list[Problem]:
    """Report each number in a pycon block's shown output with too many significant digits."""
    problems = []
    for example in doctest.DocTestParser().get_examples(block.code):
        for number in DECIMAL.findall(example.want):
            if significant_digits(number) > MAX_SHOWN_DIGITS:
                line = block.line + example.lineno + 1
                message = (
                    f"{number} shows {significant_digits(number)} significant digits; the last "
                    f"ones depend on the CPU: print at most {MAX_SHOWN_DIGITS} (round or format)"
                )
                problems.append((line, message))
    return problems


def _run_python(block: CodeBlock, namespace: dict[str, Any]) -> Outcome:
    printed = io.StringIO()
    try:
        with contextlib.redirect_stdout(printed):
            exec(compile(block.code, f"page:{block.line}", "exec"), namespace)  # noqa: S102
    except Exception as error:  # noqa: BLE001 (any error in a page's code is the page's problem)
        return 0, [(block.line, f"python block raised {type(error).__name__}: {error}")]
    if printed.getvalue():
        message = "python block prints output that the page does not show; use pycon"
        return 0, [(block.line, message)]
    return 0, []


def verified_derivation(name: str, *, directory: Path | None = CACHE_DIR) -> str | None:
    """Verify the ``xent.symbolic`` derivation ``name`` once per version of ``xent``.

    Returns None when it verifies, else the reason it does not (its ``DerivationError``, or
    that no derivation has that name).

    Examples
    --------
    >>> verified_derivation("gibbs_inequality", directory=None) is None
    True
    >>> verified_derivation("gibbs_equality", directory=None)[:39]
    "no derivation named 'gibbs_equality'; k"
    """

    def check() -> str | None:
        from xent.symbolic import derivations  # noqa: PLC0415 (SymPy only when needed)

        known = derivations()
        if name not in known:
            return f"no derivation named {name!r}; known: {', '.join(known)}"
        try:
            known[name].verify()
        except ValueError as error:
            return f"derivation {name} does not verify: {error}"
        return None

    result: str | None = cached("derivations", [name, source_hash()], check, directory=directory)
    return result


def _run_derivation(block: CodeBlock, _namespace: dict[str, Any]) -> Outcome:
    problem = verified_derivation(block.code.strip())
    return 0, [] if problem is None else [(block.line, problem)]


def _rules_in_language(block: CodeBlock, language: str) -> list[Problem]:
    """Report each rule of a verified derivation that has no text in the page's language."""
    name = block.code.strip()
    if language == DEFAULT_LANGUAGE or verified_derivation(name) is not None:
        return []
    return [
        (block.line, f"no Chinese text for the rule {rule!r} (docsite/derivations_zh.py)")
        for rule in untranslated_rules(name)
    ]


def derivation_latex(name: str, language: str, *, directory: Path | None = CACHE_DIR) -> str:
    """Return the derivation ``name`` as an ``align*`` block, its rules in ``language``.

    Drawn once per version of the code (kept in ``directory``; None: always drawn).
    """

    def draw() -> str:
        from xent.symbolic import derivations  # noqa: PLC0415 (SymPy only when needed)

        return in_language(derivations()[name], language).latex(rules="below")

    key = [name, language, source_hash(Path(__file__), Path(__file__).parent / "derivations_zh.py")]
    result: str = cached("derivation-latex", key, draw, directory=directory)
    return result


def _expand_derivation(body: str, language: str) -> list[str]:
    return ["$$", *derivation_latex(body.strip(), language).splitlines(), "$$"]


def _named_with_caption(kind: str, known: Mapping[str, object]) -> Callable[..., Outcome]:
    """Check a block that names one of ``known`` and gives its caption, which holds no digit."""

    def run(block: CodeBlock, _namespace: dict[str, Any]) -> Outcome:
        name, _, caption = (part.strip() for part in block.code.strip().partition("\n"))
        if name not in known:
            return 0, [(block.line, f"no {kind} named {name!r}; known: {', '.join(known)}")]
        if not caption:
            return 0, [(block.line, f"{kind} {name} needs a caption on the lines after its name")]
        if re.search(r"\d", caption):
            message = f"a {kind} caption may not contain digits (nothing checks them)"
            return 0, [(block.line, message)]
        return 0, []

    return run


def _expand_with(html: Callable[[str, str, str], str]) -> Callable[[str, str], list[str]]:
    def expand(body: str, language: str) -> list[str]:
        name, *caption = [line.strip() for line in body.strip().splitlines()]
        return html(name, " ".join(caption), language).splitlines()

    return expand


#: Every kind of block the verifier runs, by the language of its fence.
KINDS: Mapping[str, BlockKind] = MappingProxyType(
    {
        "pycon": BlockKind(run=_run_pycon, check=_shown_precision),
        "python": BlockKind(run=_run_python),
        "derivation": BlockKind(
            run=_run_derivation, check=_rules_in_language, expand=_expand_derivation, formula=True
        ),
        "figure": BlockKind(
            run=_named_with_caption("figure", FIGURES), expand=_expand_with(figure_html)
        ),
        "explorer": BlockKind(
            run=_named_with_caption("explorer", EXPLORERS), expand=_expand_with(explorer_html)
        ),
    }
)

_EXPANDED = re.compile(
    rf"^(?P<indent>[ \t]*)```(?P<kind>{'|'.join(k for k, v in KINDS.items() if v.expand)})[ \t]*\n"
    r"(?P<body>.*?)^[ \t]*```[ \t]*$",
    re.MULTILINE | re.DOTALL,
)


def expand_blocks(markdown: str, language: str = DEFAULT_LANGUAGE) -> str:
    r"""Replace each block of a kind that has an ``expand`` handler by what it expands to.

    ``language`` is the page's: it chooses the words of a derivation's rules and of a figure's
    labels. The verifier has already checked each block (the derivation exists and verifies,
    the figure exists and its caption holds no digit).

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
        handler = KINDS[match["kind"]].expand
        assert handler is not None  # noqa: S101 (the pattern matches only such kinds)
        return "\n".join(match["indent"] + line for line in handler(match["body"], language))

    return _EXPANDED.sub(expand, markdown)
