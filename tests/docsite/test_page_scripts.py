"""Every page's code runs where a reader pastes it: a fresh interpreter, the page's imports only.

The page's ``python`` blocks and the statements of its ``pycon`` examples are concatenated in
page order into one script, which runs in a new, isolated Python process (``python -I``, in an
empty directory). An example that shows a traceback must raise the exception it shows. This is
what the verifier cannot prove from inside the build's own process, where modules are already
imported and one page could leave state behind for the next.
"""

from __future__ import annotations

import doctest
import functools
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from docsite.markdown_scan import scan

DOCS = Path(__file__).parents[2] / "docs"
PAGES = sorted(path.relative_to(DOCS).as_posix() for path in DOCS.rglob("*.md"))
_RAISED = re.compile(r"^(?P<name>[A-Za-z_][\w.]*)(?::|$)", re.MULTILINE)


def _statement(example: doctest.Example, line: int) -> str:
    """The example's source; wrapped so that it must raise what it shows, if it shows a raise."""
    if example.exc_msg is None:
        return example.source
    raised = [m["name"] for m in _RAISED.finditer(example.want) if m["name"] != "Traceback"]
    name = raised[-1].rsplit(".", 1)[-1]
    return (
        "try:\n"
        + textwrap.indent(example.source, "    ")
        + "except Exception as error:\n"
        + f"    if type(error).__name__ != {name!r}:\n        raise\n"
        + f"else:\n    raise AssertionError('line {line} shows {name}, but nothing was raised')\n"
    )


def page_script(source: str) -> str:
    """The page's runnable code, in page order, as one script."""
    parts = []
    for block in scan(source).code:
        if "unverified" in block.info:
            continue
        if block.language == "python":
            parts.append(block.code)
        elif block.language == "pycon":
            examples = doctest.DocTestParser().get_examples(block.code)
            parts += [_statement(example, block.line + example.lineno) for example in examples]
    return "\n".join(parts)


@functools.cache
def run_fresh(script: str, directory: Path) -> subprocess.CompletedProcess[str]:
    """Run ``script`` in a new isolated interpreter (each distinct script once)."""
    return subprocess.run(  # noqa: S603 (our own interpreter, our own pages)
        [sys.executable, "-I", "-c", script],
        cwd=directory,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def test_a_page_that_uses_a_name_it_never_imports_fails(tmp_path: Path) -> None:
    page = "```pycon\n>>> sqrt(2.0) > 1\nTrue\n```\n"
    assert "NameError: name 'sqrt'" in run_fresh(page_script(page), tmp_path).stderr


def test_an_example_showing_an_error_must_raise_it(tmp_path: Path) -> None:
    page = "```pycon\n>>> int('7')\nTraceback (most recent call last):\nValueError: no\n```\n"
    assert (
        "shows ValueError, but nothing was raised" in run_fresh(page_script(page), tmp_path).stderr
    )


@pytest.mark.parametrize("page", PAGES)
def test_page_code_runs_in_a_fresh_interpreter(
    page: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    script = page_script((DOCS / page).read_text("utf-8"))
    result = run_fresh(script, tmp_path_factory.getbasetemp())
    assert result.returncode == 0, f"{page}: its code, pasted in order, fails:\n{result.stderr}"
