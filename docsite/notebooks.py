r"""Every page as a Jupyter notebook, made from the page's own source when the site is built.

The page's prose becomes Markdown cells (bindings stripped, exercises numbered, links pointing
at the site); its ``python`` blocks become code cells, and each example of a ``pycon`` block
becomes a code cell of its own whose output is the one the page shows (verified by the build),
so the notebook reads like the page before it is run. A derivation becomes its ``align*``
formula; a figure or an explorer becomes its SVG, attached to the cell. Each code cell that
comes from an example keeps the output the page shows in its metadata (``xent.shows``): the
test suite runs every notebook and compares what each cell prints with it.

The build writes ``notebooks/<page>.ipynb`` into each edition of the site (`write_notebooks`)
and puts a download link at the top of the page (`download_link`).
"""

from __future__ import annotations

import ast
import doctest
import json
import posixpath
import re
from typing import TYPE_CHECKING, Any

from docsite.blocks import derivation_latex
from docsite.editions import DEFAULT_LANGUAGE
from docsite.exercises import ANSWER, exercise_admonitions
from docsite.explorers import EXPLORERS
from docsite.figures import svg
from docsite.markdown_scan import scan
from docsite.verify import strip_bindings

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["download_link", "notebook_name", "page_notebook", "write_notebooks"]

#: The address the site is published at, for links out of a notebook.
SITE_URL = "https://xent.readthedocs.io/"

_ADMONITION = re.compile(
    r"^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?)[ \t]+(?P<kinds>[\w -]+?)"
    r'(?:[ \t]+"(?P<title>[^"]*)")?[ \t]*$'
)
_HEADING_ID = re.compile(r"[ \t]*\{[ \t]*#[\w-]+[ \t]*\}[ \t]*$")
_API_ENTRY = re.compile(r"^:::[ \t]+(?P<name>[\w.]+)[ \t]*$")
_PAGE_LINK = re.compile(r"\]\((?P<page>[\w-]+)\.md(?P<anchor>#[\w-]+)?\)")

#: The first code cell: results printed as Python's own prompt prints them (``repr``), as on
#: the page, not by IPython's pretty printer (which writes ``float`` for ``<class 'float'>``).
PLAIN_REPR = "%config PlainTextFormatter.pprint = False"

#: The words of a notebook, in each language of the site.
WORDS = {
    "en": {
        "intro": "This notebook is the page [{title}]({url}) of the xent site, as code you can "
        "run. The outputs shown are the page's, verified when the site was built; the first cell "
        "makes Jupyter print results as Python's prompt does, as the page shows them.",
        "answer": "*Your answer{unit}: check it against the solution below.*",
        "explorer": "*The interactive version of this figure is on [the page]({url}).*",
        "download": "Download this page as a Jupyter notebook",
    },
    "zh": {
        "intro": "本笔记本就是 xent 网站的[{title}]({url})一页，写成了可以运行的代码。"
        "其中显示的输出与网页相同，在构建网站时已经验证；"
        "第一个单元让 Jupyter 像 Python 提示符那样打印结果，与网页上显示的一致。",
        "answer": "*你的答案{unit}：请与下面的解答对照。*",
        "explorer": "*这幅图的交互版本在[网页]({url})上。*",
        "download": "下载本页的 Jupyter 笔记本",
    },
}


def notebook_name(page: str) -> str:
    """Return the file name of a page's notebook (``entropy.zh.md``: ``entropy.ipynb``)."""
    return page.split(".", maxsplit=1)[0] + ".ipynb"


def _page_url(page: str, language: str) -> str:
    name = page.split(".", maxsplit=1)[0]
    prefix = "" if language == DEFAULT_LANGUAGE else f"{language}/"
    return SITE_URL + prefix + ("" if name == "index" else f"{name}/")


def _markdown_cell(lines: list[str], attachments: dict[str, Any] | None = None) -> dict[str, Any]:
    cell: dict[str, Any] = {"cell_type": "markdown", "metadata": {}, "source": "\n".join(lines)}
    if attachments:
        cell["attachments"] = attachments
    return cell


def _code_cell(source: str, shows: str | None) -> dict[str, Any]:
    cell: dict[str, Any] = {
        "cell_type": "code",
        "execution_count": None,
        "metadata": {},
        "outputs": [],
        "source": source.rstrip("\n"),
    }
    if shows is not None:
        cell["metadata"]["xent"] = {"shows": shows}
        if shows.startswith("Traceback (most recent call last)"):
            cell["metadata"]["tags"] = ["raises-exception"]
        elif shows:
            cell["outputs"] = [_shown_output(source, shows)]
    return cell


def _shown_output(source: str, shows: str) -> dict[str, Any]:
    """Return the output the page shows as Jupyter records it: a result or printed text."""
    try:
        statements = ast.parse(source).body
    except SyntaxError:
        statements = []
    last = statements[-1] if statements else None
    printed = not isinstance(last, ast.Expr) or (
        isinstance(last.value, ast.Call)
        and isinstance(last.value.func, ast.Name)
        and last.value.func.id == "print"
    )
    if printed:
        return {"name": "stdout", "output_type": "stream", "text": shows}
    return {
        "data": {"text/plain": shows.rstrip("\n")},
        "execution_count": None,
        "metadata": {},
        "output_type": "execute_result",
    }


def _admonition_depths(lines: list[str]) -> list[int]:
    """How many admonitions each line of a page is inside (their bodies are indented by four)."""
    depths, depth = [], 0
    for line in lines:
        if line.strip():
            depth = min(depth, (len(line) - len(line.lstrip(" "))) // 4)
        depths.append(depth)
        if admonition := _ADMONITION.match(line):
            depth = len(admonition["indent"]) // 4 + 1
    return depths


def _prose(lines: list[str], depths: list[int], language: str) -> list[str]:
    """Markdown for a notebook: admonition titles in bold, their bodies out of their indent."""
    words = WORDS[language]
    out: list[str] = []
    for line, depth in zip(lines, depths, strict=True):
        if entry := _API_ENTRY.match(line):  # a docstring the API page shows (mkdocstrings)
            out += ["```python", f"help({entry['name']})", "```"]
            continue
        if admonition := _ADMONITION.match(line):
            title = admonition["title"] or admonition["kinds"].split()[0].capitalize()
            out.append(f"**{title}**")
            continue
        text = line[4 * depth :] if line.startswith(" " * (4 * depth)) else line.lstrip(" ")
        text = _HEADING_ID.sub("", text) if text.startswith("#") else text
        text = _PAGE_LINK.sub(
            lambda m: f"]({_page_url(m['page'], language)}{m['anchor'] or ''})", text
        )
        text = ANSWER.sub(lambda m: words["answer"].format(unit=_in_unit(m["unit"])), text)
        out.append(text)
    while out and not out[-1].strip():
        out.pop()
    while out and not out[0].strip():
        out.pop(0)
    return out


def _in_unit(unit: str) -> str:
    return f" ({unit.strip()})" if unit.strip() else ""


def _figure_cell(name: str, caption: str, language: str, page_url: str) -> dict[str, Any]:
    explorer = EXPLORERS.get(name)
    figure = explorer.static_figure if explorer else name
    lines = [f"*{caption}*"]
    if explorer:
        lines += ["", WORDS[language]["explorer"].format(url=page_url)]
    if figure is None:
        return _markdown_cell(lines)
    lines = [f"![{caption}](attachment:{figure}.svg)", "", *lines]
    attachments = {f"{figure}.svg": {"image/svg+xml": svg(figure, language)}}
    return _markdown_cell(lines, attachments)


def page_notebook(source: str, page: str, language: str) -> dict[str, Any]:
    r"""Return the notebook of a page (nbformat 4, as a JSON-ready dict).

    Parameters
    ----------
    source : str
        The page's Markdown, bindings included.
    page : str
        Its path below ``docs/`` (``entropy.md``, ``entropy.zh.md``).
    language : str
        The page's language.

    Examples
    --------
    >>> text = "# Coins\n\nA bit: 1{= entropy([0.5, 0.5], base='bits')}.\n\n"
    >>> text += "```pycon\n>>> 1 + 1\n2\n```\n"
    >>> cells = page_notebook(text, "coins.md", "en")["cells"]
    >>> [cell["cell_type"] for cell in cells], cells[2]["source"], cells[3]["source"]
    (['markdown', 'code', 'markdown', 'code'], '# Coins\n\nA bit: 1.', '1 + 1')
    >>> cells[3]["outputs"][0]["data"], cells[3]["metadata"]
    ({'text/plain': '2'}, {'xent': {'shows': '2\n'}})
    """
    url = _page_url(page, language)
    text = exercise_admonitions(strip_bindings(source), language)
    scanned = scan(text)
    lines = text.splitlines()
    depths = _admonition_depths(lines)
    title = next((line[2:].strip() for line in lines if line.startswith("# ")), page)
    cells = [
        _markdown_cell([WORDS[language]["intro"].format(title=title, url=url)]),
        _code_cell(PLAIN_REPR, None),
    ]
    cursor = 0  # index of the next line of prose
    for block in scanned.code:
        opening = block.line - 2  # index of the opening fence
        prose = _prose(lines[cursor:opening], depths[cursor:opening], language)
        if prose:
            cells.append(_markdown_cell(prose))
        cursor = block.end
        if block.language == "pycon" and "unverified" not in block.info:
            examples = doctest.DocTestParser().get_examples(block.code)
            cells.extend(_code_cell(e.source, e.want or _exception(e)) for e in examples)
        elif block.language == "python" and "unverified" not in block.info:
            cells.append(_code_cell(block.code, None))
        elif block.language == "derivation":
            latex = derivation_latex(block.code.strip(), language)
            cells.append(_markdown_cell(["$$", *latex.splitlines(), "$$"]))
        elif block.language in {"figure", "explorer"}:
            name, *caption = [line.strip() for line in block.code.strip().splitlines()]
            cells.append(_figure_cell(name, " ".join(caption), language, url))
        else:
            fence = "```"
            cells.append(
                _markdown_cell([f"{fence}{block.language}", *block.code.splitlines(), fence])
            )
    prose = _prose(lines[cursor:], depths[cursor:], language)
    if prose:
        cells.append(_markdown_cell(prose))
    for number, cell in enumerate(cells):
        cell["id"] = f"cell-{number}"
    return {
        "cells": cells,
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def _exception(example: doctest.Example) -> str | None:
    if example.exc_msg is None:
        return ""
    return f"Traceback (most recent call last):\n...\n{example.exc_msg}"


def download_link(page_url: str, page: str, language: str) -> str:
    """Return the HTML link to a page's notebook, relative to the page at ``page_url``.

    Examples
    --------
    >>> download_link("zh/kl-divergence/", "kl-divergence.zh.md", "zh")[45:86]
    '<a href="../notebooks/kl-divergence.ipynb'
    """
    prefix = "" if language == DEFAULT_LANGUAGE else f"{language}/"
    target = f"{prefix}notebooks/{notebook_name(page)}"
    href = posixpath.relpath(target, page_url.rstrip("/") or ".")
    words = WORDS[language]["download"]
    link = f'<a href="{href}" download>{words}</a>'
    return f'<p class="xent-notebook" data-search-exclude>{link}</p>'


def write_notebooks(site_dir: Path, notebooks: dict[str, tuple[str, dict[str, Any]]]) -> None:
    """Write each notebook (by page: its language and content) into its edition of the site."""
    for page, (language, notebook) in notebooks.items():
        prefix = "" if language == DEFAULT_LANGUAGE else f"{language}/"
        target = site_dir / f"{prefix}notebooks" / notebook_name(page)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(notebook, ensure_ascii=False, indent=1) + "\n", "utf-8")
