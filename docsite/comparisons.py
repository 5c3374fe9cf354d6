"""Comparison words in prose, bound to the comparison they state: ``larger{= H_PQ > H_P}``.

A sentence that compares two computed numbers says which is larger in a word, and the word is
a claim like the numbers are: the page binds it to the comparison, written in the sentence's
order, and the verifier checks that the comparison holds and that the word goes the same
way (``larger``, ``more``, ``above``, 大于, 高于... for ``>``; ``smaller``, ``less``, 低于,
不到... for ``<``). In a sentence with two or more bound numbers every comparison word must be
bound, so a flipped word cannot pass unseen.
"""

from __future__ import annotations

import ast
import re
from typing import Final

__all__ = [
    "COMPARISON_WORDS",
    "OPPOSITES",
    "comparison_problem",
    "sentences",
    "unbound_comparisons",
    "word_before",
]

#: Each comparison word, by language, and the direction it states.
COMPARISON_WORDS: Final[dict[str, dict[str, str]]] = {
    "en": {
        **dict.fromkeys(
            [
                "larger",
                "greater",
                "higher",
                "more",
                "bigger",
                "longer",
                "above",
                "exceeds",
                "exceed",
            ],
            ">",
        ),
        **dict.fromkeys(["smaller", "less", "lower", "fewer", "shorter", "below"], "<"),
    },
    "zh": {
        **dict.fromkeys(["大于", "高于", "多于", "超过", "更大", "更高", "更多", "更长"], ">"),
        **dict.fromkeys(["小于", "低于", "少于", "不到", "更小", "更低", "更少", "更短"], "<"),
        # the adjective of a 比 sentence: "A 比 B 大" (A is larger than B)
        **dict.fromkeys(["大", "高", "多", "长"], ">"),
        **dict.fromkeys(["小", "低", "少", "短"], "<"),
    },
}
#: A word of the other direction for each comparison word (the mutation test's flip).
OPPOSITES: Final[dict[str, str]] = {
    "larger": "smaller", "greater": "less", "higher": "lower", "more": "less",
    "bigger": "smaller", "longer": "shorter", "above": "below", "exceeds": "below",
    "exceed": "below",
    "smaller": "larger", "less": "more", "lower": "higher", "fewer": "more",
    "shorter": "longer", "below": "above",
    "大于": "小于", "高于": "低于", "多于": "少于", "超过": "不到", "更大": "更小",
    "更高": "更低", "更多": "更少", "更长": "更短", "小于": "大于", "低于": "高于",
    "少于": "多于", "不到": "超过", "更小": "更大", "更低": "更高", "更少": "更多",
    "更短": "更长", "大": "小", "高": "低", "多": "少", "长": "短", "小": "大", "低": "高",
    "少": "多", "短": "长",
}  # fmt: skip
#: A Chinese comparison with 比 ("A 比 B 大"), up to its adjective; 比特, 比例, 比较, 相比...
#: are other words, and so are 最大, 最小 and 高斯 on the way.
_COMPARATIVE: Final = re.compile(
    r"(?<![对相])比(?![特例较值率如])[^，。；：！？\n]{0,80}?(?<!最)(?P<word>[大高多长小低少短])(?!斯)"
)
_DIRECTIONS: Final = {ast.Gt: ">", ast.GtE: ">", ast.Lt: "<", ast.LtE: "<"}
#: A sentence ends at . ! ? ; followed by a space, at 。！？；, at a blank line, and at the end
#: of each row of a table.
_SENTENCE_END: Final = re.compile(
    r"(?<=[.!?;])\s+(?=\S)|(?<=[。！？；])|\n[ \t]*\n|(?<=\|)[ \t]*\n"
)


def _word_pattern(language: str) -> re.Pattern[str]:
    words = sorted((w for w in COMPARISON_WORDS[language] if len(w) > 1), key=len, reverse=True)
    if language == "zh":
        return re.compile("|".join(words))
    return re.compile(r"\b(?:" + "|".join(words) + r")\b")


_WORDS: Final = {language: _word_pattern(language) for language in COMPARISON_WORDS}


def _words(prose: str, start: int, end: int, language: str) -> list[tuple[int, int, str]]:
    """Return each comparison word between ``start`` and ``end``: (start, end, word)."""
    found = [(m.start(), m.end(), m.group(0)) for m in _WORDS[language].finditer(prose, start, end)]
    if language == "zh":
        comparatives = _COMPARATIVE.finditer(prose, start, end)
        found += [(m.start("word"), m.end("word"), m["word"]) for m in comparatives]
    return sorted(found)


def word_before(prose: str, position: int, language: str) -> tuple[int, int, str] | None:
    """Return the comparison word that ends right at ``position``: (start, end, word), or None.

    Examples
    --------
    >>> word_before("H(P, Q) is larger", 17, "en"), word_before("a tall", 6, "en")
    ((11, 17, 'larger'), None)
    >>> word_before("交叉熵大于", 5, "zh"), word_before("交叉熵比熵大", 6, "zh")
    ((3, 5, '大于'), (5, 6, '大'))
    >>> word_before("最大", 2, "zh") is None
    True
    """
    clause = max(prose.rfind(mark, 0, position) for mark in "，。；：！？\n") + 1
    start = max(clause, position - 100)
    return next((w for w in _words(prose, start, position, language) if w[1] == position), None)


def comparison_problem(
    word: str, expression: str, value: list[float], language: str, shown: list[str]
) -> str | None:
    """Say what is wrong with ``word{= expression}``, whose expression gave ``value``.

    ``shown`` holds the expressions of the numbers bound in the word's sentence. Each side of
    the comparison is one of them, or an expression without a digit (``H_PQ``): a number the
    reader does not see could change without the comparison changing. None means nothing is
    wrong.

    Examples
    --------
    >>> comparison_problem("larger", "a > b", [1.0], "en", []) is None
    True
    >>> comparison_problem("smaller", "a > b", [1.0], "en", [])
    "'smaller' says <, but its binding {= a > b} compares with >"
    >>> comparison_problem("larger", "a > b", [0.0], "en", [])
    "'larger' is bound to {= a > b}, which is false"
    >>> comparison_problem("larger", "h(2) > h(1)", [1.0], "en", ["h(2)", "h( 1 )"]) is None
    True
    >>> comparison_problem("larger", "h(2) > 1", [1.0], "en", ["h(2)"])
    "'larger' compares 1, which is no number of its sentence: bind it there, and compare that"
    """
    direction = COMPARISON_WORDS[language].get(word)
    if direction is None:
        return f"{{= {expression}}} follows {word!r}, which is no number and no comparison word"
    try:
        tree = ast.parse(expression, mode="eval").body
    except SyntaxError:
        tree = None
    if not isinstance(tree, ast.Compare) or not all(type(op) in _DIRECTIONS for op in tree.ops):
        return f"{word!r} must be bound to a comparison (a > b, a < b), not {{= {expression}}}"
    stated = {_DIRECTIONS[type(op)] for op in tree.ops}
    if stated != {direction}:
        binding = f"{{= {expression}}}"
        return f"{word!r} says {direction}, but its binding {binding} compares with {stated.pop()}"
    if value != [1.0]:
        return f"{word!r} is bound to {{= {expression}}}, which is false"
    numbers = {_normal(text) for text in shown}
    for side in [tree.left, *tree.comparators]:
        if re.search(r"\d", ast.unparse(side)) and ast.unparse(side) not in numbers:
            return (
                f"{word!r} compares {ast.unparse(side)}, which is no number of its sentence: "
                "bind it there, and compare that"
            )
    return None


def _normal(expression: str) -> str:
    """Return the expression as Python writes it back: ``h( 1 )`` -> ``h(1)``."""
    try:
        return ast.unparse(ast.parse(expression, mode="eval"))
    except SyntaxError:
        return expression


def sentences(prose: str) -> list[tuple[int, int]]:
    """Return the (start, end) of each sentence of the prose.

    Examples
    --------
    >>> text = "It is 0.5 nats. 熵是一比特。Next"
    >>> [text[s:e] for s, e in sentences(text)]
    ['It is 0.5 nats.', '熵是一比特。', 'Next']
    """
    bounds, start = [], 0
    for end in _SENTENCE_END.finditer(prose):
        bounds.append((start, end.start()))
        start = end.end()
    bounds.append((start, len(prose)))
    return [(s, e) for s, e in bounds if prose[s:e].strip()]


def unbound_comparisons(
    prose: str,
    bounds: list[tuple[int, int]],
    bindings: list[tuple[int, int]],
    language: str,
) -> list[tuple[int, int, str]]:
    """Return the comparison words without a binding, in sentences with two or more bound numbers.

    ``bounds`` are the prose's sentences (`sentences`); ``bindings`` gives the (start, end) of
    each ``{= ...}`` in the prose; a word is bound when a binding starts right after it.
    """
    starts = {start for start, _ in bindings}
    found = []
    for start, end in bounds:
        inside = [b for b in bindings if start <= b[0] < end]
        numbers = [b for b in inside if not _after_word(prose, b[0], language)]
        if len(numbers) < 2:  # a comparison between two computed numbers
            continue
        found += [w for w in _words(prose, start, end, language) if w[1] not in starts]
    return found


def _after_word(prose: str, position: int, language: str) -> bool:
    return word_before(prose, position, language) is not None
