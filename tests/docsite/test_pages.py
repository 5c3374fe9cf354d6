"""Every page under docs/ passes the verifier: the same check the MkDocs build runs."""

from pathlib import Path

import pytest

from docsite.formulas import formulas
from docsite.verify import verify_page

DOCS = Path(__file__).parents[2] / "docs"
PAGES = sorted(path.relative_to(DOCS).as_posix() for path in DOCS.rglob("*.md"))


def test_there_are_pages() -> None:
    assert "index.md" in PAGES


@pytest.mark.parametrize("page", PAGES)
def test_page_is_verified(page: str) -> None:
    report = verify_page(
        (DOCS / page).read_text("utf-8"), page, formulas=formulas(), cache_dir=None
    )
    assert report.errors() == []
