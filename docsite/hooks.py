"""MkDocs hooks for the xent site: verify every page, then render its math with KaTeX."""

from __future__ import annotations

import logging
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from docsite import warmup
from docsite.blocks import expand_blocks
from docsite.cache import CACHE_DIR, filled_by
from docsite.editions import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    TRANSLATIONS,
    edition,
    language_of,
    missing_editions,
    section_errors,
    without_head_alternates,
)
from docsite.exercises import answer_boxes, exercise_admonitions
from docsite.explorers import SCRIPTS as EXPLORER_SCRIPTS
from docsite.formulas import formula_tex, formulas
from docsite.katex import KatexError, KatexRenderer
from docsite.katex_assets import KATEX_CSS, copy_katex_assets
from docsite.math_html import MathPageError, math_to_text, render_arithmatex
from docsite.notebooks import download_link, page_notebook, write_notebooks
from docsite.search_editions import SEARCH_BOOST, edition_base, split_search_index
from docsite.verify import strip_bindings, verify_page

if TYPE_CHECKING:
    import subprocess

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page
    from mkdocs.structure.toc import AnchorLink

# A logger under "mkdocs." so that `mkdocs build --strict` counts its errors and fails.
log = logging.getLogger("mkdocs.plugins.xent.verify")

#: The site's own stylesheet and scripts, copied from docsite/assets/ into the built site.
SITE_CSS = "assets/xent.css"
SITE_JS = ("assets/answers.js", *EXPLORER_SCRIPTS)
_ASSETS = Path(__file__).parent / "assets"

#: Material's search dialog's accessible name, in each language of the site.
SEARCH_LABELS = {"en": "Search", "zh": "搜索"}
if missing := set(LANGUAGES) - SEARCH_LABELS.keys():
    raise PluginError(f"docsite/hooks.py: no search label for the languages {sorted(missing)}")


@dataclass
class BuildState:
    """What the hooks keep across the pages of a build, and the builds of `mkdocs serve`."""

    #: One Node process for every build of this command (it starts at the first formula).
    renderer: KatexRenderer | None = None
    #: The process doing the SymPy work alongside the build (docsite/warmup.py).
    warmup: subprocess.Popen[bytes] | None = None
    #: The section ids of each page of the default language, to compare its translations with.
    sections: dict[str, list[str]] = field(default_factory=dict)
    #: Each page's notebook and its language, by page, written out in `on_post_build`.
    notebooks: dict[str, tuple[str, dict[str, Any]]] = field(default_factory=dict)


_state = BuildState()


def on_startup(*, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:  # noqa: ARG001
    """Start the SymPy warm-up; make the renderer (Node starts at the first uncached formula)."""
    _state.warmup = warmup.start()
    _state.renderer = KatexRenderer(cache_dir=CACHE_DIR / "katex")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Link KaTeX's and the site's stylesheets and scripts (copied in `on_post_build`)."""
    for stylesheet in (KATEX_CSS, SITE_CSS):
        if stylesheet not in config.extra_css:
            config.extra_css.append(stylesheet)
    for script in SITE_JS:
        if script not in config.extra_javascript:
            config.extra_javascript.append(script)
    return config


def on_pre_build(*, config: MkDocsConfig) -> None:
    """Check that every edition has every page (once: the default language is built first)."""
    if config.theme["language"] == DEFAULT_LANGUAGE:
        for error in missing_editions(Path(config.docs_dir)):
            log.error(error)


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:  # noqa: ARG001
    """Verify the page's code, numbers and formulas; return it as the reader sees it.

    The number bindings are stripped, blocks expanded (derivations, figures, explorers),
    exercises numbered and answer boxes written with the answers the verifier computed; the
    page's notebook is made from its source, and linked below its title.
    """
    path = page.file.src_uri
    boost = SEARCH_BOOST.get(edition(path, DEFAULT_LANGUAGE))
    if boost is not None:
        page.meta.setdefault("search", {}).setdefault("boost", boost)
    report = verify_page(markdown, path, formulas=formula_tex())
    for error in report.errors():
        log.error(error)
    log.info(report.summary())
    language = language_of(path)
    _state.notebooks[path] = (language, page_notebook(markdown, path, language))
    shown = exercise_admonitions(expand_blocks(strip_bindings(markdown), language), language)
    shown = re.sub(
        r"^# .*$",
        lambda title: f"{title.group(0)}\n\n{download_link(page.url, path, language)}",
        shown,
        count=1,
        flags=re.MULTILINE,
    )
    try:
        return answer_boxes(shown, report.answers, language)
    except ValueError as error:  # a box whose binding failed, reported above
        log.error("%s: %s", path, error)  # noqa: TRY400 (a page error, not a crash)
        return shown


def _plain_toc(items: list[AnchorLink], renderer: KatexRenderer) -> None:
    for item in items:
        item.title = math_to_text(item.title, renderer)
        _plain_toc(item.children, renderer)


@event_priority(-100)  # last, so that anything reading the TeX in the HTML sees it first
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:  # noqa: ARG001
    """Render the page's math; a KaTeX error or unconverted TeX fails the build."""
    renderer = _state.renderer
    if renderer is None:
        raise PluginError("the KaTeX hook was not started (on_startup did not run)")
    try:
        html = render_arithmatex(
            html, renderer, page=page.file.src_uri, source=page.file.content_string
        )
        if page.title:
            page.title = math_to_text(page.title, renderer)
        _plain_toc(page.toc.items, renderer)
    except (MathPageError, KatexError) as error:
        raise PluginError(str(error)) from None
    _compare_sections(page)
    return html


def _section_ids(items: list[AnchorLink]) -> list[str]:
    return [
        id_ for item in items for id_ in [item.id] * (item.level > 1) + _section_ids(item.children)
    ]


def _compare_sections(page: Page) -> None:
    """Keep an original page's section ids; check a translated page's against them."""
    path = page.file.src_uri
    if language_of(path) == DEFAULT_LANGUAGE:
        _state.sections[path] = _section_ids(page.toc.items)
        return
    original = _state.sections.get(edition(path, DEFAULT_LANGUAGE))
    if original is not None:  # else the page is missing, which on_pre_build reports
        found = _section_ids(page.toc.items)
        for error in section_errors(path, page.file.content_string, original, found):
            log.error(error)


# Material's search dialog has role="dialog" but no accessible name (axe: aria-dialog-name).
_SEARCH_DIALOG = 'class="md-search" data-md-component="search" role="dialog"'


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:  # noqa: ARG001
    """Name Material's search dialog; a translated page searches its own edition's index."""
    output = without_head_alternates(output)
    if _SEARCH_DIALOG not in output:
        raise PluginError(f"{page.file.src_uri}: Material's search dialog markup has changed")
    language = language_of(page.file.src_uri)
    output = output.replace(
        _SEARCH_DIALOG, f'{_SEARCH_DIALOG} aria-label="{SEARCH_LABELS[language]}"', 1
    )
    return output if language == DEFAULT_LANGUAGE else edition_base(output, f"{language}/")


@event_priority(-110)  # after the i18n plugin (-100) has built Chinese and merged the indexes
def on_post_build(*, config: MkDocsConfig) -> None:
    """Copy KaTeX's and the site's stylesheets into the site; give each edition its index."""
    copy_katex_assets(Path(config.site_dir))
    shutil.copytree(_ASSETS, Path(config.site_dir) / "assets", dirs_exist_ok=True)
    write_notebooks(Path(config.site_dir), _state.notebooks)
    for language in TRANSLATIONS:
        split_search_index(Path(config.site_dir), f"{language}/")
    try:
        formulas()  # every registered formula checked (by the warm-up, as a rule)
    except ValueError as error:
        raise PluginError(f"a registered formula does not check: {error}") from None


def on_shutdown() -> None:
    """Stop the Node process and the warm-up."""
    if _state.renderer is not None:
        _state.renderer.close()
    if _state.warmup is not None:
        _state.warmup.terminate()
        _state.warmup.wait()
    filled_by(None)
