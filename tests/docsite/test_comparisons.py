"""Comparison words bound to the comparison they state (`docsite.comparisons`)."""

import pytest

from docsite.comparisons import COMPARISON_WORDS, OPPOSITES, sentences
from docsite.verify import verify_page

SETUP = "```python\nfrom xent import entropy\nH = entropy([0.5, 0.5])\nlow = H / 2\n```\n\n"


def errors(text: str, page: str = "p.md") -> list[str]:
    return verify_page(SETUP + text, page, cache_dir=None).errors()


@pytest.mark.parametrize(
    ("text", "page"),
    [
        ("H is 0.69315{= H}, larger{= H > low} than 0.34657{= low}.", "p.md"),
        ("Half, 0.34657{= low}, is less{= low < H} than 0.69315{= H}.", "p.md"),
        ("Half, 0.34657{= low}, stays below{= low < H} 0.69315{= H}.", "p.md"),
        ("熵 0.69315{= H} 奈特，大于{= H > low} 0.34657{= low} 奈特。", "p.zh.md"),
        ("一半 0.34657{= low} 奈特，不到{= low < H} 0.69315{= H} 奈特。", "p.zh.md"),
        ("One number, 0.69315{= H}, and a larger model: nothing to bind.", "p.md"),
        ("熵 0.69315{= H} 奈特，比 0.34657{= low} 奈特大{= H > low}。", "p.zh.md"),
        ("熵 1{= H / log(2)} 比特，比例 0.34657{= low} 最大，高斯分布。", "p.zh.md"),
    ],
)
def test_a_comparison_word_bound_to_a_true_comparison_its_way_verifies(
    text: str, page: str
) -> None:
    assert errors(text, page) == []


@pytest.mark.parametrize(
    ("text", "page", "message"),
    [
        (
            "H is 0.69315{= H}, smaller{= H > low} than 0.34657{= low}.",
            "p.md",
            "'smaller' says <, but its binding {= H > low} compares with >",
        ),
        (
            "H is 0.69315{= H}, larger{= low > H} than 0.34657{= low}.",
            "p.md",
            "'larger' is bound to {= low > H}, which is false",
        ),
        (
            "H is 0.69315{= H}, larger{= H - low} than 0.34657{= low}.",
            "p.md",
            "'larger' must be bound to a comparison (a > b, a < b), not {= H - low}",
        ),
        (
            "H is 0.69315{= H}, larger{= H > 0.5} than a half, and 0.34657{= low}.",
            "p.md",
            "'larger' compares 0.5, which is no number of its sentence: bind it there",
        ),
        (
            "H is 0.69315{= H}. It is larger{= H > low / 1} than 0.34657{= low}.",
            "p.md",
            "'larger' compares low / 1, which is no number of its sentence",
        ),
        (
            "H is 0.69315{= H}, tall{= H > low} next to 0.34657{= low}.",
            "p.md",
            "follows no number, group of numbers or comparison word",
        ),
        (
            "H is 0.69315{= H}, larger than 0.34657{= low}.",
            "p.md",
            (
                "p.md:7: 'larger' compares bound numbers: bind it to the comparison it states, "
                "in the sentence's order: larger{= a > b}"
            ),
        ),
        (
            "熵 0.69315{= H} 奈特，小于{= H > low} 0.34657{= low} 奈特。",
            "p.zh.md",
            "'小于' says <, but its binding {= H > low} compares with >",
        ),
        (
            "熵 0.69315{= H} 奈特，低于 0.34657{= low} 奈特。",
            "p.zh.md",
            "'低于' compares bound numbers",
        ),
        (
            "熵 0.69315{= H} 奈特，比 0.34657{= low} 奈特小{= H > low}。",
            "p.zh.md",
            "'小' says <, but its binding {= H > low} compares with >",
        ),
        (
            "熵 0.69315{= H} 奈特，比 0.34657{= low} 奈特大。",
            "p.zh.md",
            "'大' compares bound numbers",
        ),
    ],
)
def test_a_flipped_false_or_unbound_comparison_word_is_an_error(
    text: str, page: str, message: str
) -> None:
    assert any(message in error for error in errors(text, page)), errors(text, page)


@pytest.mark.parametrize("language", sorted(COMPARISON_WORDS))
def test_every_comparison_word_has_an_opposite_of_the_other_direction(language: str) -> None:
    words = COMPARISON_WORDS[language]
    assert all(words[OPPOSITES[word]] != direction for word, direction in words.items())


def test_sentences_end_at_full_stops_in_both_languages_but_not_at_decimal_points() -> None:
    text = "It is 0.5 nats. Then 1.5 bits! 熵是一比特。交叉熵更大\n\nNew paragraph"
    assert [text[start:end] for start, end in sentences(text)] == [
        "It is 0.5 nats.",
        "Then 1.5 bits!",
        "熵是一比特。",
        "交叉熵更大",
        "New paragraph",
    ]
