"""Search, in the browser: each language's index finds that language's pages."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

from .survey import listing

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import Page as Tab

    from .browser import Offsite, Scheme
    from .survey import Survey

pytestmark = pytest.mark.browser

NO_CHINESE = "site has no Chinese edition yet"
#: How far down the results the page searched for may be.
TOP = 3


#: Whether Material's search box shows the idle prompt ("placeholder") or a count of results
#: ("counted"), in the page's own language (its translations are in ``#__config``).
SEARCH_STATE = r"""(state) => {
  const words = JSON.parse(document.getElementById("__config").textContent).translations;
  const meta = document.querySelector(".md-search-result__meta")?.textContent.trim() ?? "";
  if (state === "placeholder") return meta === words["search.result.placeholder"];
  const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const other = new RegExp("^" + escape(words["search.result.other"]).replace("#", "\\d+") + "$");
  return meta === words["search.result.none"] || meta === words["search.result.one"] ||
    other.test(meta);
}"""


def search(tab: Tab, query: str) -> list[str]:
    """Type ``query`` into Material's search box: the address of each page found, best first."""
    box = tab.locator("input.md-search__input")
    box.click()
    box.fill("")
    box.press("End")
    tab.wait_for_function(SEARCH_STATE, arg="placeholder")
    box.fill(query)
    box.press("End")
    tab.wait_for_function(SEARCH_STATE, arg="counted")
    links = tab.locator(".md-search-result__item > a.md-search-result__link")
    hrefs = links.evaluate_all("(as) => as.map((a) => a.origin + a.pathname)")
    return [str(href) for href in hrefs]


def as_query(title: str) -> str:
    """A page's title as a search query: its words, without Lunr's operators or the ¶ link."""
    return " ".join(re.sub(r"[^\w\s]", " ", title.replace("¶", "")).split())


def pages_found_by_title(survey: Survey, offsite: Offsite, language: str) -> list[str]:
    tab = offsite.context.new_page()
    tab.goto(survey.site.prefixes[language])  # one page: the search box is on every page
    problems = []
    for v in sorted(survey.visits, key=lambda v: v.page):
        if v.page.language != language or v.scheme != "light" or not v.h1:
            continue
        query = as_query(v.h1)
        found = search(tab, query)
        expected = offsite.base_url + v.page.path
        if expected not in found[:TOP]:
            problems.append(f"{v.page.name} → searching {query!r} finds {found[:TOP]}")
    return problems


@pytest.mark.parametrize("language", ["en", "zh"])
def test_search_finds_each_page_by_its_title(
    survey: Survey, contexts: Callable[[Scheme], Offsite], language: str
) -> None:
    if language not in survey.site.languages:
        pytest.skip(NO_CHINESE)
    problems = pages_found_by_title(survey, contexts("light"), language)
    assert not problems, listing(problems)


@pytest.mark.parametrize(("language", "query"), [("en", "divergence"), ("zh", "交叉熵")])
def test_search_stays_in_the_readers_language(
    survey: Survey, contexts: Callable[[Scheme], Offsite], language: str, query: str
) -> None:
    if language not in survey.site.languages:
        pytest.skip(NO_CHINESE)
    offsite = contexts("light")
    tab = offsite.context.new_page()
    home = survey.site.prefixes[language]
    tab.goto(home)
    found = search(tab, query)
    assert found, f"searching {query!r} from /{home} finds nothing"
    prefixes = [p for lang, p in survey.site.prefixes.items() if lang != language and p]
    outside = [url for url in found if not url.startswith(offsite.base_url + home)]
    foreign = [url for url in found if any(url.startswith(offsite.base_url + p) for p in prefixes)]
    assert not outside, f"searching {query!r} from /{home} finds pages outside it: {outside}"
    assert not foreign, f"searching {query!r} from /{home} finds other languages: {foreign}"
