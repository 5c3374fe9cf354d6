"""The site's two editions: every English page ``x.md`` has a Chinese page ``x.zh.md``.

The pair must have the same sections: the Chinese page writes each heading's English id
explicitly (``## 平均惊讶度 { #the-average-surprise }``), so that a link to
``entropy.md#the-average-surprise`` lands on the same section in either language, and the
language switcher, which keeps the reader on the same page, keeps the sections in step.
Nothing falls back to English: a page missing from either edition fails the build.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import markdown

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from pathlib import Path

__all__ = [
    "CHINESE",
    "counterpart",
    "edition_errors",
    "heading_ids",
    "language_of",
    "missing_editions",
    "section_errors",
    "without_head_alternates",
]

#: The suffix of a page of the Chinese edition.
CHINESE = ".zh.md"


def language_of(path: str) -> str:
    """Return the language of a page, "zh" or "en", from its file name.

    Examples
    --------
    >>> language_of("kl-divergence.zh.md"), language_of("kl-divergence.md")
    ('zh', 'en')
    """
    return "zh" if path.endswith(CHINESE) else "en"


def counterpart(page: str) -> str:
    """Return the path of a page's edition in the other language.

    Examples
    --------
    >>> counterpart("kl-divergence.md"), counterpart("kl-divergence.zh.md")
    ('kl-divergence.zh.md', 'kl-divergence.md')
    """
    if language_of(page) == "zh":
        return f"{page[: -len(CHINESE)]}.md"
    return f"{page.removesuffix('.md')}{CHINESE}"


def heading_ids(
    text: str, extensions: Sequence[Any] = (), configs: Mapping[str, Any] | None = None
) -> list[str]:
    r"""Return the ids of a page's section headings (levels two to six), in order.

    ``extensions`` and ``configs`` are the site's Markdown extensions: the ids are the ones
    the build gives (the ``toc`` extension is always added).

    Examples
    --------
    >>> heading_ids("# Title\n\n## The average surprise\n\n## 小结 { #summary }", ["attr_list"])
    ['the-average-surprise', 'summary']
    """
    names = [*extensions, "toc"] if "toc" not in extensions else list(extensions)
    converter = markdown.Markdown(extensions=names, extension_configs=dict(configs or {}))
    converter.convert(text)
    ids: list[str] = []

    def walk(tokens: list[dict[str, Any]]) -> None:
        for token in tokens:
            if token["level"] > 1:
                ids.append(token["id"])
            walk(token["children"])

    walk(converter.toc_tokens)
    return ids


def _section_lines(text: str) -> list[int]:
    """Return the line numbers of the section headings (``##`` to ``######``), fences skipped."""
    lines, fenced = [], False
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(r"\s*(```|~~~)", line):
            fenced = not fenced
        elif not fenced and re.match(r"#{2,6}\s", line):
            lines.append(number)
    return lines


def missing_editions(docs_dir: Path) -> list[str]:
    """Return the pages of ``docs_dir`` without their counterpart, as ``page:1: problem``."""
    pages = {path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*.md")}
    chinese = {page for page in pages if page.endswith(CHINESE)}
    english = pages - chinese
    return [
        f"{page}:1: has no Chinese edition {counterpart(page)}"
        for page in sorted(english)
        if counterpart(page) not in chinese
    ] + [
        f"{page}:1: has no English edition {counterpart(page)}"
        for page in sorted(chinese)
        if counterpart(page) not in english
    ]


def section_errors(page: str, text: str, wanted: Sequence[str], found: Sequence[str]) -> list[str]:
    r"""Compare a Chinese page's section ids (``found``) with its English page's (``wanted``).

    ``text`` is the Chinese page's Markdown, to name the line of the first difference.

    Examples
    --------
    >>> section_errors("a.zh.md", "# 甲\n\n## 一\n", ["one"], ["_2"])[0][:44]
    "a.zh.md:3: section 1 has the id '_2' where a"
    """
    original = counterpart(page)
    lines = _section_lines(text)
    for position, (expected, actual) in enumerate(zip(wanted, found, strict=False)):
        if expected != actual:
            line = lines[position] if position < len(lines) else 1
            message = (
                f"{page}:{line}: section {position + 1} has the id {actual!r} where {original} "
                f"has {expected!r}; write the English id explicitly, as in "
                f"'## 标题 {{ #{expected} }}'"
            )
            return [message]
    if len(wanted) != len(found):
        return [f"{page}:1: has {len(found)} sections where {original} has {len(wanted)}"]
    return []


def edition_errors(
    docs_dir: Path, extensions: Sequence[Any] = (), configs: Mapping[str, Any] | None = None
) -> list[str]:
    """Return what breaks the pairing of the editions in ``docs_dir``, as ``page:line: problem``.

    A page without its counterpart in the other language, or a Chinese page whose section
    ids differ from its English page's. (The build compares the ids of the pages it renders
    instead, in its hooks.)
    """
    errors = missing_editions(docs_dir)
    for path in sorted(docs_dir.rglob(f"*{CHINESE}")):
        page = path.relative_to(docs_dir).as_posix()
        original = docs_dir / counterpart(page)
        if original.is_file():
            text = path.read_text("utf-8")
            wanted = heading_ids(original.read_text("utf-8"), extensions, configs)
            found = heading_ids(text, extensions, configs)
            errors += section_errors(page, text, wanted, found)
    return errors


_HEAD_ALTERNATE = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="[^"]*">\s*')


def without_head_alternates(page_html: str) -> str:
    r"""Remove the ``<link rel="alternate" hreflang>`` tags from a page's head.

    The i18n plugin points them at the same page in each language, but Material's script
    reads them as the roots of the editions and fetches ``sitemap.xml`` beside each (a 404
    from every page but the home pages), then may redirect the language switcher through
    that sitemap, which only matches when the site is served at ``site_url``. The switcher's
    own links already lead to the same page in the other language, and ``sitemap.xml`` keeps
    the alternates for search engines.

    Examples
    --------
    >>> without_head_alternates('<head><link rel="alternate" href="./" hreflang="en">\n</head>')
    '<head></head>'
    """
    head_end = page_html.find("</head>")
    return _HEAD_ALTERNATE.sub("", page_html[:head_end]) + page_html[head_end:]
