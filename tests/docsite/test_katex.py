"""Server-side KaTeX: every formula becomes HTML at build time, and bad TeX fails the build."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import markdown
import pytest

from docsite.katex import KatexError, KatexRenderer, KatexUnavailableError
from docsite.katex_assets import KATEX_CSS, copy_katex_assets
from docsite.math_html import MathPageError, math_to_text, render_arithmatex

if TYPE_CHECKING:
    from collections.abc import Iterator

KL = r"D_{\mathrm{KL}}(P \,\|\, Q) = \sum_x P(x) \log \frac{P(x)}{Q(x)}"
ALIGN = r"""\begin{align*}
D_{\mathrm{KL}}(P \,\|\, Q) &= H(P, Q) - H(P) \\
&= \sum_x P(x) \log \frac{P(x)}{Q(x)}
\end{align*}"""


@pytest.fixture(scope="module")
def katex() -> Iterator[KatexRenderer]:
    with KatexRenderer() as renderer:
        yield renderer


def arithmatex(text: str) -> str:
    """Convert Markdown as the site does: arithmatex in generic mode, fenced code."""
    return str(
        markdown.markdown(
            text,
            extensions=["pymdownx.arithmatex", "pymdownx.superfences"],
            extension_configs={"pymdownx.arithmatex": {"generic": True}},
        )
    )


# -- KatexRenderer ----------------------------------------------------------------------------


def test_inline_math_renders_to_html_with_mathml(katex: KatexRenderer) -> None:
    html = katex.render(r"p_i^2", display=False)
    assert html.startswith('<span class="katex"><span class="katex-mathml"><math')
    assert '<annotation encoding="application/x-tex">p_i^2</annotation>' in html
    assert 'class="katex-html"' in html
    assert "katex-display" not in html


def test_display_math_renders_as_a_display_block(katex: KatexRenderer) -> None:
    html = katex.render(KL, display=True)
    assert html.startswith('<span class="katex-display">')
    assert 'display="block"' in html


def test_align_star_renders_in_display_mode(katex: KatexRenderer) -> None:
    html = katex.render(ALIGN, display=True)
    assert html.startswith('<span class="katex-display">')
    assert "<mtable" in html  # the MathML keeps the rows and columns


def test_align_star_is_an_error_inline(katex: KatexRenderer) -> None:
    with pytest.raises(KatexError, match=r"\{align\*\} can be used only in display mode"):
        katex.render(ALIGN, display=False)


@pytest.mark.parametrize(
    ("tex", "message"),
    [
        (r"\frac{1}{", r"^KaTeX parse error: Unexpected end of input in a macro argument"),
        (r"\lgo x", r"^KaTeX parse error: Undefined control sequence: \\lgo at position 1"),
    ],
)
def test_latex_error_raises_katex_error_with_katex_message(
    katex: KatexRenderer, tex: str, message: str
) -> None:
    with pytest.raises(KatexError, match=message) as caught:
        katex.render(tex, display=False)
    assert caught.value.tex == tex
    assert "\u0332" not in str(caught.value)  # KaTeX's combining underlines are removed


@pytest.mark.parametrize(
    ("tex", "code"),
    [
        ("H = 交叉熵", "unicodeTextInMathMode"),  # CJK outside \text{}
        (r"\mathrm{交叉熵}", "unicodeTextInMathMode"),
        ("‖x‖", "unknownSymbol"),  # write \|x\|
        (r"\text{α}", "unknownSymbol"),  # write \alpha in math mode
    ],
)
def test_strict_mode_makes_nonstandard_latex_an_error(
    katex: KatexRenderer, tex: str, code: str
) -> None:
    with pytest.raises(KatexError, match=rf"strict mode is set to 'error'.*\[{code}\]"):
        katex.render(tex, display=False)


@pytest.mark.parametrize(
    "tex", [r"\href{https://example.org}{x}", r"\url{a}", r"\includegraphics{a}"]
)
def test_links_and_images_in_math_are_errors_not_red_text(katex: KatexRenderer, tex: str) -> None:
    command = tex.split("{", 1)[0]
    with pytest.raises(
        KatexError, match=rf"^KaTeX parse error: {re.escape(command)} is not allowed"
    ):
        katex.render(tex, display=False)


def test_cjk_inside_text_renders_under_strict_mode(katex: KatexRenderer) -> None:
    html = katex.render(r"H(P, Q) = \text{交叉熵}", display=True)
    assert "<mtext>交叉熵</mtext>" in html


def test_render_many_answers_in_order_with_errors_returned(katex: KatexRenderer) -> None:
    items = [(KL, True), (r"\lgo", False), ("x^2", False), (KL, True), (r"\frac{1}{", True)]
    results = katex.render_many(items)
    assert [type(result) for result in results] == [str, KatexError, str, str, KatexError]
    assert results[0] == results[3] == katex.render(KL, display=True)
    assert results[2] == katex.render("x^2", display=False)
    assert isinstance(results[1], KatexError)
    assert "\\lgo" in str(results[1])


def test_display_and_inline_renderings_are_cached_separately(katex: KatexRenderer) -> None:
    assert katex.render("x", display=True) != katex.render("x", display=False)


def test_disk_cache_serves_a_new_renderer_without_starting_node(tmp_path: Path) -> None:
    with KatexRenderer(cache_dir=tmp_path) as first:
        expected = first.render_many([(KL, True), ("x^2", False)])
    assert len(list(tmp_path.glob("*.html"))) == 2
    second = KatexRenderer(cache_dir=tmp_path)
    assert second.render_many([(KL, True), ("x^2", False)]) == expected
    assert second._process is None


def test_renderer_restarts_after_close() -> None:
    renderer = KatexRenderer()
    renderer.close()
    with renderer:
        assert renderer.render("1", display=False).startswith('<span class="katex">')
    assert renderer.render("2", display=False).startswith('<span class="katex">')
    renderer.close()


def test_missing_katex_package_says_to_run_npm_ci(tmp_path: Path) -> None:
    with pytest.raises(KatexUnavailableError, match=r"not installed.*`npm ci`"):
        KatexRenderer(root=tmp_path)


def test_missing_node_is_named() -> None:
    with pytest.raises(KatexUnavailableError, match=r"cannot find Node \('no-such-node'\)"):
        KatexRenderer(node="no-such-node")


def test_renderer_that_cannot_start_is_reported() -> None:
    with pytest.raises(KatexUnavailableError, match=r"the KaTeX renderer did not start"):
        KatexRenderer(node="false").start()


@pytest.mark.parametrize(
    ("behaviour", "message"),
    [("exit 3", r"failed: it stopped"), ("echo garbage", r"failed: unexpected answer b'garbage")],
)
def test_renderer_that_fails_midway_is_reported(
    tmp_path: Path, behaviour: str, message: str
) -> None:
    version = KatexRenderer().katex_version
    fake_node = tmp_path / "node"
    fake_node.write_text(
        f'#!/bin/sh\necho \'{{"ready": true, "katex": "{version}"}}\'\n{behaviour}\n'
    )
    fake_node.chmod(0o755)
    renderer = KatexRenderer(node=str(fake_node))
    with pytest.raises(KatexUnavailableError, match=message):
        renderer.render_many([(KL, True)] * 2000)
    renderer.close()


# -- render_arithmatex ------------------------------------------------------------------------

PAGE = r"""# Relative entropy

For $p_i < q_i$ and \(x \in \mathcal{X}\), with $a \& b$:

$$
D_{\mathrm{KL}}(P \,\|\, Q) = \sum_x P(x) \log \frac{P(x)}{Q(x)}
$$

\begin{align*}
H(P, Q) &= -\sum_x P(x) \log Q(x) \\
&= H(P) + D_{\mathrm{KL}}(P \,\|\, Q)
\end{align*}

交叉熵 $H(P, Q) = \text{交叉熵}$。

Code keeps its dollars: `$x$`, `\(y\)`, `$$`.

```latex
$$ \frac{1}{2} $$ \[ z \] \begin{align*} \end{align*}
```
"""


def test_render_arithmatex_replaces_every_formula(katex: KatexRenderer) -> None:
    html = arithmatex(PAGE)
    assert html.count('class="arithmatex"') == 6
    rendered = render_arithmatex(html, katex, page="kl-divergence.md", source=PAGE)
    assert rendered.count('<span class="arithmatex"><span class="katex">') == 4
    # Display math may scroll sideways, so it can take the keyboard focus.
    assert rendered.count('<div class="arithmatex" tabindex="0"><span class="katex-display">') == 2
    # The TeX was unescaped before KaTeX saw it: the MathML holds <, & as characters.
    assert "<mo>&lt;</mo>" in rendered
    assert '<mi mathvariant="normal">&amp;</mi>' in rendered
    assert "<mtext>交叉熵</mtext>" in rendered
    # Only the code keeps TeX delimiters.
    outside_code = re.sub(r"<code>.*?</code>", "", rendered, flags=re.DOTALL)
    assert not re.search(r"\\[(\[]|\$", re.sub(r"<annotation.*?</annotation>", "", outside_code))


def test_render_arithmatex_leaves_a_page_without_math_unchanged(katex: KatexRenderer) -> None:
    source = "Costs $5 and $6, paid in `$`.\n"
    html = arithmatex(source)
    assert render_arithmatex(html, katex, page="index.md", source=source) == html


def test_katex_error_names_page_and_line(katex: KatexRenderer) -> None:
    source = PAGE.replace(r"\log \frac{P(x)}", r"\lgo \frac{P(x)}")
    expected = r"^kl-divergence\.md:6: KaTeX parse error: Undefined control sequence: \\lgo"
    with pytest.raises(MathPageError, match=expected) as caught:
        render_arithmatex(arithmatex(source), katex, page="kl-divergence.md", source=source)
    assert caught.value.page == "kl-divergence.md"
    assert len(caught.value.problems) == 1


def test_every_bad_formula_on_a_page_is_reported(katex: KatexRenderer) -> None:
    source = "One $\\lgo x$.\n\nTwo:\n\n$$\n\\frac{1}{\n$$\n\n- list\n\n    $x^{$\n"
    with pytest.raises(MathPageError, match=r"^zh/a\.md:1: KaTeX parse error") as caught:
        render_arithmatex(arithmatex(source), katex, page="zh/a.md", source=source)
    lines = [problem.split(": ", 1)[0] for problem in caught.value.problems]
    assert lines == ["zh/a.md:1", "zh/a.md:6", "zh/a.md:11"]


def test_line_is_unknown_when_the_formula_is_not_in_the_source(katex: KatexRenderer) -> None:
    with pytest.raises(MathPageError, match=r"^a\.md:\?: KaTeX parse error"):
        render_arithmatex(arithmatex(r"$\lgo$"), katex, page="a.md", source="generated")


@pytest.mark.parametrize(
    ("line", "leftover"),
    [
        (r"An escaped \\(x\\) stays TeX.", r"\(x\)"),
        (r"Double dollars $$y$$ inside a sentence.", r"$<math>$"),
        (r"Spaced dollars $ x^2 $ are not math.", r"$ x^2 $"),
        (r"Escaped \$x^2\$ dollars.", r"$x^2$"),
    ],
)
def test_tex_left_unconverted_is_refused(katex: KatexRenderer, line: str, leftover: str) -> None:
    source = f"# Title\n\nFine $x$.\n\n{line}\n"
    expected = rf"^b\.md:5: TeX not converted to math: {re.escape(leftover)} in “"
    with pytest.raises(MathPageError, match=expected):
        render_arithmatex(arithmatex(source), katex, page="b.md", source=source)


def test_mathml_copy_is_excluded_from_search_so_formulas_are_indexed_once(
    katex: KatexRenderer,
) -> None:
    rendered = render_arithmatex(arithmatex(PAGE), katex, page="a.md", source=PAGE)
    assert rendered.count('<span class="katex-mathml" data-search-exclude>') == 6
    assert rendered.count('<span class="katex-mathml">') == 0


# -- math_to_text -----------------------------------------------------------------------------


def test_title_math_becomes_plain_escaped_text(katex: KatexRenderer) -> None:
    title = r"Bound \(p_i &lt; q_i\) &amp; \(\text{交叉熵}\) for \(H(P, Q)\)"
    assert math_to_text(title, katex) == "Bound pi&lt;qi &amp; 交叉熵 for H(P,Q)"


def test_title_without_math_is_unchanged(katex: KatexRenderer) -> None:
    assert math_to_text("Costs $5 &amp; more", katex) == "Costs $5 &amp; more"


def test_title_with_bad_math_raises_katex_error(katex: KatexRenderer) -> None:
    with pytest.raises(KatexError, match=r"Undefined control sequence: \\lgo"):
        math_to_text(r"A \(\lgo x\)", katex)


# -- copy_katex_assets ------------------------------------------------------------------------


def test_copied_css_refers_only_to_copied_woff2_fonts(tmp_path: Path) -> None:
    assert copy_katex_assets(tmp_path) == [KATEX_CSS]
    css_file = tmp_path / KATEX_CSS
    css = css_file.read_text("utf-8")
    urls = re.findall(r"url\(\s*['\"]?([^'\")]+)", css)
    assert len(urls) == css.count("@font-face") > 10
    for url in urls:
        assert not re.match(r"(https?:)?//", url)
        assert url.endswith(".woff2")
        assert (css_file.parent / url).is_file()
    copied = {path.name for path in (css_file.parent / "fonts").iterdir()}
    assert copied == {Path(url).name for url in urls}
    assert "http" not in css.replace("http://www.w3.org", "")


def test_copying_assets_again_replaces_the_previous_copy(tmp_path: Path) -> None:
    copy_katex_assets(tmp_path)
    stale = tmp_path / "assets" / "katex" / "fonts" / "stale.woff"
    stale.write_bytes(b"")
    copy_katex_assets(tmp_path)
    assert not stale.exists()
