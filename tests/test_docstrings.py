"""Every docstring example in ``xent/`` and ``docsite/`` prints what it shows.

The examples are doctests compared by `docsite.output_checker.ContractChecker`: text exactly,
decimal numbers to within the accuracy contract, so they pass on every CPU NumPy dispatches
for (AVX-512, AVX2, the SSE baseline; `scripts/test` runs them under an emulated one too).
"""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest

from docsite.output_checker import ContractChecker

ROOT = Path(__file__).parent.parent
PACKAGES = ("xent", "docsite")


def module_names() -> list[str]:
    """The dotted names of every module of the packages, sorted."""
    names = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return sorted(names)


def docstring_tests() -> list[doctest.DocTest]:
    """Every docstring of those modules that holds examples."""
    finder = doctest.DocTestFinder()
    tests = []
    for name in module_names():
        module = importlib.import_module(name)
        tests += [test for test in finder.find(module, name) if test.examples]
    return sorted(tests, key=lambda test: test.name)


TESTS = docstring_tests()


def test_the_public_functions_have_examples() -> None:
    names = {test.name for test in TESTS}
    assert {"xent.numeric._entropy.entropy", "xent.numeric._divergence.js_divergence"} <= names


@pytest.mark.parametrize("test", TESTS, ids=[test.name for test in TESTS])
def test_docstring_example_prints_what_it_shows(test: doctest.DocTest) -> None:
    runner = doctest.DocTestRunner(
        checker=ContractChecker(), optionflags=doctest.NORMALIZE_WHITESPACE
    )
    report: list[str] = []
    summary = runner.run(test, out=report.append, clear_globs=True)
    assert summary.failed == 0, "".join(report)
