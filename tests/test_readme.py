"""The README's examples are doctests: each ```pycon block runs and must print what it shows.

Outputs are compared by `docsite.output_checker.ContractChecker` (decimal numbers to within the
accuracy contract), so the README passes on every CPU.
"""

import doctest
import re
from pathlib import Path

import pytest

from docsite.output_checker import ContractChecker

README = Path(__file__).parent.parent / "README.md"
PYCON_BLOCK = re.compile(r"^```pycon\n(.*?)^```$", re.DOTALL | re.MULTILINE)


def pycon_blocks() -> list[tuple[int, str]]:
    """Each block's text with the README line number its first line sits on."""
    text = README.read_text(encoding="utf-8")
    return [(text.count("\n", 0, m.start(1)), m.group(1)) for m in PYCON_BLOCK.finditer(text)]


def test_readme_has_examples() -> None:
    assert pycon_blocks()


@pytest.mark.parametrize(("line", "block"), pycon_blocks())
def test_readme_example_prints_what_it_shows(line: int, block: str) -> None:
    test = doctest.DocTestParser().get_doctest(block, {}, "README.md", str(README), line)
    runner = doctest.DocTestRunner(
        checker=ContractChecker(), optionflags=doctest.NORMALIZE_WHITESPACE
    )
    report: list[str] = []
    summary = runner.run(test, out=report.append)
    assert summary.attempted > 0
    assert summary.failed == 0, "".join(report)
