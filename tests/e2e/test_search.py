"""Search, in the browser: each language's index finds that language's pages."""

from __future__ import annotations

import functools
import logging
import re
from typing import TYPE_CHECKING, Any

import pytest

from .site import ROOT
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


def as_query(title: str, language: str = "en") -> str:
    """A page's title as a search query: its words, without Lunr's operators or the ¶ link.

    Chinese is written without spaces, and the browser does not cut a Chinese query into
    words (only the index is cut, by jieba at build time), so a Chinese reader's query is
    the title's words with spaces between them, as jieba cuts them with the site's terms.
    """
    words = " ".join(re.sub(r"[^\w\s]", " ", title.replace("¶", "")).split())
    if language != "zh":
        return words
    return " ".join(word for word in chinese_words(words) if word.strip())


@functools.cache
def _jieba() -> Any:
    import jieba  # type: ignore[import-untyped]  # noqa: PLC0415 (only for the Chinese edition)

    jieba.setLogLevel(logging.WARNING)
    with (ROOT / "docsite" / "jieba_terms.txt").open("rb") as terms:
        jieba.load_userdict(terms)
    return jieba


def chinese_words(text: str) -> list[str]:
    """Chinese text cut into words as the site's search index cuts it (jieba, site's terms)."""
    return list(_jieba().cut(text))


def pages_found_by_title(survey: Survey, offsite: Offsite, language: str) -> list[str]:
    tab = offsite.context.new_page()
    tab.goto(survey.site.prefixes[language])  # one page: the search box is on every page
    problems = []
    for v in sorted(survey.visits, key=lambda v: v.page):
        if v.page.language != language or v.scheme != "light" or not v.h1:
            continue
        query = as_query(v.h1, language)
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


#: What a Chinese reader types, and the page that must come among the first results: jieba
#: (with the domain terms of docsite/jieba_terms.txt) cuts the pages into these words.
CHINESE_TERMS = [
    ("交叉熵", "cross-entropy/"),
    ("相对熵", "kl-divergence/"),
    ("KL 散度", "kl-divergence/"),
    ("独热编码", "softmax-cross-entropy/"),
    ("困惑度", "perplexity/"),
]


@pytest.mark.parametrize(("query", "page"), CHINESE_TERMS)
def test_chinese_search_finds_the_page_that_teaches_the_term(
    survey: Survey, contexts: Callable[[Scheme], Offsite], query: str, page: str
) -> None:
    if "zh" not in survey.site.languages:
        pytest.skip(NO_CHINESE)
    offsite = contexts("light")
    tab = offsite.context.new_page()
    home = survey.site.prefixes["zh"]
    tab.goto(home)
    found = search(tab, query)
    expected = offsite.base_url + home + page
    assert expected in found[:TOP], f"searching {query!r} from /{home} finds {found[:TOP]}"
