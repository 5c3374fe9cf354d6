"""The doctest output checker: text exactly, decimal numbers to within the accuracy contract."""

import math

import pytest

from docsite.output_checker import CONTRACT_ULPS, ContractChecker, significant_digits

CHECKER = ContractChecker()


def ulps_away(x: float, n: int) -> float:
    for _ in range(n):
        x = math.nextafter(x, math.inf)
    return x


@pytest.mark.parametrize(
    ("want", "got"),
    [
        ("0.19274475702175745", "0.1927447570217575"),  # AVX-512 against AVX2, issue 7
        ("2.375", "2.3750000000000004"),
        ("[1.0, 2.0]", f"[1.0, {ulps_away(2.0, CONTRACT_ULPS)!r}]"),
        ("1.5e-18", repr(ulps_away(1.5e-18, CONTRACT_ULPS))),
        ("array([0.5, 0.25])", "array([0.5, 0.25])"),
        ("inf", "inf"),
    ],
)
def test_numbers_within_the_contract_match(want: str, got: str) -> None:
    assert CHECKER.check_output(want + "\n", got + "\n", 0)


@pytest.mark.parametrize(
    ("want", "got"),
    [
        ("0.5", repr(ulps_away(0.5, CONTRACT_ULPS + 1))),  # one ulp beyond the contract
        ("0.1927", "0.1928"),  # a changed digit of a rounded number
        ("0.35667", "0.35668"),
        ("123456789012345.0", "123456789012346.0"),  # fifteen digits: still exact
        ("0.5", "0.50"),  # a rounded number matches as written: a changed format shows
        ("0.60000", "0.600000"),
        ("5.70044", "5.700440"),
        ("1.0e-18", "1e-18"),
        ("0.5", "-0.5"),  # signs are text
        ("0.0", "-0.0"),
        ("(0.5, 3)", "(0.5, 4)"),  # integers are text
        ("inf", "1.7976931348623157e+308"),
        ("nan", "0.5"),
        ("[0.5, 0.5]", "[0.5]"),
        ("array([0.5])", "[0.5]"),
    ],
)
def test_numbers_beyond_the_contract_or_other_text_do_not_match(want: str, got: str) -> None:
    assert not CHECKER.check_output(want + "\n", got + "\n", 0)


@pytest.mark.parametrize(
    ("number", "digits"),
    [("0.35667494393873245", 17), ("0.0012", 2), ("1.50e-18", 3), ("115.0", 4), ("0.0", 1)],
)
def test_significant_digits_counts_what_is_written(number: str, digits: int) -> None:
    assert significant_digits(number) == digits
