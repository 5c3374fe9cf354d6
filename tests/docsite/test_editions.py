"""The editions: every page exists in each language of mkdocs.yml, with the same sections."""

from pathlib import Path
from typing import Any

import pytest
import yaml

from docsite.editions import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    edition,
    edition_errors,
    heading_ids,
    language_of,
    site_languages,
)

ROOT = Path(__file__).parents[2]
DOCS = ROOT / "docs"
ENGLISH = sorted(
    path.relative_to(DOCS).as_posix()
    for path in DOCS.rglob("*.md")
    if language_of(path.name) == DEFAULT_LANGUAGE
)


def site_markdown() -> tuple[list[str], dict[str, Any]]:
    """The Markdown extensions of mkdocs.yml and their options."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))
    names: list[str] = []
    options: dict[str, Any] = {}
    for entry in config["markdown_extensions"]:
        name, settings = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        names.append(name)
        options[name] = settings or {}
    return names, options


def test_every_page_has_both_editions_with_the_same_sections() -> None:
    assert edition_errors(DOCS, *site_markdown()) == []


@pytest.mark.parametrize("page", ENGLISH)
def test_chinese_page_keeps_the_english_section_ids(page: str) -> None:
    extensions, options = site_markdown()
    english = heading_ids((DOCS / page).read_text("utf-8"), extensions, options)
    chinese_page = DOCS / edition(page, "zh")
    chinese = heading_ids(chinese_page.read_text("utf-8"), extensions, options)
    assert english, f"{page} has no sections to compare"
    assert chinese == english


def test_a_missing_page_or_a_renamed_section_is_reported(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# A\n\n## First part\n", "utf-8")
    (tmp_path / "a.zh.md").write_text("# 甲\n\n## 第一部分\n", "utf-8")
    (tmp_path / "b.md").write_text("# B\n", "utf-8")
    (tmp_path / "c.zh.md").write_text("# 丙\n", "utf-8")
    assert edition_errors(tmp_path, ["attr_list"]) == [
        "b.md:1: has no edition in zh (b.zh.md)",
        "c.zh.md:1: has no edition in en (c.md)",
        (
            "a.zh.md:3: section 1 has the id '_2' where a.md has 'first-part'; write the "
            "English id explicitly, as in '## 标题 { #first-part }'"
        ),
    ]


def test_an_explicit_english_id_pairs_the_sections(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# A\n\n## First part\n", "utf-8")
    (tmp_path / "a.zh.md").write_text("# 甲\n\n## 第一部分 { #first-part }\n", "utf-8")
    assert edition_errors(tmp_path, ["attr_list"]) == []


def test_a_chinese_page_with_fewer_sections_is_reported(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# A\n\n## One\n\n## Two\n", "utf-8")
    (tmp_path / "a.zh.md").write_text("# 甲\n\n## 一 { #one }\n", "utf-8")
    assert edition_errors(tmp_path, ["attr_list"]) == ["a.zh.md:1: has 1 sections where a.md has 2"]


@pytest.mark.parametrize(
    ("path", "language"),
    [("index.md", "en"), ("index.zh.md", "zh"), ("notes/zh.md", "en"), ("a.zh.md", "zh")],
)
def test_language_comes_from_the_suffix(path: str, language: str) -> None:
    assert language_of(path) == language


def test_the_languages_are_those_of_mkdocs_yml_default_first() -> None:
    assert LANGUAGES == ("en", "zh")


def test_a_third_language_in_mkdocs_yml_is_a_third_edition(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "plugins:\n  - search\n  - i18n:\n      languages:\n"
        "        - locale: zh\n        - locale: en\n          default: true\n"
        "        - locale: fr\n",
        "utf-8",
    )
    assert site_languages(config) == ("en", "zh", "fr")


def test_mkdocs_yml_without_a_default_language_is_refused(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("plugins:\n  - i18n:\n      languages:\n        - locale: en\n", "utf-8")
    with pytest.raises(ValueError, match="exactly one default"):
        site_languages(config)


@pytest.mark.parametrize(
    ("page", "language", "path"),
    [
        ("a.md", "zh", "a.zh.md"),
        ("a.zh.md", "en", "a.md"),
        ("notes/a.zh.md", "zh", "notes/a.zh.md"),
        ("notes/zh.md", "zh", "notes/zh.zh.md"),
    ],
)
def test_a_page_in_another_language_is_its_suffixed_edition(
    page: str, language: str, path: str
) -> None:
    assert edition(page, language) == path
