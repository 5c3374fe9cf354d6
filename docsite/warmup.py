"""The build's SymPy work, done by a second process while MkDocs builds the pages.

`mkdocs build` and `mkdocs serve` start ``python -m docsite.warmup`` (in the hooks'
``on_startup``). It fills the disk cache with what only SymPy can compute (the registered
formulas' TeX, every derivation checked and rendered in both languages, every formula
checked) and with the Chinese edition's figures, in the order the build needs them, while
the build process runs the pages' code, draws the English figures and renders the math: on
two cores, the two halves overlap. The build
waits for an entry it needs (`docsite.cache.cached`) and computes whatever the warm-up
left out itself, so the results are the same with or without it.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
from pathlib import Path

from docsite.blocks import derivation_latex, verified_derivation
from docsite.cache import CACHE_DIR, ROOT, filled_by
from docsite.derivations_zh import untranslated_rules
from docsite.editions import LANGUAGES, TRANSLATIONS
from docsite.figures import FIGURES, svg
from docsite.formulas import formula_tex, formulas

__all__ = ["KINDS", "start", "warm"]

#: The kinds of cache entries the warm-up computes.
KINDS = (
    "formula-tex",
    "derivations",
    "untranslated",
    "derivation-latex",
    *(f"figures-{language}" for language in TRANSLATIONS),
    "formulas",
)


def warm(directory: Path) -> None:
    """Compute every entry of `KINDS` into ``directory``."""
    formula_tex(directory)
    from xent.symbolic import derivations  # noqa: PLC0415 (SymPy only in the warm-up)

    for name in derivations():
        verified_derivation(name, directory=directory)
        untranslated_rules(name, directory=directory)
        for language in LANGUAGES:
            with contextlib.suppress(KeyError):  # an untranslated rule: the page reports it
                derivation_latex(name, language, directory=directory)
    for language in TRANSLATIONS:  # the build draws the default edition's figures itself
        for figure in FIGURES:
            svg(figure, language, directory=directory)
    formulas(directory)  # the build needs the verdict only at its end


def start(directory: Path = CACHE_DIR) -> subprocess.Popen[bytes]:
    """Start the warm-up process and announce it to the cache."""
    process = subprocess.Popen(  # noqa: S603 (this interpreter, this package)
        [sys.executable, "-m", "docsite.warmup", str(directory)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,  # a failure shows when the build computes the entry itself
    )
    filled_by(process, KINDS)
    return process


if __name__ == "__main__":
    warm(Path(sys.argv[1]))
