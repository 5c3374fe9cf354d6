"""The site's editions: every page ``x.md`` of the default language has ``x.<language>.md``.

The languages are those of the i18n plugin in ``mkdocs.yml``, the default first (English, then
Simplified Chinese). A page and its translations must have the same sections: the Chinese page
writes each heading's English id explicitly (``## 平均惊讶度 { #the-average-surprise }``), so
that a link to
``entropy.md#the-average-surprise`` lands on the same section in either language, and the
language switcher, which keeps the reader on the same page, keeps the sections in step.
Nothing falls back to English: a page missing from any edition fails the build.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import markdown
import yaml

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "TRANSLATIONS",
    "edition",
    "edition_errors",
    "heading_ids",
    "language_of",
    "missing_editions",
    "section_errors",
    "without_head_alternates",
]

MKDOCS_YML = Path(__file__).resolve().parent.parent / "mkdocs.yml"


def site_languages(config_file: Path = MKDOCS_YML) -> tuple[str, ...]:
    """Return the locales of the i18n plugin in ``config_file``, the default one first."""
    config = yaml.safe_load(config_file.read_text("utf-8"))
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            languages = plugin["i18n"]["languages"]
            default = [entry["locale"] for entry in languages if entry.get("default")]
            others = [entry["locale"] for entry in languages if not entry.get("default")]
            if len(default) != 1:
                raise ValueError(f"{config_file}: the i18n plugin needs exactly one default")
            return (*default, *others)
    raise ValueError(f"{config_file}: no i18n plugin lists the site's languages")


#: The site's languages, the default first, as ``mkdocs.yml`` lists them.
LANGUAGES = site_languages()
#: The language of the pages without a language suffix, served at ``/``.
DEFAULT_LANGUAGE = LANGUAGES[0]
#: The other languages, each served under ``/<language>/``.
TRANSLATIONS = LANGUAGES[1:]


def language_of(path: str) -> str:
    """Return the language of a page from its file name (``x.zh.md``: "zh").

    Examples
    --------
    >>> language_of("kl-divergence.zh.md"), language_of("kl-divergence.md")
    ('zh', 'en')
    """
    for language in TRANSLATIONS:
        if path.endswith(f".{language}.md"):
            return language
    return DEFAULT_LANGUAGE


def edition(page: str, language: str) -> str:
    """Return the path of a page's edition in ``language``.

    Examples
    --------
    >>> edition("kl-divergence.md", "zh"), edition("kl-divergence.zh.md", "en")
    ('kl-divergence.zh.md', 'kl-divergence.md')
    """
    own = language_of(page)
    stem = page.removesuffix(".md" if own == DEFAULT_LANGUAGE else f".{own}.md")
    return f"{stem}.md" if language == DEFAULT_LANGUAGE else f"{stem}.{language}.md"


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
    """Return the pages of ``docs_dir`` lacking an edition, as ``page:1: problem``."""
    pages = {path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*.md")}
    return [
        f"{page}:1: has no edition in {language} ({edition(page, language)})"
        for page in sorted(pages)
        for language in LANGUAGES
        if language != language_of(page) and edition(page, language) not in pages
    ]


def section_errors(page: str, text: str, wanted: Sequence[str], found: Sequence[str]) -> list[str]:
    r"""Compare a translated page's section ids (``found``) with its original's (``wanted``).

    ``text`` is the translated page's Markdown, to name the line of the first difference.

    Examples
    --------
    >>> section_errors("a.zh.md", "# 甲\n\n## 一\n", ["one"], ["_2"])[0][:44]
    "a.zh.md:3: section 1 has the id '_2' where a"
    """
    original = edition(page, DEFAULT_LANGUAGE)
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

    A page without its edition in another language, or a translated page whose section ids
    differ from its original's. (The build compares the ids of the pages it renders
    instead, in its hooks.)
    """
    errors = missing_editions(docs_dir)
    for path in sorted(docs_dir.rglob("*.md")):
        page = path.relative_to(docs_dir).as_posix()
        if language_of(page) == DEFAULT_LANGUAGE:
            continue
        original = docs_dir / edition(page, DEFAULT_LANGUAGE)
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
