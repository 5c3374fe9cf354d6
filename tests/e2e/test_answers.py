"""Every answer box of every page, in Chromium: right answers pass, wrong ones get a hint.

The right answer is the one `xent` computes for the box (the verifier's value, which the build
wrote into the page); it is typed in as a reader would, to six significant digits, and
submitted with the keyboard. Wrong answers are clicked in with the button.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pytest

from docsite.editions import DEFAULT_LANGUAGE
from docsite.formulas import formula_tex
from docsite.verify import verify_page

from .site import ROOT

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import Browser, Locator

    from .browser import Offsite, Scheme
    from .site import SiteServer

pytestmark = pytest.mark.browser

DOCS = ROOT / "docs"
PAGES = sorted(path.name for path in DOCS.glob("*.md"))


def _address(page: str) -> str:
    """The address of a page of ``docs/`` below the site's root: ``zh/entropy/``."""
    name, *language = page.removesuffix(".md").split(".")
    prefix = f"{language[0]}/" if language and language[0] != DEFAULT_LANGUAGE else ""
    return prefix + ("" if name == "index" else f"{name}/")


def _answers(page: str) -> list[float]:
    return verify_page((DOCS / page).read_text("utf-8"), page, formulas=formula_tex()).answers


WITH_BOXES = [page for page in PAGES if "{answer " in (DOCS / page).read_text("utf-8")]


def _submit(box: Locator, text: str, *, keyboard: bool) -> tuple[str | None, str]:
    field = box.locator("input")
    field.fill(text)
    if keyboard:
        field.press("Enter")
    else:
        box.locator("button").click()
    return box.get_attribute("data-state"), box.locator("output").inner_text()


def test_some_pages_have_answer_boxes() -> None:
    assert len(WITH_BOXES) >= 2, WITH_BOXES


@pytest.mark.parametrize("page", WITH_BOXES)
def test_every_answer_box_accepts_xents_value_and_hints_at_a_wrong_one(
    page: str, contexts: Callable[[Scheme], Offsite]
) -> None:
    answers = _answers(page)
    tab = contexts("dark").context.new_page()
    tab.goto(_address(page))
    boxes = tab.locator(".xent-answer")
    assert boxes.count() == len(answers), "one box per answer the verifier computed"
    for index, value in enumerate(answers):
        box = boxes.nth(index)
        box.scroll_into_view_if_needed()
        assert box.is_visible(), f"box {index} is hidden although the script ran"
        assert float(box.get_attribute("data-answer") or "nan") == value
        state, said = _submit(box, f"{value:.6g}", keyboard=True)
        assert state == "correct", f"box {index}: {value:.6g} judged {state}: {said}"
        assert (box.get_attribute("data-written") or "?") in said
        wrong = value * 1.1 + 0.1
        state, said = _submit(box, f"{wrong:.6g}", keyboard=False)
        assert state == "wrong", f"box {index}: {wrong:.6g} judged {state}"
        assert said.startswith(box.get_attribute("data-say-wrong") or "?"), said
        state, said = _submit(box, "a lot", keyboard=True)
        assert state == "unreadable", f"box {index}: text judged {state}"
        if value != 0 and math.isfinite(value):
            state, said = _submit(box, f"{value * math.log(2):.6g}", keyboard=True)
            assert said.endswith(box.get_attribute("data-say-base") or "?"), said


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("0.25", 0.25),
        ("1/4", 0.25),
        ("25%", 0.25),
        ("−0.5", -0.5),
        ("０.５", 0.5),
        ("2,5", 2.5),
        ("50,257", 50257.0),
        ("2.5e-3", 0.0025),
        (" 3 ", 3.0),
        ("inf", math.inf),
        ("∞", math.inf),
    ],
)
def test_answers_are_read_in_the_forms_readers_type(
    typed: str, value: float, contexts: Callable[[Scheme], Offsite]
) -> None:
    tab = contexts("light").context.new_page()
    tab.goto(_address(WITH_BOXES[0]))
    parsed = tab.evaluate("text => window.xentAnswers.parse(text)", typed)
    assert parsed == value


@pytest.mark.parametrize("typed", ["", "abc", "1/", "1.2.3", "--1"])
def test_text_that_is_not_a_number_is_not_judged(
    typed: str, contexts: Callable[[Scheme], Offsite]
) -> None:
    tab = contexts("light").context.new_page()
    tab.goto(_address(WITH_BOXES[0]))
    assert tab.evaluate("text => isNaN(window.xentAnswers.parse(text))", typed)


def test_without_javascript_boxes_are_hidden_and_solutions_fold(
    browser: Browser, server: SiteServer
) -> None:
    context = browser.new_context(base_url=server.base_url, java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(_address(WITH_BOXES[0]))
        assert tab.locator(".admonition.exercise").count() >= 3
        assert tab.locator(".xent-answer").count() > 0
        assert not any(box.is_visible() for box in tab.locator(".xent-answer").all())
        solutions = tab.locator("details.solution")
        assert solutions.count() >= 3
        assert solutions.first.get_attribute("open") is None
        solutions.first.locator("summary").click()
        assert solutions.first.get_attribute("open") is not None
    finally:
        context.close()
