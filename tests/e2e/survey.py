"""One survey of every page: the visits, the screenshots and the weight report."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from .browser import SCHEMES, Target, Visit, axe_source, new_context, report, visit
from .site import ROOT

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import Browser

    from .site import SiteMap, SiteServer

#: Screenshots and the weight report (``/test-artifacts/`` is not committed).
ARTIFACTS = ROOT / "test-artifacts" / "e2e"

#: Pages photographed in every language and scheme, by a pattern of their address below the
#: language's root; a page the site does not have yet is named in ``screenshots/MISSING.txt``.
KEY_PAGES = {
    "home": r"",
    "kl-divergence": r"kl(-divergence)?/",
    "why-not-mse": r"(why-not-)?mse/",
}


@dataclass(frozen=True)
class Survey:
    """Every visit, in both schemes, of every page of the site."""

    site: SiteMap
    base_url: str
    visits: list[Visit]

    def problems(self, check: str) -> list[str]:
        """``page (scheme) → problem`` for every problem of one check, in page order."""
        return [
            f"{v.page.name} ({v.scheme}) → {problem}"
            for v in sorted(self.visits, key=lambda v: (v.page, v.scheme))
            for problem in v.problems[check]
        ]


def key_page(site: SiteMap, language: str, path: str) -> str | None:
    """The name in ``KEY_PAGES`` of the page at ``path``, if it is a key page."""
    below = path.removeprefix(site.prefixes[language])
    for key, pattern in KEY_PAGES.items():
        if re.fullmatch(pattern, below):
            return key
    return None


def run_survey(site: SiteMap, server: SiteServer, browser: Browser) -> Survey:
    """Visit every page in a light and a dark context per language; write the artefacts."""
    axe = axe_source()
    shots = ARTIFACTS / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    for old in shots.glob("*.png"):
        old.unlink()
    visits = []
    found = set()
    for language in site.languages:
        for scheme in SCHEMES:
            offsite = new_context(browser, server, scheme)
            try:
                for page in site.in_language(language):
                    key = key_page(site, language, page.path)
                    found.add(key)
                    shot = None if key is None else shots / f"{key}-{language}-{scheme}.png"
                    visits.append(visit(offsite, server, Target(page, scheme, shot), axe))
            finally:
                offsite.context.close()
    report(visits, ARTIFACTS)
    missing = sorted(set(KEY_PAGES) - found)
    (shots / "MISSING.txt").write_text(
        "".join(f"no page matches {key!r} ({KEY_PAGES[key]!r})\n" for key in missing), "utf-8"
    )
    return Survey(site, server.base_url, visits)


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and (name == "id" or (tag == "a" and name == "name")):
                self.ids.add(value)


def _page_ids(survey: Survey) -> Callable[[str], set[str] | None]:
    """The ids of a page of the site (as the browser saw it, else from its file), or None."""
    seen: dict[str, set[str]] = {}
    for v in survey.visits:
        seen.setdefault(v.page.path, set()).update(v.ids)

    def ids(path: str) -> set[str] | None:
        if path not in seen:
            file = survey.site.directory / path
            file = file / "index.html" if file.is_dir() else file
            if file.suffix != ".html" or not file.is_file():
                return None
            parser = _Ids()
            parser.feed(file.read_text("utf-8"))
            seen[path] = parser.ids
        return seen[path]

    return ids


def broken_links(survey: Survey) -> list[str]:
    """``page → problem`` for every link to a missing file or a missing anchor on the site."""
    ids = _page_ids(survey)
    problems = []
    for v in sorted(survey.visits, key=lambda v: v.page):
        if v.scheme != SCHEMES[0]:
            continue  # the same links in both schemes
        for href in dict.fromkeys(v.links):
            if not href.startswith(survey.base_url):
                continue
            parts = urlsplit(href)
            path = unquote(parts.path).lstrip("/")
            target = survey.site.directory / path
            if not (target.is_file() or (target / "index.html").is_file()):
                problems.append(f"{v.page.name} → link to /{path}: no such file in the site")
                continue
            anchors = ids(path)
            fragment = unquote(parts.fragment)
            if fragment and anchors is not None and fragment not in anchors:
                problems.append(f"{v.page.name} → link to /{path}#{fragment}: no such anchor")
    return problems


def listing(problems: list[str]) -> str:
    """An assertion message: every problem on its own line."""
    return f"{len(problems)} problems:\n" + "\n".join(problems)
