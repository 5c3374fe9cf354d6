"""Each edition gets its own search index, and Chinese pages look for theirs under zh/."""

import json
from pathlib import Path

import pytest

from docsite.search_editions import edition_base, split_search_index


def write_index(site: Path, locations: list[str]) -> None:
    index = site / "search" / "search_index.json"
    index.parent.mkdir(parents=True, exist_ok=True)
    docs = [{"location": location, "title": location, "text": ""} for location in locations]
    index.write_text(json.dumps({"config": {"lang": ["en", "zh"]}, "docs": docs}), "utf-8")


def locations(index: Path) -> list[str]:
    return [doc["location"] for doc in json.loads(index.read_text("utf-8"))["docs"]]


def test_chinese_entries_move_to_their_own_index_relative_to_zh(tmp_path: Path) -> None:
    write_index(tmp_path, ["", "entropy/", "zh/", "zh/entropy/#average-surprise"])
    assert split_search_index(tmp_path, "zh/") == 2
    assert locations(tmp_path / "search" / "search_index.json") == ["", "entropy/"]
    assert locations(tmp_path / "zh" / "search" / "search_index.json") == [
        "",
        "entropy/#average-surprise",
    ]


def test_splitting_again_changes_nothing(tmp_path: Path) -> None:
    write_index(tmp_path, ["", "zh/"])
    split_search_index(tmp_path, "zh/")
    before = (tmp_path / "zh" / "search" / "search_index.json").read_text("utf-8")
    assert split_search_index(tmp_path, "zh/") == 0
    assert (tmp_path / "zh" / "search" / "search_index.json").read_text("utf-8") == before
    assert locations(tmp_path / "search" / "search_index.json") == [""]


def test_the_index_keeps_its_configuration(tmp_path: Path) -> None:
    write_index(tmp_path, ["zh/"])
    split_search_index(tmp_path, "zh/")
    chinese = json.loads((tmp_path / "zh" / "search" / "search_index.json").read_text("utf-8"))
    assert chinese["config"] == {"lang": ["en", "zh"]}


@pytest.mark.parametrize(
    ("base", "expected"), [("..", "../zh/"), ("../..", "../../zh/"), (".", "./zh/")]
)
def test_a_chinese_page_searches_from_the_chinese_root(base: str, expected: str) -> None:
    page = f'<script id="__config" type="application/json">{{"base": "{base}", "x": 1}}</script>'
    assert f'"base": "{expected}"' in edition_base(page, "zh/")


def test_a_page_without_materials_configuration_is_an_error() -> None:
    with pytest.raises(ValueError, match="no Material configuration"):
        edition_base("<html></html>", "zh/")
