"""One search index per edition: English pages search English, Chinese pages search Chinese.

The i18n plugin builds the default edition, then each translation, into the same site, and
at the end writes one ``search/search_index.json`` that mixes them (an English query would
find Chinese pages, and the other way round). `split_search_index` moves the entries of the
edition under ``zh/`` to ``zh/search/search_index.json``, with addresses relative to ``zh/``,
and `edition_base` points each of its pages' ``base`` (from which Material's search finds
``search/search_index.json``) at ``zh/``.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["SEARCH_BOOST", "edition_base", "split_search_index"]

#: Search boosts (Material's ``search.boost``) by the page's default-edition path, applied to
#: both editions: the page that defines a term several titles share. In Chinese 交叉熵 is in
#: the titles of five pages, and the language-model page, which says it most, outranked the
#: page that teaches it.
SEARCH_BOOST = {"cross-entropy.md": 3.0}

_INDEX = "search/search_index.json"
_BASE = re.compile(r'("base": ")([^"]*)(")')


def edition_base(page_html: str, prefix: str) -> str:
    """Point the Material ``base`` of a page of the edition under ``prefix`` at its root.

    Examples
    --------
    >>> edition_base('<script id="__config">{"base": "../..", "features": []}</script>', "zh/")
    '<script id="__config">{"base": "../../zh/", "features": []}</script>'
    """
    html, count = _BASE.subn(rf"\g<1>\g<2>/{prefix}\g<3>", page_html, count=1)
    if count != 1:
        raise ValueError("the page has no Material configuration with a base address")
    return html


def split_search_index(site_dir: Path, prefix: str) -> int:
    """Move the entries under ``prefix`` from the site's search index into the edition's own.

    Safe to run more than once (a run with nothing under ``prefix`` changes nothing); returns
    how many entries moved.
    """
    index = site_dir / _INDEX
    data = json.loads(index.read_text("utf-8"))
    moved = [doc for doc in data["docs"] if doc["location"].startswith(prefix)]
    if not moved:
        return 0
    data["docs"] = [doc for doc in data["docs"] if not doc["location"].startswith(prefix)]
    edition = {
        **data,
        "docs": [{**doc, "location": doc["location"].removeprefix(prefix)} for doc in moved],
    }
    target = site_dir / prefix / _INDEX
    target.parent.mkdir(parents=True, exist_ok=True)
    for path, content in ((index, data), (target, edition)):
        path.write_text(json.dumps(content, ensure_ascii=False, separators=(",", ":")), "utf-8")
    return len(moved)
