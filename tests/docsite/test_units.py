"""Tracing the unit of a bound number through the page's code (`docsite.units`)."""

import pytest

from docsite.units import PLAIN, UNKNOWN, Units
from docsite.verify import verify_page

CODE = """\
import math
import numpy as np
from xent import binary_cross_entropy, entropy, kl_divergence, log_softmax
P = [0.5, 0.25, 0.25]
H = entropy(P)
H_bits = entropy(P, base="bits")
BASE = "bits"
both = entropy(P), entropy(P, base=2)
nat_h, bit_h = both
for step in range(3):
    looped = entropy(P)


def in_bits(nats):
    return nats / math.log(2)


def total(p, base="nats"):
    def one(q):
        return entropy(q, base=base)

    return one(p) + one(p)
"""


@pytest.mark.parametrize(
    ("expression", "unit"),
    [
        ("entropy(P)", "nats"),
        ("entropy(P, base='bits')", "bits"),
        ("entropy(P, base=2)", "bits"),
        ("entropy(P, base=10)", "bans"),
        ("entropy(P, base='hartleys')", "bans"),
        ("entropy(P, base=math.e)", "nats"),
        ("entropy(P, base=BASE)", "bits"),
        ("H_bits", "bits"),
        ("H / math.log(2)", "bits"),
        ("H / np.log(10)", "bans"),
        ("H_bits * math.log(2)", "nats"),
        ("math.log(2) * H_bits", "nats"),
        ("-math.log2(0.25)", "bits"),
        ("math.log(0.25, 2)", "bits"),
        ("-np.log(0.25)", "nats"),
        ("-log_softmax([1.0, 2.0])[0]", "nats"),
        ("H + 1", "nats"),
        ("H_bits - entropy([1, 0], base='bits')", "bits"),
        ("3 * H", "nats"),
        ("H / 3", "nats"),
        ("sum(-math.log(q) for q in P)", "nats"),
        ("max(H, 0.1)", "nats"),
        ("float(H)", "nats"),
        ("nat_h", "nats"),
        ("bit_h", "bits"),
        ("in_bits(H)", "bits"),
        ("total(P)", "nats"),
        ("total(P, base='bits')", "bits"),
        ("binary_cross_entropy([1, 0], [0.9, 0.2], reduction='mean')", "nats"),
        ("kl_divergence(P, P, base='bits').item()", "bits"),
        ("H / H", PLAIN),
        ("math.exp(H)", PLAIN),
        ("2 ** H_bits", PLAIN),
        ("P[0]", PLAIN),
        ("0.5", PLAIN),
        ("H + H_bits", UNKNOWN),
        ("H * H", UNKNOWN),
        ("H_bits / math.log(2)", UNKNOWN),
        ("H / H_bits", UNKNOWN),
        ("1 / H", UNKNOWN),
        ("looped", UNKNOWN),
        ("undefined_name", UNKNOWN),
        ("entropy(P, base=undefined_name)", UNKNOWN),
        ("not python (", UNKNOWN),
    ],
)
def test_the_unit_of_an_expression_follows_the_base_it_was_computed_in(
    expression: str, unit: str
) -> None:
    units = Units()
    units.read("python", CODE)
    assert units.unit_of(expression) == unit


def test_pycon_examples_are_followed_like_python_code() -> None:
    units = Units()
    units.read("pycon", ">>> from xent import entropy\n>>> H = entropy([0.5, 0.5], base='bits')\n")
    assert units.unit_of("H") == "bits"


def test_a_name_assigned_again_takes_its_new_unit() -> None:
    units = Units()
    units.read("python", CODE)
    units.read("python", "H = math.exp(H)")
    assert units.unit_of("H") == PLAIN


def errors(text: str) -> list[str]:
    return verify_page(text, "p.md", cache_dir=None).errors()


@pytest.mark.parametrize(
    "text",
    [
        "One bit: 1{= entropy([0.5, 0.5], base='bits')} bit, or 0.69315{= log(2)} nats.",
        "Half a ban: 0.15051{= entropy([0.5, 0.5], base=10) / 2} bans.",
        "一比特是 0.69315{= entropy([0.5, 0.5])} 奈特。",
        "A 1{= entropy([0.5, 0.5], base='bits')}-bit question.",
        "A count, 3{= len([1, 2, 3])} bins, has no unit word to check.",
        "Not a unit: 3{= len([1, 2, 3])} bitsy things, 3{= len([1, 2, 3])} nathan.",
    ],
)
def test_a_unit_word_that_matches_the_trace_verifies(text: str) -> None:
    assert errors(text) == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "One bit: 1{= entropy([0.5, 0.5], base='bits')} nats.",
            "p.md:1: 1 is marked nats, but it is computed in bits",
        ),
        (
            "So 0.69315{= entropy([0.5, 0.5])} 比特。",
            "p.md:1: 0.69315 is marked 比特, but it is computed in nats",
        ),
        (
            "Across a line: 1{= entropy([0.5, 0.5], base='bits')}\n    nats.",
            "p.md:1: 1 is marked nats, but it is computed in bits",
        ),
        (
            "编码 0.69315{= entropy([0.5, 0.5])} 比特每符号。",
            "p.md:1: 0.69315 is marked 比特, but it is computed in nats",
        ),
        (
            "A probability of 0.5{= 1 / 2} bits.",
            "p.md:1: 0.5 is marked bits, but its unit cannot be traced (a plain number)",
        ),
        (
            "```python\nfor i in range(1):\n    y = 0.5\n```\n\nIt is 0.5{= y} nats.",
            "p.md:6: 0.5 is marked nats, but its unit cannot be traced (unknown)",
        ),
    ],
)
def test_a_unit_word_that_contradicts_or_lacks_a_trace_is_an_error(text: str, message: str) -> None:
    assert any(error.startswith(message) for error in errors(text)), errors(text)
