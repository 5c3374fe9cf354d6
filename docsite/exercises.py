r"""Exercises: numbered questions, answer boxes that check a reader's answer, folded solutions.

An exercise is an admonition of the type ``exercise``, and its solution a folded one of the
type ``solution`` inside it::

    !!! exercise "Compute: the weather code"

        What is the mean length of a codeword? {answer 1.75{= entropy(P, base="bits")} bits}

        ??? solution

            The lengths weighted by the probabilities: ...

The build numbers the exercises of a page and words them in its language ("Exercise 1 ·
Compute: the weather code", "练习 1 · ..."), with Material's look for questions and folded
successes (`exercise_admonitions`). Everything inside is verified like the rest of the page.

An answer box is written where the exercise asks its question::

    {answer 1.75{= entropy(P, base="bits")} bits}
    {answer 0.32{= kl_divergence(P, Q)} nats | Which distribution weights the sum?}

The number is bound like any other number on the page, so the verifier checks it against
``xent`` at the precision written (and the mutation test changes its digits); then the words up
to ``|`` are the unit shown after the box, and the rest is a hint for a wrong answer. The box
compares what the reader types with the value the build computed (not the rounded one
written), to within `RELATIVE_TOLERANCE` of it (`ABSOLUTE_TOLERANCE` for an answer of
zero). The box is plain HTML, hidden until ``answers.js`` has run: without JavaScript the
page reads as before, with its solutions folded under each exercise.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from docsite.numbers import NUMBER

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "ABSOLUTE_TOLERANCE",
    "ANSWER",
    "ANSWER_OPENING",
    "RELATIVE_TOLERANCE",
    "answer_boxes",
    "exercise_admonitions",
]

#: An answer counts as correct within this fraction of the value the build computed...
RELATIVE_TOLERANCE = 5e-3
#: ...or within this distance of it, whichever is larger: it only matters for an answer of
#: zero (a divergence of a distribution from itself), so it is far below any answer asked.
ABSOLUTE_TOLERANCE = 1e-12

#: Where an answer box starts: its number follows.
ANSWER_OPENING = re.compile(r"\{answer[ \t]+")
#: An answer box once its binding is stripped: number, unit, and an optional hint.
ANSWER = re.compile(
    r"\{answer[ \t]+(?P<number>" + NUMBER.pattern + r")"
    r"(?P<unit>[^{}|$\n]*?)[ \t]*(?:\|[ \t]*(?P<hint>[^{}$\n]*?)[ \t]*)?\}"
)

#: ``!!! exercise "Title"`` and ``??? solution``, with their indent.
_EXERCISE = re.compile(
    r'^(?P<indent>[ \t]*)!!![ \t]+exercise[ \t]+"(?P<title>[^"\n]*)"[ \t]*$', re.MULTILINE
)
_SOLUTION = re.compile(r"^(?P<indent>[ \t]*)\?\?\?[ \t]+solution[ \t]*$", re.MULTILINE)

#: The words of a box, in each language of the site.
WORDS = {
    "en": {
        "exercise": "Exercise {number} · {title}",
        "solution": "Solution",
        "label": "Your answer",
        "check": "Check",
        "tolerance": "within {percent}",
        "correct": "Correct: the answer is {answer}.",
        "wrong": "Not yet.",
        "unreadable": "Type a number, such as 0.25, 1/4 or 2.5e-3.",
        "sign": "Check the sign.",
        "base": "This is off by a factor of ln 2: check the base of the logarithm.",
        "percent": "This is off by a factor of a hundred: a fraction, not a percentage.",
        "hint": "The solution below shows the way.",
    },
    "zh": {
        "exercise": "练习 {number} · {title}",
        "solution": "解答",
        "label": "你的答案",
        "check": "检查",
        "tolerance": "误差在 {percent} 以内",
        "correct": "正确：答案是 {answer}。",
        "wrong": "还不对。",
        "unreadable": "请输入一个数，例如 0.25、1/4 或 2.5e-3。",
        "sign": "检查一下正负号。",
        "base": "差了一个 ln 2 的因子：检查对数的底。",
        "percent": "差了一百倍：要的是小数，不是百分数。",
        "hint": "下面的解答给出了做法。",
    },
}


def _percent(fraction: float) -> str:
    return f"{fraction * 100:g}%"


#: The words the script says, passed to it on each box.
_SAID = ("correct", "wrong", "unreadable", "sign", "base", "percent")


def exercise_admonitions(markdown: str, language: str) -> str:
    r"""Return the page with its exercises numbered and its solutions titled, in ``language``.

    Examples
    --------
    >>> page = '!!! exercise "Compute"\n    Q?\n\n    ??? solution\n        A.\n'
    >>> page += '!!! exercise "Reason"'
    >>> print(exercise_admonitions(page, "en"))
    !!! question exercise "Exercise 1 · Compute"
        Q?
    <BLANKLINE>
        ??? success solution "Solution"
            A.
    !!! question exercise "Exercise 2 · Reason"
    """
    words = WORDS[language]
    count = iter(range(1, 1000))

    def exercise(match: re.Match[str]) -> str:
        title = words["exercise"].format(number=next(count), title=match["title"])
        return f'{match["indent"]}!!! question exercise "{title}"'

    markdown = _EXERCISE.sub(exercise, markdown)
    return _SOLUTION.sub(
        lambda m: f'{m["indent"]}??? success solution "{words["solution"]}"', markdown
    )


def _box(match: re.Match[str], value: float, language: str) -> str:
    words = WORDS[language]
    unit = match["unit"].strip()
    hint = (match["hint"] or "").strip() or words["hint"]
    attributes = {
        "class": "xent-answer",
        "data-answer": repr(value),
        "data-written": match["number"],
        "data-relative-tolerance": repr(RELATIVE_TOLERANCE),
        "data-absolute-tolerance": repr(ABSOLUTE_TOLERANCE),
        "data-hint": hint,
        **{f"data-say-{key}": words[key] for key in _SAID},
    }
    opening = " ".join(f'{name}="{html.escape(text)}"' for name, text in attributes.items())
    tolerance = words["tolerance"].format(percent=f"{RELATIVE_TOLERANCE * 100:g}%")
    unit_text = f" {html.escape(unit)}" if unit else ""
    # No element inside has the box's tag: Material's search mishandles nested elements of
    # the tag that carries data-search-exclude (the box's words are not the page's text).
    return (
        f"<span {opening} data-search-exclude hidden>"
        f"<label>{words['label']} "
        '<input type="text" inputmode="decimal" autocomplete="off" spellcheck="false" '
        f'size="10">{unit_text}</label> '
        f'<button type="button" class="md-button">{words["check"]}</button> '
        f"<small>({tolerance})</small> "
        '<output aria-live="polite"></output>'
        "</span>"
    )


def answer_boxes(markdown: str, values: Sequence[float], language: str) -> str:
    """Replace each answer box (bindings stripped) by its HTML, checking against ``values``.

    ``values`` are the answers as the build computed them, one per box in page order (the
    verifier's ``Report.answers``); the box compares a reader's answer with the full value, and
    shows the written one.

    Examples
    --------
    >>> box = answer_boxes("{answer 1.75 bits}", [1.75], "en")
    >>> box.startswith('<span class="xent-answer" data-answer="1.75"'), "> bits</label>" in box
    (True, True)
    >>> 'data-hint="Add the bits."' in answer_boxes("{answer 2 bits | Add the bits.}", [2.0], "en")
    True
    """
    boxes = list(ANSWER.finditer(markdown))
    if len(boxes) != len(values):
        raise ValueError(f"{len(boxes)} answer boxes but {len(values)} computed answers")
    for match, value in zip(reversed(boxes), reversed(values), strict=True):
        markdown = (
            markdown[: match.start()] + _box(match, value, language) + markdown[match.end() :]
        )
    return markdown
