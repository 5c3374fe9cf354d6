"""Exercises: on every teaching page in every edition, with solutions and verified answer boxes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from docsite.editions import TRANSLATIONS, edition
from docsite.exercises import (
    ABSOLUTE_TOLERANCE,
    RELATIVE_TOLERANCE,
    WORDS,
    answer_boxes,
    exercise_admonitions,
)
from docsite.verify import BINDING, verify_page

DOCS = Path(__file__).parents[2] / "docs"
#: The pages that teach; the reference pages (API, glossary, notes on the sources) do not.
TEACHING = sorted(
    path.name
    for path in DOCS.glob("*.md")
    if path.name.count(".") == 1 and path.stem not in {"api", "glossary", "sources"}
)
EDITIONS = [edition(page, language) for page in TEACHING for language in ("en", *TRANSLATIONS)]

_EXERCISE = re.compile(r'^[ \t]*!!![ \t]+exercise[ \t]+"(?P<title>[^"]*)"', re.MULTILINE)
_SOLUTION = re.compile(r"^(?P<indent>[ \t]*)\?\?\?[ \t]+solution[ \t]*$", re.MULTILINE)
_BOX = re.compile(r"\{answer[ \t]+[^{}\n]*?\{=[ \t]*(?P<expr>[^{}\n]+?)[ \t]*\}")
#: How a "find the error" exercise's title starts, in each language.
FIND_THE_ERROR = {"en": "Find the error", "zh": "找错"}


def _exercises(source: str) -> list[str]:
    """Each exercise's text, from its admonition line to the next exercise or heading."""
    starts = [m.start() for m in _EXERCISE.finditer(source)]
    ends = [*starts[1:], len(source)]
    return [
        re.split(r"^#", source[s:e], maxsplit=1, flags=re.MULTILINE)[0]
        for s, e in zip(starts, ends, strict=True)
    ]


@pytest.mark.parametrize("page", EDITIONS)
def test_every_teaching_page_has_three_to_six_exercises_each_with_a_solution(page: str) -> None:
    source = (DOCS / page).read_text("utf-8")
    exercises = _exercises(source)
    assert 3 <= len(exercises) <= 6, f"{page}: {len(exercises)} exercises"
    for text in exercises:
        title = _EXERCISE.match(text)
        assert title is not None
        solutions = _SOLUTION.findall(text)
        assert len(solutions) == 1, f"{page}: {title['title']!r} has {len(solutions)} solutions"
        assert solutions[0] == "    ", f"{page}: {title['title']!r}: the solution is not inside it"


@pytest.mark.parametrize("page", EDITIONS)
def test_every_teaching_page_has_a_find_the_error_exercise(page: str) -> None:
    language = page.split(".")[1] if page.count(".") == 2 else "en"
    titles = [m["title"] for m in _EXERCISE.finditer((DOCS / page).read_text("utf-8"))]
    assert any(t.startswith(FIND_THE_ERROR[language]) for t in titles), f"{page}: {titles}"


@pytest.mark.parametrize("page", TEACHING)
@pytest.mark.parametrize("language", TRANSLATIONS)
def test_every_edition_asks_the_same_exercises_with_the_same_answers(
    page: str, language: str
) -> None:
    original = (DOCS / page).read_text("utf-8")
    translated = (DOCS / edition(page, language)).read_text("utf-8")
    assert len(_exercises(translated)) == len(_exercises(original))
    assert _BOX.findall(translated) == _BOX.findall(original)


def test_answers_are_computed_in_page_order() -> None:
    source = "One {answer 1.5{= 3 / 2} tosses}, two {answer 2{= entropy([0.25] * 4, base=2)} bits}."
    report = verify_page(source, "demo.md", cache_dir=None)
    assert report.errors() == []
    assert report.answers == [1.5, 2.0]


@pytest.mark.parametrize(
    ("source", "problem"),
    [
        ("{answer 1.6{= 3 / 2} bits}", "1.6 is written, but the build computes 1.5"),
        ("{answer bits}", "an answer box needs one number bound to its value"),
        ("{answer 1.5 bits}", "1.5 is not accounted for"),
        ("{answer (1.5, 2.0){= [1.5, 2.0]} bits}", "binding must give one number"),
        ("{answer 1.5{= 3 / 2} bits | Divide by $\\frac{1}{n}$.}", "may not hold braces or math"),
        ("{answer 1.5{= 3 / 2} bits | Mind $x$.}", "may not hold braces or math"),
    ],
)
def test_a_wrong_or_unbound_answer_fails_verification(source: str, problem: str) -> None:
    errors = verify_page(source, "demo.md", cache_dir=None).errors()
    assert any(problem in error for error in errors), errors


def test_the_box_holds_the_computed_value_and_escapes_its_words() -> None:
    html = answer_boxes('{answer 0.33 nats | Is it "P" or <Q>?}', [1 / 3], "en")
    assert 'data-answer="0.3333333333333333"' in html
    assert 'data-written="0.33"' in html
    assert 'data-hint="Is it &quot;P&quot; or &lt;Q&gt;?"' in html
    assert f'data-relative-tolerance="{RELATIVE_TOLERANCE!r}"' in html
    assert f'data-absolute-tolerance="{ABSOLUTE_TOLERANCE!r}"' in html
    assert "<Q>" not in html


def test_a_box_count_that_differs_from_the_answers_is_an_error() -> None:
    with pytest.raises(ValueError, match="2 answer boxes but 1 computed answers"):
        answer_boxes("{answer 1 bits} {answer 2 bits}", [1.0], "en")


@pytest.mark.parametrize("language", WORDS)
def test_exercises_are_numbered_in_the_pages_language(language: str) -> None:
    page = '!!! exercise "A"\n\n    ??? solution\n\n!!! exercise "B"\n'
    shown = exercise_admonitions(page, language)
    first = WORDS[language]["exercise"].format(number=1, title="A")
    second = WORDS[language]["exercise"].format(number=2, title="B")
    assert f'!!! question exercise "{first}"' in shown
    assert f'!!! question exercise "{second}"' in shown
    assert f'??? success solution "{WORDS[language]["solution"]}"' in shown


def test_every_language_of_the_site_has_the_words_of_a_box() -> None:
    assert set(WORDS) == {"en", *TRANSLATIONS}
    assert all(WORDS[language].keys() == WORDS["en"].keys() for language in WORDS)


def test_a_binding_inside_a_box_is_an_ordinary_binding() -> None:
    match = BINDING.search("{answer 1.5{= 3 / 2} bits}")
    assert match is not None
    assert match["expr"] == "3 / 2"
