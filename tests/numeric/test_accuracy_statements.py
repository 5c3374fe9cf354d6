"""Each function's docstring states the accuracy bound that the tests hold it to.

The bounds live in one place, `xent.ACCURACY_ULPS` (checked against mpmath by
tests/numeric/test_accuracy_bounds.py); the docstrings, which the API page shows, must say
the same numbers.
"""

import inspect

import pytest

import xent
from xent.numeric._accuracy import PERPLEXITY_ULPS_PER_NAT

#: Public callables that compute nothing to be accurate about.
QUERIES = {"single_precision_route"}
FUNCTIONS = [
    name for name in xent.numeric.__all__ if callable(getattr(xent, name)) and name not in QUERIES
]


def kinds_of(function: str) -> list[dict[str, float]]:
    """The bounds of each kind of input of ``function``."""
    kinds = [
        bounds
        for key, bounds in xent.ACCURACY_ULPS.items()
        if key == function or key.startswith(f"{function} (")
    ]
    assert kinds, f"ACCURACY_ULPS states no bound for {function}"
    return kinds


def bounds_of(function: str) -> tuple[float, float]:
    """The worst float64 and float32 bounds over the kinds of input of ``function``."""
    kinds = kinds_of(function)
    return max(b["float64"] for b in kinds), max(b["float32"] for b in kinds)


def compiled_bound_of(function: str) -> float | None:
    """The worst bound of the compiled float32 route, if it is stated for ``function``."""
    bounds = [b["float32 (compiled)"] for b in kinds_of(function) if "float32 (compiled)" in b]
    return max(bounds) if bounds else None


def number(bound: float) -> str:
    return str(int(bound)) if float(bound).is_integer() else str(bound)


@pytest.mark.parametrize("function", FUNCTIONS)
def test_each_docstring_states_the_bound_that_the_tests_enforce(function: str) -> None:
    text = " ".join(str(inspect.getdoc(getattr(xent, function))).split())
    float64, float32 = map(number, bounds_of(function))
    if function == "perplexity":
        stated = (
            f"{float32} ulp in float32; in float64 within {PERPLEXITY_ULPS_PER_NAT}·(1 + H) ulp "
            f"({float64} for H ≤ 10 nats)"
        )
    else:
        stated = f"within {float64} ulp of the exact value in float64 and {float32} ulp in float32"
    compiled = compiled_bound_of(function)
    if compiled is not None:
        stated += f" ({number(compiled)} on the compiled route, `single_precision_route`)"
    assert stated in text


def test_every_stated_bound_belongs_to_a_public_function() -> None:
    named = {key.split(" (")[0] for key in xent.ACCURACY_ULPS}
    assert named == set(FUNCTIONS)


def test_the_perplexity_entry_is_its_per_nat_bound_at_ten_nats() -> None:
    assert xent.ACCURACY_ULPS["perplexity"]["float64"] == PERPLEXITY_ULPS_PER_NAT * (1 + 10)
