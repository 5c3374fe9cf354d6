"""Code blocks have copy buttons (the survey checks every block) that copy the code."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from collections.abc import Callable

    from .browser import Offsite, Scheme
    from .survey import Survey

pytestmark = pytest.mark.browser


def test_copy_button_copies_the_code(survey: Survey, contexts: Callable[[Scheme], Offsite]) -> None:
    with_code = [v for v in survey.visits if v.code_blocks and v.scheme == "light"]
    if not with_code:
        pytest.skip("no page of the site has a code block")
    offsite = contexts("light")
    offsite.context.grant_permissions(["clipboard-read", "clipboard-write"])
    tab = offsite.context.new_page()
    tab.goto(min(with_code, key=lambda v: v.page).page.path)
    block = tab.locator(".md-content pre:has(> code)").first
    block.hover()
    block.locator('button.md-clipboard, [data-md-type="copy"]').first.click()
    copied = str(tab.evaluate("navigator.clipboard.readText()"))
    code = block.locator("code").inner_text()
    assert copied.strip(), "the copy button copied nothing"
    assert copied.split() == code.split()
