"""The page verifier's rules, one property each."""

import pytest

from docsite.verify import strip_bindings, verify_page


def errors(text: str, formulas: dict[str, str] | None = None) -> list[str]:
    return verify_page(text, "p.md", formulas=formulas, cache_dir=None).errors()


@pytest.mark.parametrize(
    "text",
    [
        "About 0.36{= kl_divergence([1, 0, 0], [0.7, 0.2, 0.1])} nats.",
        "Exactly 1.75{= entropy([0.5, 0.25, 0.125, 0.125], base='bits')} bits.",
        "Q = (0.7, 0.2, 0.1){= [0.7, 0.2, 0.1]} and [1, 0]{= [1, 0]}.",
        "Tiny: 2.0e-18{= kl_divergence([0.5 + 1e-9, 0.5 - 1e-9], [0.5, 0.5])}.",
        "A vocabulary of 50,257{= 50257} tokens; −0.69315{= -math.log(2)} nats.",
        "交叉熵为 0.916{= cross_entropy([1, 0], [0.4, 0.6])} 奈特。",
        "Half of them: 50%{= 50}.",
    ],
)
def test_a_bound_number_that_rounds_to_its_value_verifies(text: str) -> None:
    assert errors(text) == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("About 0.35{= 0.35667} nats.", "0.35 is written, but the build computes 0.36"),
        ("Pairs (0.5, 0.5){= [0.5]}.", "has 2 numbers but its expression gives 1"),
        ("Infinite 1.0{= math.inf}.", "1.0 is written, but the build computes inf"),
        ("Broken 1.0{= undefined_name}.", r"raised NameError"),
        ("A free 0.5 here.", "0.5 is not accounted for"),
        ("Digits in words like log2.", "2 is not accounted for"),
        ("Nothing before {= 1}.", "follows no number"),
        ("Encoded as `UTF-8` bytes.", "inline code `UTF-8` holds a digit that nothing verifies"),
        ("Call `entropy(p, base=2)` here.", "inline code `entropy(p, base=2)` holds a digit"),
    ],
)
def test_a_wrong_or_unbound_number_is_an_error_naming_it(text: str, message: str) -> None:
    assert any(message in error for error in errors(text)), errors(text)


def test_inline_code_without_digits_is_accepted() -> None:
    assert errors('Call `entropy` with `base="bits"`.') == []


def test_errors_name_the_page_and_line() -> None:
    assert errors("Title\n\nLine three has 7.\n") == [
        "p.md:3: 7 is not accounted for: bind it with {= ...}"
    ]


def test_pycon_output_is_compared_with_what_the_page_shows() -> None:
    page = "```pycon\n>>> from xent import entropy\n>>> entropy([1, 0])\n0.5\n```\n"
    assert errors(page) == [
        "p.md:3: >>> entropy([1, 0])\nthe page shows:\n0.5\nthe build prints:\n0.0\n"
    ]


def test_python_blocks_define_names_for_later_examples_and_prose() -> None:
    page = (
        "```python\nP = [0.5, 0.5]\n```\n\nH = 0.693{= entropy(P)}.\n\n"
        "```pycon\n>>> P[0]\n0.5\n```\n"
    )
    assert errors(page) == []


def test_a_python_block_that_prints_unshown_output_is_an_error() -> None:
    assert "prints output that the page does not show" in errors("```python\nprint(1)\n```\n")[0]


def test_a_python_block_that_raises_is_an_error() -> None:
    assert "raised ZeroDivisionError" in errors("```python\n1 / 0\n```\n")[0]


def test_unverified_blocks_are_counted_and_may_not_hold_digits() -> None:
    report = verify_page("```sh\npip install xent\n```\n", "p.md", cache_dir=None)
    assert (report.unverified, report.errors()) == (1, [])
    assert "unverified code block contains digits" in errors("```text\nversion 2\n```\n")[0]


@pytest.mark.parametrize("tex", [r"D_{\mathrm{KL}}(P \,\|\, Q)", r"x \sim P", r"H(P, Q)"])
def test_notation_without_digits_or_signs_needs_no_registration(tex: str) -> None:
    assert errors(f"The symbol ${tex}$ here.") == []


@pytest.mark.parametrize("tex", [r"H(P,Q) \ge H(P)", r"-\log p", r"\log_2 x", "a = b"])
def test_a_formula_with_digits_or_signs_must_be_registered(tex: str) -> None:
    assert "neither a registered formula nor notation" in errors(f"See ${tex}$.")[0]
    assert errors(f"See ${tex}$.", {"it": tex}) == []


def test_a_registered_formula_with_a_flipped_sign_is_an_error() -> None:
    registered = {"kl": r"D = H(P, Q) - H(P)"}
    assert errors("$$ D = H(P, Q) - H(P) $$", registered) == []
    assert errors("$$ D = H(P, Q) + H(P) $$", registered) != []


def test_bindings_are_removed_for_the_reader() -> None:
    assert strip_bindings("is 0.36{= kl(P, Q)} nats, (1, 2){= v}") == "is 0.36 nats, (1, 2)"


@pytest.mark.parametrize(
    ("block", "message"),
    [
        ("```figure\nno_such_figure\nA caption.\n```", "no figure named 'no_such_figure'"),
        ("```figure\nbinary_entropy\n```", "needs a caption"),
        ("```figure\nbinary_entropy\nPeak at 1 bit.\n```", "may not contain digits"),
        ("```derivation\nno_such_derivation\n```", "no derivation named 'no_such_derivation'"),
    ],
)
def test_a_bad_figure_or_derivation_block_is_an_error(block: str, message: str) -> None:
    assert message in errors(block)[0]


def test_figure_and_derivation_blocks_count_as_checked() -> None:
    page = "```figure\nbinary_entropy\nA fair coin.\n```\n\n```derivation\nkl_decomposition\n```\n"
    report = verify_page(page, "p.md", cache_dir=None)
    assert (report.errors(), report.blocks, report.formulas) == ([], 2, 1)


def test_link_targets_are_addresses_not_numbers() -> None:
    assert (
        errors("See [the notes](https://example.org/2020/notes-1.html) and <https://x.org/3>.")
        == []
    )
    assert (
        "2020 is not accounted for"
        in errors("Published in 2020 ([notes](https://example.org/a)).")[0]
    )


def test_names_defined_in_a_pycon_block_reach_later_prose_and_blocks() -> None:
    page = (
        "```pycon\n>>> P = [0.5, 0.5]\n```\n\n"
        "It is 0.693{= entropy(P)}.\n\n```python\nassert P\n```\n"
    )
    assert errors(page) == []


@pytest.mark.parametrize("name", ["sqrt", "log", "exp", "np", "math", "entropy", "xent"])
def test_code_blocks_see_only_the_names_the_page_imports(name: str) -> None:
    page = f"```pycon\n>>> {name}\n```\n"
    assert errors(page) == [f"p.md:2: >>> {name}\nraised NameError: name '{name}' is not defined"]


def test_bindings_may_use_xent_and_math_names_the_page_never_imports() -> None:
    assert errors("One nat is 1.44270{= 1 / log(2)} bits; 0.69315{= entropy([0.5, 0.5])}.") == []


def test_an_example_showing_more_than_twelve_significant_digits_is_an_error() -> None:
    page = "```pycon\n>>> 1 / 3\n0.3333333333333333\n>>> round(1 / 3, 12)\n0.333333333333\n```\n"
    message = (
        "p.md:3: 0.3333333333333333 shows 16 significant digits; the last ones depend on the "
        "CPU: print at most 12 (round or format)"
    )
    assert errors(page) == [message]


def test_example_output_is_compared_to_within_the_accuracy_contract() -> None:
    page = "```pycon\n>>> 0.1 + 0.2\n0.3\n>>> 0.1 + 0.25\n0.36\n```\n"
    assert errors(page) == [
        "p.md:4: >>> 0.1 + 0.25\nthe page shows:\n0.36\nthe build prints:\n0.35\n"
    ]
