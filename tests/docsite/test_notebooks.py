"""Every page as a notebook: valid, runnable from top to bottom, printing what the page shows."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient

from docsite.editions import language_of
from docsite.notebooks import download_link, notebook_name, page_notebook
from docsite.output_checker import ContractChecker

DOCS = Path(__file__).parents[2] / "docs"
PAGES = sorted(path.relative_to(DOCS).as_posix() for path in DOCS.glob("*.md"))


def _printed(outputs: list[Any]) -> str:
    """What a cell's outputs show, as a doctest would see it."""
    parts = []
    for output in outputs:
        if output["output_type"] == "stream":
            parts.append(output["text"])
        elif output["output_type"] in {"execute_result", "display_data"}:
            parts.append(output["data"]["text/plain"] + "\n")
        elif output["output_type"] == "error":
            parts.append(f"{output['ename']}: {output['evalue']}\n")
    return "".join(parts)


def _shown_error(shows: str) -> str:
    """The exception line of a traceback the page shows, without the module of the exception."""
    last = shows.strip().splitlines()[-1]
    name, _, message = last.partition(": ")
    return f"{name.rsplit('.', 1)[-1]}: {message}\n"


@pytest.fixture(scope="module")
def kernel_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("notebooks")


@pytest.mark.parametrize("page", PAGES)
def test_every_page_notebook_runs_and_prints_what_the_page_shows(
    page: str, kernel_dir: Path
) -> None:
    source = (DOCS / page).read_text("utf-8")
    notebook = nbformat.from_dict(page_notebook(source, page, language_of(page)))  # type: ignore[no-untyped-call]
    nbformat.validate(notebook)
    cells = [cell for cell in notebook.cells if "xent" in cell.metadata]
    if any(cell.metadata["xent"]["shows"] for cell in cells):
        assert any(cell.outputs for cell in cells), "the page's outputs are not pre-filled"
    NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(kernel_dir)}},
    ).execute()
    checker = ContractChecker()
    mismatches = []
    for cell in cells:
        shows = cell.metadata["xent"]["shows"]
        got = _printed(cell.outputs)
        if shows.startswith("Traceback"):
            agrees = got == _shown_error(shows)
        else:
            agrees = checker.check_output(shows, got, 0)
        if not agrees:
            mismatches.append(f"{cell.source}\nthe page shows:\n{shows}the notebook prints:\n{got}")
    assert not mismatches, f"{page}:\n" + "\n".join(mismatches)


def test_a_changed_output_is_caught() -> None:
    source = "# Two\n\n```pycon\n>>> 1 + 1\n2\n```\n"
    cell = page_notebook(source, "two.md", "en")["cells"][-1]
    checker = ContractChecker()
    assert checker.check_output(cell["metadata"]["xent"]["shows"], "2\n", 0)
    assert not checker.check_output(cell["metadata"]["xent"]["shows"], "3\n", 0)


def test_an_exercise_becomes_a_titled_section_without_its_indent() -> None:
    source = (
        '# T\n\n!!! exercise "Compute: a bit"\n\n    How many bits? {answer 1 bits}\n\n'
        "    ??? solution\n\n        One, as the code shows:\n\n"
        "        ```pycon\n        >>> 1\n        1\n        ```\n"
    )
    cells = page_notebook(source, "t.md", "en")["cells"]
    prose = cells[2]["source"]
    assert "**Exercise 1 · Compute: a bit**" in prose
    assert "How many bits? *Your answer (bits): check it against the solution below.*" in prose
    assert "**Solution**\n\nOne, as the code shows:" in prose
    assert cells[3]["source"] == "1"


@pytest.mark.parametrize(
    ("url", "page", "language", "href"),
    [
        ("", "index.md", "en", "notebooks/index.ipynb"),
        ("entropy/", "entropy.md", "en", "../notebooks/entropy.ipynb"),
        ("zh/", "index.zh.md", "zh", "notebooks/index.ipynb"),
        ("zh/entropy/", "entropy.zh.md", "zh", "../notebooks/entropy.ipynb"),
    ],
)
def test_the_download_link_points_at_the_editions_notebook(
    url: str, page: str, language: str, href: str
) -> None:
    assert f'href="{href}"' in download_link(url, page, language)
    assert notebook_name(page) == href.rsplit("/", 1)[-1]


_FENCED = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)


@pytest.mark.parametrize("page", PAGES)
def test_no_text_of_a_notebook_is_left_indented_as_code(page: str) -> None:
    source = (DOCS / page).read_text("utf-8")
    cells = page_notebook(source, page, language_of(page))["cells"]
    for cell in cells:
        if cell["cell_type"] == "markdown":
            text = _FENCED.sub("", cell["source"])
            indented = re.findall(r"^ {4,}\S.*$", text, flags=re.MULTILINE)
            assert not indented, f"{page}: {indented[:3]}"
