"""Copy KaTeX's stylesheet and the WOFF2 fonts it uses into the built site (no CDN)."""

from __future__ import annotations

import re
import shutil
from typing import TYPE_CHECKING

from docsite.cache import ROOT
from docsite.katex import katex_dist

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["KATEX_CSS", "copy_katex_assets"]

#: Where KaTeX's stylesheet ends up, relative to the site directory (for ``extra_css``).
KATEX_CSS = "assets/katex/katex.min.css"


_SRC = re.compile(r"(?P<prefix>\bsrc\s*:)(?P<value>[^;}]*)")
_SRC_ENTRY = re.compile(r",(?=\s*(?:url|local)\()")
_URL = re.compile(r"""url\(\s*(?P<quote>['"]?)(?P<url>[^'")]*?)(?P=quote)\s*\)""")


def _woff2_only(css: str) -> str:
    """Keep only the WOFF2 fonts in each ``src:`` list (every current browser reads WOFF2)."""

    def keep_woff2(match: re.Match[str]) -> str:
        entries = _SRC_ENTRY.split(match["value"])
        woff2 = [entry for entry in entries if re.search(r"\.woff2\b", entry)]
        return match["prefix"] + ",".join(woff2 or entries)

    return _SRC.sub(keep_woff2, css)


def copy_katex_assets(site_dir: Path, *, root: Path | None = None) -> list[str]:
    """Copy KaTeX's stylesheet and the fonts it uses into ``site_dir/assets/katex/``.

    Only the WOFF2 fonts are copied: the stylesheet's ``src:`` lists are rewritten to name
    them alone. KaTeX's licence is copied alongside.

    Parameters
    ----------
    site_dir : pathlib.Path
        The built site's directory.
    root : pathlib.Path, optional
        The directory holding ``node_modules/katex``; the repository root by default.

    Returns
    -------
    list of str
        The stylesheet's path relative to ``site_dir`` (`KATEX_CSS`), for ``extra_css``.

    Raises
    ------
    KatexUnavailableError
        If ``node_modules/katex`` is missing.
    ValueError
        If the stylesheet refers to a remote URL or to a file KaTeX does not ship.
    """
    dist = katex_dist(ROOT if root is None else root)
    css = _woff2_only((dist / "katex.min.css").read_text("utf-8"))
    target = site_dir / KATEX_CSS
    shutil.rmtree(target.parent, ignore_errors=True)
    target.parent.mkdir(parents=True)
    for url in dict.fromkeys(match["url"] for match in _URL.finditer(css)):
        if re.match(r"[a-z][a-z0-9+.-]*:|//", url, re.IGNORECASE):
            raise ValueError(f"katex.min.css refers to {url!r}; only files it ships are allowed")
        relative = url.split("#")[0].split("?")[0]
        file = (dist / relative).resolve()
        if not file.is_relative_to(dist.resolve()) or not file.is_file():
            raise ValueError(f"katex.min.css refers to {url!r}, which is not in {dist}")
        destination = target.parent / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(file, destination)
    target.write_text(css, "utf-8")
    shutil.copyfile(dist.parent / "LICENSE", target.parent / "LICENSE")
    return [KATEX_CSS]
