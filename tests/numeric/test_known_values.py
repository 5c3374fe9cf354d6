"""Worked values of the site's pages, one test per quantity, each case named after its example.

Every case carries two numbers: ``shown``, the value exactly as the page prints it (asserted at
the precision it shows: half a unit in its last place), and ``exact``, the same quantity computed
independently with mpmath at 50 significant digits from the decimal inputs (asserted to a relative
1e-12). A consistency check inside the helper makes sure the two agree, so a typo in either
literal fails loudly instead of silently weakening the test. A comment names the page the value
comes from ("docs/sources.md": the worked examples E1 to E4 of the articles the site grew from).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, SupportsFloat, cast

import numpy as np
import pytest
import scipy.stats

import xent

if TYPE_CHECKING:
    from collections.abc import Callable

    import numpy.typing as npt

DOG_Q = [0.4, 0.3, 0.05, 0.05, 0.2]  # E3: the dog is class 0 (its probability 0.4 gives −ln 0.4)
DOG = [1.0, 0.0, 0.0, 0.0, 0.0]
TOKYO_P = [0.5, 0.25, 0.125, 0.125]  # docs/cross-entropy.md: sunny, cloudy, rain, snow
SMOOTHED_DOG = [
    0.92,
    0.02,
    0.02,
    0.02,
    0.02,
]  # (1 − 0.1)·one-hot + 0.1/5, docs/softmax-cross-entropy.md
TRIANGLE_P = [0.2, 0.8]  # docs/kl-divergence.md and docs/sources.md
TRIANGLE_Q = [0.8, 0.2]
UNIFORM2 = [0.5, 0.5]
E2_Y = [0.0, 1.0, 1.0]  # docs/binary-cross-entropy.md, the sources' E2: multi-label
E2_P = [0.1, 0.7, 0.8]
# Cover & Thomas Example 2.2.1: rows y = 1..4, columns x = 1..4 (docs/mutual-information.md).
CT_JOINT = np.array(
    [
        [1 / 8, 1 / 16, 1 / 32, 1 / 32],
        [1 / 16, 1 / 8, 1 / 32, 1 / 32],
        [1 / 16, 1 / 16, 1 / 16, 1 / 16],
        [1 / 4, 0.0, 0.0, 0.0],
    ]
)


def quantised_normal(delta: float) -> npt.NDArray[np.float64]:
    """Probabilities of N(0, 1) in the bins [kΔ, (k+1)Δ) on [−12, 12], plus the two tails."""
    cdf = scipy.stats.norm.cdf(np.linspace(-12.0, 12.0, round(24 / delta) + 1))
    return np.concatenate([[cdf[0]], np.diff(cdf), [1.0 - cdf[-1]]])


def assert_worked_value(actual: object, shown: str, exact: str) -> None:
    """Check ``actual`` against the page's ``shown`` value and the mpmath ``exact`` one."""
    value = float(cast("SupportsFloat", actual))
    if shown == "inf":
        assert exact == "inf"
        assert value == math.inf
        return
    decimals = len(shown.partition(".")[2])
    half_unit = 0.5 * 10.0**-decimals * (1 + 1e-9)
    # The two literals describe the same number (guards against typos in this file).
    assert abs(float(exact) - float(shown)) <= half_unit
    assert abs(value - float(shown)) <= half_unit, f"{value!r} does not round to {shown}"
    assert math.isclose(value, float(exact), rel_tol=1e-12, abs_tol=1e-300), (
        f"{value!r} != {exact} (mpmath)"
    )


@pytest.mark.parametrize(
    ("compute", "shown", "exact"),
    [
        # docs/information.md
        pytest.param(
            lambda: xent.self_information(0.01, base="bits"),
            "6.64386",
            "6.6438561897747246957",
            id="hail P=0.01 is 6.64386 bits",
        ),
        pytest.param(
            lambda: xent.self_information(0.25, base="bits"), "2", "2.0", id="a heart is 2 bits"
        ),
        pytest.param(
            lambda: xent.self_information(1 / 52, base="bits"),
            "5.70044",
            "5.7004397181410921604",
            id="three of spades is 5.70044 bits",
        ),
        pytest.param(
            lambda: xent.self_information(1 / math.factorial(52), base="bits"),
            "225.58100",
            "225.58100312370276195",
            id="an ordered deck is 225.58100 bits",
        ),
        pytest.param(
            lambda: xent.self_information(1 / math.e), "1", "1.0", id="P=1 over e is 1 nat"
        ),
        pytest.param(
            lambda: xent.self_information(1 / math.e, base="bits"),
            "1.44270",
            "1.4426950408889634074",
            id="1 nat is 1.44270 bits",
        ),
        pytest.param(
            lambda: xent.self_information(0.5),
            "0.69315",
            "0.69314718055994530942",
            id="1 bit is 0.69315 nats",
        ),
        pytest.param(
            lambda: xent.self_information(0.1, base="bits"),
            "3.32193",
            "3.3219280948873623479",
            id="1 hartley is 3.32193 bits",
        ),
        pytest.param(
            lambda: xent.self_information(0.1, base="hartleys"), "1", "1.0", id="P=0.1 is 1 hartley"
        ),
        pytest.param(
            lambda: xent.self_information(1 / 24, base="bits"),
            "4.58496",
            "4.5849625007211561815",
            id="twelve balls need 4.58496 bits",
        ),
        # docs/perplexity.md: 44 equiprobable keys; perplexity 15 per word over 4.5 letters
        pytest.param(
            lambda: xent.self_information(1 / 44, base="bits"),
            "5.45943",
            "5.4594316186372972562",
            id="44 keys are 5.45943 bits per character",
        ),
        pytest.param(
            lambda: xent.self_information(1 / 15, base="bits") / 4.5,
            "0.86820",
            "0.86819791013522633985",
            id="perplexity 15 per word is 0.86820 bits per character",
        ),
        # docs/perplexity.md: q = 0.01 is the MSE section's "CE 4.60517"
        pytest.param(
            lambda: xent.self_information(0.01),
            "4.60517",
            "4.605170185988091368",
            id="q=0.01 costs 4.60517 nats",
        ),
    ],
)
def test_self_information_matches_worked_values(
    compute: Callable[[], object], shown: str, exact: str
) -> None:
    assert_worked_value(compute(), shown, exact)


@pytest.mark.parametrize(
    ("compute", "shown", "exact"),
    [
        # docs/entropy.md
        pytest.param(
            lambda: xent.entropy([0.5, 0.25, 0.125, 0.125], base="bits"),
            "1.75",
            "1.75",
            id="dyadic source is 1.75 bits",
        ),
        pytest.param(
            lambda: xent.entropy([0.1, 0.5, 0.1, 0.3], base="bits"),
            "1.68548",
            "1.6854752972273343195",
            id="d2l four outcomes 1.68548 bits",
        ),
        pytest.param(
            lambda: xent.entropy([0.9, 0.1], base="bits"),
            "0.46900",
            "0.46899559358928122125",
            id="coin 0.9 is 0.46900 bits",
        ),
        pytest.param(
            lambda: xent.entropy([1 / 6] * 6, base="bits"),
            "2.58496",
            "2.5849625007211561815",
            id="fair die 2.58496 bits",
        ),
        pytest.param(
            lambda: xent.entropy([0.2] * 5, base="bits"),
            "2.32193",
            "2.3219280948873623479",
            id="five uniform classes 2.32193 bits",
        ),
        pytest.param(
            lambda: xent.entropy([0.2] * 5),
            "1.60944",
            "1.6094379124341003746",
            id="five uniform classes 1.60944 nats",
        ),
        pytest.param(lambda: xent.entropy(DOG), "0", "0.0", id="one-hot label has zero entropy"),
        # docs/information.md: one weighing has three outcomes; three weighings 27
        pytest.param(
            lambda: xent.entropy([1 / 3] * 3, base="bits"),
            "1.58496",
            "1.5849625007211561815",
            id="a weighing gives at most 1.58496 bits",
        ),
        pytest.param(
            lambda: xent.entropy([1 / 27] * 27, base="bits"),
            "4.75489",
            "4.7548875021634685444",
            id="three weighings give at most 4.75489 bits",
        ),
        # docs/cross-entropy.md: the "estimated entropy" E_Q[−log Q] column is H(Q)
        pytest.param(
            lambda: xent.entropy([0.25] * 4, base="bits"),
            "2.0",
            "2.0",
            id="Tokyo estimated entropy uniform Q 2.0 bits",
        ),
        pytest.param(
            lambda: xent.entropy([0.125, 0.125, 0.25, 0.5], base="bits"),
            "1.75",
            "1.75",
            id="Tokyo estimated entropy reversed Q 1.75 bits",
        ),
        pytest.param(
            lambda: xent.entropy([0.7, 0.1, 0.1, 0.1], base="bits"),
            "1.35678",
            "1.3567796494470394727",
            id="Tokyo estimated entropy Q=(0.7,0.1,0.1,0.1) 1.35678 bits",
        ),
        pytest.param(
            lambda: xent.entropy([0.4, 0.3, 0.2, 0.1], base="bits"),
            "1.84644",
            "1.8464393446710154934",
            id="Tokyo estimated entropy Q=(0.4,0.3,0.2,0.1) 1.84644 bits",
        ),
        pytest.param(
            lambda: xent.entropy([0.9, 0.1]),
            "0.32508",
            "0.32508297339144823951",
            id="reverse weighting H(P) 0.32508 nats",
        ),
        # docs/softmax-cross-entropy.md: label-smoothing floor H(target)
        pytest.param(
            lambda: xent.entropy(SMOOTHED_DOG),
            "0.38967",
            "0.38967292065817865841",
            id="smoothed one-hot floor 0.38967 nats",
        ),
        # docs/mutual-information.md: Cover & Thomas 4x4 table
        pytest.param(
            lambda: xent.entropy(CT_JOINT.sum(axis=0), base="bits"),
            "1.75",
            "1.75",
            id="C&T H(X) 1.75 bits",
        ),
        pytest.param(
            lambda: xent.entropy(CT_JOINT.sum(axis=1), base="bits"),
            "2",
            "2.0",
            id="C&T H(Y) 2 bits",
        ),
        # docs/differential-entropy.md: quantised N(0, 1), H(X_Δ) ≈ h(X) − ln Δ
        # (mpmath: ncdf on the same bins)
        pytest.param(
            lambda: xent.entropy(quantised_normal(0.1)),
            "3.72194",
            "3.7219401193506499377",
            id="quantised N(0,1) delta 0.1 is 3.72194",
        ),
        pytest.param(
            lambda: xent.entropy(quantised_normal(0.1)) + math.log(0.1),
            "1.41936",
            "1.4193550263566042537",
            id="quantised N(0,1) delta 0.1 plus ln delta is 1.41936",
        ),
        pytest.param(
            lambda: xent.entropy(quantised_normal(0.01)),
            "6.02411",
            "6.0241128858420697618",
            id="quantised N(0,1) delta 0.01 is 6.02411",
        ),
        pytest.param(
            lambda: xent.entropy(quantised_normal(0.01)) + math.log(0.01),
            "1.41894",
            "1.4189426998539783938",
            id="quantised N(0,1) delta 0.01 plus ln delta is 1.41894",
        ),
        pytest.param(
            lambda: xent.entropy(CT_JOINT.ravel(), base="bits"),
            "3.375",
            "3.375",
            id="C&T H(X,Y) 3.375 bits",
        ),
        pytest.param(
            lambda: (
                xent.entropy(CT_JOINT.ravel(), base="bits")
                - xent.entropy(CT_JOINT.sum(axis=1), base="bits")
            ),
            "1.375",
            "1.375",
            id="C&T H(X|Y) 1.375 bits",
        ),
    ],
)
def test_entropy_matches_worked_values(
    compute: Callable[[], object], shown: str, exact: str
) -> None:
    assert_worked_value(compute(), shown, exact)


@pytest.mark.parametrize(
    ("compute", "shown", "exact"),
    [
        pytest.param(
            lambda: xent.binary_entropy(0.9, base="bits"),
            "0.46900",
            "0.46899559358928122125",
            id="coin 0.9 is 0.46900 bits",
        ),
        pytest.param(
            lambda: xent.binary_entropy(0.5, base="bits"), "1", "1.0", id="fair coin is 1 bit"
        ),
        pytest.param(
            lambda: xent.binary_entropy(0.3),
            "0.61086",
            "0.61086430205489346303",
            id="soft target 0.3 floor 0.61086 nats",
        ),
        pytest.param(
            lambda: xent.binary_entropy(0.7),
            "0.61086",
            "0.61086430205489346303",
            id="seven heads in ten 0.61086 nats per flip",
        ),
        pytest.param(
            lambda: xent.binary_entropy(0.1),
            "0.32508",
            "0.32508297339144823951",
            id="p=0.1 is 0.32508 nats",
        ),
        pytest.param(lambda: xent.binary_entropy(0.0), "0", "0.0", id="p=0 is 0"),
        pytest.param(lambda: xent.binary_entropy(1.0), "0", "0.0", id="p=1 is 0"),
    ],
)
def test_binary_entropy_matches_worked_values(
    compute: Callable[[], object], shown: str, exact: str
) -> None:
    assert_worked_value(compute(), shown, exact)


@pytest.mark.parametrize(
    ("compute", "shown", "exact"),
    [
        # docs/softmax-cross-entropy.md, the sources' E3 and E4
        pytest.param(
            lambda: xent.cross_entropy(DOG, DOG_Q),
            "0.91629",
            "0.91629073187415506518",
            id="E3 dog 0.91629 nats",
        ),
        pytest.param(
            lambda: xent.cross_entropy(DOG, DOG_Q, base="bits"),
            "1.32193",
            "1.3219280948873623479",
            id="E3 dog 1.32193 bits",
        ),
        pytest.param(
            lambda: xent.cross_entropy(DOG, [0.98, 0.01, 0.0, 0.0, 0.01]),
            "0.02020",
            "0.020202707317519448408",
            id="E4 confident dog 0.02020 nats",
        ),
        pytest.param(
            lambda: xent.cross_entropy(DOG, [0.2] * 5),
            "1.60944",
            "1.6094379124341003746",
            id="uniform baseline 1.60944 nats",
        ),
        # docs/cross-entropy.md: the H(P,Q) column
        pytest.param(
            lambda: xent.cross_entropy(TOKYO_P, [0.25] * 4, base="bits"),
            "2.0",
            "2.0",
            id="Tokyo H(P,Q) uniform Q 2.0 bits",
        ),
        pytest.param(
            lambda: xent.cross_entropy(TOKYO_P, [0.125, 0.125, 0.25, 0.5], base="bits"),
            "2.625",
            "2.625",
            id="Tokyo H(P,Q) reversed Q 2.625 bits",
        ),
        pytest.param(
            lambda: xent.cross_entropy(TOKYO_P, [0.7, 0.1, 0.1, 0.1], base="bits"),
            "1.91825",
            "1.9182506338585602941",
            id="Tokyo H(P,Q) Q=(0.7,0.1,0.1,0.1) 1.91825 bits",
        ),
        pytest.param(
            lambda: xent.cross_entropy(TOKYO_P, [0.4, 0.3, 0.2, 0.1], base="bits"),
            "1.80069",
            "1.8006874697070733025",
            id="Tokyo H(P,Q) Q=(0.4,0.3,0.2,0.1) 1.80069 bits",
        ),
        pytest.param(
            lambda: xent.cross_entropy(
                [8, 4, 2, 2], [0.4, 0.3, 0.2, 0.1], base="bits", normalize=True
            ),
            "1.80069",
            "1.8006874697070733025",
            id="Tokyo 16-day log counts (8,4,2,2) 1.80069 bits",
        ),
        pytest.param(
            lambda: xent.cross_entropy(UNIFORM2, [0.75, 0.25], base="bits"),
            "1.20752",
            "1.2075187496394219093",
            id="fair coin coded with (3/4,1/4) 1.20752 bits",
        ),
        pytest.param(
            lambda: xent.cross_entropy([0.75, 0.25], UNIFORM2, base="bits"),
            "1.0",
            "1.0",
            id="biased coin coded with (1/2,1/2) 1.0 bit",
        ),
        pytest.param(
            lambda: xent.cross_entropy([1.0, 0.0], [0.9, 0.1]),
            "0.10536",
            "0.10536051565782630123",
            id="reverse weighting E_Q[-ln P] 0.10536 nats",
        ),
        # docs/sources.md
        pytest.param(
            lambda: xent.cross_entropy(TRIANGLE_P, TRIANGLE_Q),
            "1.33218",
            "1.3321790402101222508",
            id="A4-14 H(P,Q) 1.33218",
        ),
        pytest.param(
            lambda: xent.cross_entropy(TRIANGLE_Q, TRIANGLE_P),
            "1.33218",
            "1.3321790402101222508",
            id="A4-14 H(Q,P) 1.33218",
        ),
        # docs/kl-divergence.md: dyadic code swap
        pytest.param(
            lambda: xent.cross_entropy(TOKYO_P, [0.125, 0.5, 0.25, 0.125], base="bits"),
            "2.375",
            "2.375",
            id="code swap H(P,Q) 2.375 bits",
        ),
        pytest.param(
            lambda: xent.cross_entropy([0.125, 0.5, 0.25, 0.125], TOKYO_P, base="bits"),
            "2.25",
            "2.25",
            id="code swap H(Q,P) 2.25 bits",
        ),
        # docs/why-not-mse.md: MSE differs, CE does not
        pytest.param(
            lambda: xent.cross_entropy([1.0, 0.0, 0.0], [0.8, 0.1, 0.1]),
            "0.22314",
            "0.22314355131420975577",
            id="MSE section (0.8,0.1,0.1) 0.22314",
        ),
        pytest.param(
            lambda: xent.cross_entropy([1.0, 0.0, 0.0], [0.8, 0.15, 0.05]),
            "0.22314",
            "0.22314355131420975577",
            id="MSE section (0.8,0.15,0.05) 0.22314",
        ),
        pytest.param(
            lambda: xent.cross_entropy([1.0, 0.0], [0.01, 0.99]),
            "4.60517",
            "4.605170185988091368",
            id="MSE section q=0.01 4.60517",
        ),
        # docs/perplexity.md: seven heads in ten flips
        pytest.param(
            lambda: xent.cross_entropy([0.7, 0.3], [0.7, 0.3]),
            "0.61086",
            "0.61086430205489346303",
            id="seven heads q=0.7 0.61086",
        ),
        pytest.param(
            lambda: xent.cross_entropy([0.7, 0.3], UNIFORM2),
            "0.69315",
            "0.69314718055994530942",
            id="seven heads q=0.5 0.69315",
        ),
        # docs/softmax-cross-entropy.md: label smoothing eps=0.1, K=5
        pytest.param(
            lambda: xent.cross_entropy(SMOOTHED_DOG, DOG_Q),
            "1.01908",
            "1.0190849786015830271",
            id="smoothed target vs E3 Q 1.01908",
        ),
        pytest.param(
            lambda: xent.cross_entropy(SMOOTHED_DOG, [0.98, 0.005, 0.005, 0.005, 0.005]),
            "0.44245",
            "0.44245188005596082673",
            id="smoothed target vs (0.98,0.005x4) 0.44245",
        ),
        pytest.param(
            lambda: xent.cross_entropy(SMOOTHED_DOG, DOG),
            "inf",
            "inf",
            id="smoothed target vs exact zeros is inf",
        ),
        # the numeric contract: never clip
        pytest.param(
            lambda: xent.cross_entropy([1.0, 0.0], [1e-50, 1.0]),
            "115.12925",
            "115.12925464970228419",
            id="q=1e-50 on the true class 115.12925",
        ),
    ],
)
def test_cross_entropy_matches_worked_values(
    compute: Callable[[], object], shown: str, exact: str
) -> None:
    assert_worked_value(compute(), shown, exact)


@pytest.mark.parametrize(
    ("compute", "shown", "exact"),
    [
        # docs/kl-divergence.md, the sources' E1
        pytest.param(
            lambda: xent.kl_divergence([1.0, 0.0, 0.0], [0.7, 0.2, 0.1]),
            "0.35667",
            "0.35667494393873237891",
            id="E1 0.35667 nats",
        ),
        pytest.param(
            lambda: xent.kl_divergence([1.0, 0.0, 0.0], [0.7, 0.2, 0.1], base="bits"),
            "0.51457",
            "0.51457317282975824043",
            id="E1 0.51457 bits",
        ),
        pytest.param(
            lambda: xent.kl_divergence([0.7, 0.2, 0.1], [1.0, 0.0, 0.0]),
            "inf",
            "inf",
            id="E1 reversed is inf",
        ),
        # docs/sources.md: the wrong sign in the sources
        pytest.param(
            lambda: xent.kl_divergence([0.5, 0.3, 0.2], [0.7, 0.2, 0.1]),
            "0.09203",
            "0.092032850233831911225",
            id="A4-1 KL 0.09203",
        ),
        pytest.param(
            lambda: (
                xent.entropy([0.5, 0.3, 0.2]) + xent.cross_entropy([0.5, 0.3, 0.2], [0.7, 0.2, 0.1])
            ),
            "2.15134",
            "2.1513388783629789661",
            id="A4-1 the article's H + CE is 2.15134, not KL",
        ),
        # docs/cross-entropy.md: KL columns
        pytest.param(
            lambda: xent.kl_divergence(TOKYO_P, [0.25] * 4, base="bits"),
            "0.25",
            "0.25",
            id="Tokyo KL(P|Q) uniform Q 0.25 bits",
        ),
        pytest.param(
            lambda: xent.kl_divergence([0.25] * 4, TOKYO_P, base="bits"),
            "0.25",
            "0.25",
            id="Tokyo KL(Q|P) uniform Q 0.25 bits",
        ),
        pytest.param(
            lambda: xent.kl_divergence(TOKYO_P, [0.125, 0.125, 0.25, 0.5], base="bits"),
            "0.875",
            "0.875",
            id="Tokyo KL(P|Q) reversed Q 0.875 bits",
        ),
        pytest.param(
            lambda: xent.kl_divergence([0.125, 0.125, 0.25, 0.5], TOKYO_P, base="bits"),
            "0.875",
            "0.875",
            id="Tokyo KL(Q|P) reversed Q 0.875 bits",
        ),
        pytest.param(
            lambda: xent.kl_divergence(TOKYO_P, [0.7, 0.1, 0.1, 0.1], base="bits"),
            "0.16825",
            "0.16825063385856029415",
            id="Tokyo KL(P|Q) Q=(0.7,0.1,0.1,0.1) 0.16825 bits",
        ),
        pytest.param(
            lambda: xent.kl_divergence([0.7, 0.1, 0.1, 0.1], TOKYO_P, base="bits"),
            "0.14322",
            "0.14322035055296052734",
            id="Tokyo KL(Q|P) Q=(0.7,0.1,0.1,0.1) 0.14322 bits",
        ),
        pytest.param(
            lambda: xent.kl_divergence(TOKYO_P, [0.4, 0.3, 0.2, 0.1], base="bits"),
            "0.05069",
            "0.050687469707073302507",
            id="Tokyo KL(P|Q) Q=(0.4,0.3,0.2,0.1) 0.05069 bits",
        ),
        pytest.param(
            lambda: xent.kl_divergence([0.4, 0.3, 0.2, 0.1], TOKYO_P, base="bits"),
            "0.05356",
            "0.053560655328984506566",
            id="Tokyo KL(Q|P) Q=(0.4,0.3,0.2,0.1) 0.05356 bits",
        ),
        # docs/kl-divergence.md: Cover & Thomas Example 2.3.1, r = 1/2, s = 1/4
        pytest.param(
            lambda: xent.kl_divergence(UNIFORM2, [0.75, 0.25], base="bits"),
            "0.20752",
            "0.20751874963942190927",
            id="C&T D(p|q) 0.20752 bits",
        ),
        pytest.param(
            lambda: xent.kl_divergence([0.75, 0.25], UNIFORM2, base="bits"),
            "0.18872",
            "0.18872187554086713609",
            id="C&T D(q|p) 0.18872 bits",
        ),
        # docs/kl-divergence.md: dyadic code swap
        pytest.param(
            lambda: xent.kl_divergence(TOKYO_P, [0.125, 0.5, 0.25, 0.125], base="bits"),
            "0.625",
            "0.625",
            id="code swap KL(P|Q) 0.625 bits",
        ),
        pytest.param(
            lambda: xent.kl_divergence([0.125, 0.5, 0.25, 0.125], TOKYO_P, base="bits"),
            "0.5",
            "0.5",
            id="code swap KL(Q|P) 0.5 bits",
        ),
        # docs/kl-divergence.md and docs/sources.md: the triangle inequality fails
        pytest.param(
            lambda: xent.kl_divergence(TRIANGLE_P, TRIANGLE_Q),
            "0.83178",
            "0.8317766166719343713",
            id="triangle D(P|Q) 0.83178",
        ),
        pytest.param(
            lambda: xent.kl_divergence(TRIANGLE_Q, TRIANGLE_P),
            "0.83178",
            "0.8317766166719343713",
            id="triangle D(Q|P) 0.83178",
        ),
        pytest.param(
            lambda: xent.kl_divergence(TRIANGLE_P, UNIFORM2),
            "0.19274",
            "0.19274475702175742988",
            id="triangle D(P|U) 0.19274",
        ),
        pytest.param(
            lambda: xent.kl_divergence(UNIFORM2, TRIANGLE_Q),
            "0.22314",
            "0.22314355131420975577",
            id="triangle D(U|Q) 0.22314",
        ),
        # docs/kl-divergence.md: Pinsker, TV(P, Q) = 0.6 ≤ sqrt(KL/2) = 0.64489
        pytest.param(
            lambda: math.sqrt(xent.kl_divergence(TRIANGLE_P, TRIANGLE_Q) / 2),
            "0.64489",
            "0.6448940287643910148",
            id="Pinsker bound 0.64489",
        ),
        # docs/perplexity.md: the likelihood gap
        pytest.param(
            lambda: xent.kl_divergence([0.7, 0.3], UNIFORM2),
            "0.08228",
            "0.082282878505051846392",
            id="seven heads gap 0.08228",
        ),
        # docs/mutual-information.md: I(X;Y) = KL(P_XY | P_X P_Y)
        pytest.param(
            lambda: xent.kl_divergence(
                CT_JOINT.ravel(),
                np.outer(CT_JOINT.sum(axis=1), CT_JOINT.sum(axis=0)).ravel(),
                base="bits",
            ),
            "0.375",
            "0.375",
            id="C&T mutual information 0.375 bits",
        ),
    ],
)
def test_kl_divergence_matches_worked_values(
    compute: Callable[[], object], shown: str, exact: str
) -> None:
    assert_worked_value(compute(), shown, exact)


@pytest.mark.parametrize(
    ("compute", "shown", "exact"),
    [
        # docs/kl-divergence.md
        pytest.param(
            lambda: xent.js_divergence(TRIANGLE_P, TRIANGLE_Q),
            "0.19274",
            "0.19274475702175742988",
            id="JS of (0.2,0.8) and (0.8,0.2) 0.19274",
        ),
        pytest.param(
            lambda: xent.js_divergence([1.0, 0.0], [0.0, 1.0]),
            "0.69315",
            "0.69314718055994530942",
            id="disjoint supports reach ln 2",
        ),
        pytest.param(
            lambda: xent.js_divergence([1.0, 0.0], [0.0, 1.0], base="bits"),
            "1",
            "1.0",
            id="disjoint supports reach 1 bit",
        ),
    ],
)
def test_js_divergence_matches_worked_values(
    compute: Callable[[], object], shown: str, exact: str
) -> None:
    assert_worked_value(compute(), shown, exact)


@pytest.mark.parametrize(
    ("compute", "shown", "exact"),
    [
        # docs/softmax-cross-entropy.md: "E3 0.91629 (perplexity 2.5)"
        pytest.param(lambda: xent.perplexity(DOG, DOG_Q), "2.5", "2.5", id="E3 perplexity 2.5"),
        pytest.param(lambda: xent.perplexity([0.2] * 5), "5", "5.0", id="five uniform classes"),
        pytest.param(lambda: xent.perplexity(UNIFORM2), "2", "2.0", id="fair coin"),
        pytest.param(lambda: xent.perplexity(DOG), "1", "1.0", id="one-hot label"),
    ],
)
def test_perplexity_matches_worked_values(
    compute: Callable[[], object], shown: str, exact: str
) -> None:
    assert_worked_value(compute(), shown, exact)


@pytest.mark.parametrize(
    ("compute", "shown", "exact"),
    [
        # docs/softmax-cross-entropy.md
        pytest.param(
            lambda: xent.softmax_cross_entropy([2.0, 1.0, 0.1], 0),
            "0.41703",
            "0.41703001627783348261",
            id="logits (2,1,0.1) class 0 0.41703",
        ),
        pytest.param(
            lambda: xent.softmax_cross_entropy([2.0, 1.0, 0.1], [1.0, 0.0, 0.0]),
            "0.41703",
            "0.41703001627783348261",
            id="logits (2,1,0.1) one-hot target 0.41703",
        ),
        pytest.param(
            lambda: xent.softmax_cross_entropy([1000.0, 0.0], 0),
            "0",
            "0.0",
            id="logits (1000,0) class 0 is 0",
        ),
        pytest.param(
            lambda: xent.softmax_cross_entropy([1000.0, 0.0], 1),
            "1000",
            "1000.0",
            id="logits (1000,0) class 1 is 1000",
        ),
        pytest.param(
            lambda: xent.softmax_cross_entropy(np.log(DOG_Q), 0),
            "0.91629",
            "0.91629073187415506518",
            id="E3 from log-probability logits 0.91629",
        ),
        # docs/softmax-cross-entropy.md: d2l's NLLLoss check, labels (0, 2)
        pytest.param(
            lambda: xent.softmax_cross_entropy(
                np.log([[0.3, 0.6, 0.1], [0.2, 0.3, 0.5]]), np.array([0, 2]), reduction="mean"
            ),
            "0.94856",
            "0.94855999244294065102",
            id="d2l batch mean 0.94856",
        ),
        pytest.param(
            lambda: xent.softmax_cross_entropy(
                np.log([[0.3, 0.6, 0.1], [0.2, 0.3, 0.5]]), np.array([0, 2]), reduction="sum"
            ),
            "1.89712",
            "1.897119984885881302",
            id="d2l batch sum 1.89712",
        ),
        # docs/softmax-cross-entropy.md: label smoothing eps = 0.1, K = 5
        pytest.param(
            lambda: xent.softmax_cross_entropy(np.log(DOG_Q), 0, label_smoothing=0.1),
            "1.01908",
            "1.0190849786015830271",
            id="label smoothing with E3 Q 1.01908",
        ),
        pytest.param(
            lambda: xent.softmax_cross_entropy(np.log(SMOOTHED_DOG), 0, label_smoothing=0.1),
            "0.38967",
            "0.38967292065817865841",
            id="label smoothing floor 0.38967",
        ),
        pytest.param(
            lambda: xent.softmax_cross_entropy(
                np.log([0.98, 0.005, 0.005, 0.005, 0.005]), 0, label_smoothing=0.1
            ),
            "0.44245",
            "0.44245188005596082673",
            id="label smoothing Q=(0.98,0.005x4) 0.44245",
        ),
        pytest.param(
            lambda: xent.softmax_cross_entropy(
                [0.0, -math.inf, -math.inf, -math.inf, -math.inf], 0, label_smoothing=0.1
            ),
            "inf",
            "inf",
            id="label smoothing with exact zeros is inf",
        ),
    ],
)
def test_softmax_cross_entropy_matches_worked_values(
    compute: Callable[[], object], shown: str, exact: str
) -> None:
    assert_worked_value(compute(), shown, exact)


@pytest.mark.parametrize(
    ("compute", "shown", "exact"),
    [
        # docs/binary-cross-entropy.md, the sources' E2
        pytest.param(
            lambda: xent.binary_cross_entropy(E2_Y, E2_P, reduction="sum"),
            "0.68518",
            "0.68517901091076843591",
            id="E2 from probabilities sum 0.68518",
        ),
        pytest.param(
            lambda: xent.binary_cross_entropy(E2_Y, E2_P, reduction="mean"),
            "0.22839",
            "0.22839300363692281197",
            id="E2 from probabilities mean 0.22839",
        ),
        pytest.param(
            lambda: xent.binary_cross_entropy(
                E2_Y, logits=np.log(np.array(E2_P) / (1 - np.array(E2_P))), reduction="sum"
            ),
            "0.68518",
            "0.68517901091076843591",
            id="E2 from logits sum 0.68518",
        ),
        pytest.param(
            lambda: xent.binary_cross_entropy(
                E2_Y, logits=np.log(np.array(E2_P) / (1 - np.array(E2_P))), reduction="mean"
            ),
            "0.22839",
            "0.22839300363692281197",
            id="E2 from logits mean 0.22839",
        ),
        pytest.param(
            lambda: xent.binary_cross_entropy(0.3, 0.3),
            "0.61086",
            "0.61086430205489346303",
            id="soft target 0.3 at its floor 0.61086",
        ),
        pytest.param(
            lambda: xent.binary_cross_entropy(1.0, 1e-50),
            "115.12925",
            "115.12925464970228419",
            id="p=1e-50 is 115.12925 not a clipped value",
        ),
        # pos_weight = 3 (docs/binary-cross-entropy.md: 300 negatives / 100 positives)
        # multiplies the positive term
        pytest.param(
            lambda: xent.binary_cross_entropy(1.0, 0.5, pos_weight=3.0),
            "2.07944",
            "2.0794415416798359283",
            id="pos_weight 3 triples the positive term",
        ),
        pytest.param(
            lambda: xent.binary_cross_entropy(0.0, 0.5, pos_weight=3.0),
            "0.69315",
            "0.69314718055994530942",
            id="pos_weight leaves the negative term alone",
        ),
        pytest.param(
            lambda: xent.binary_cross_entropy(
                [1.0, 0.0], [0.5, 0.5], pos_weight=3.0, reduction="mean"
            ),
            "1.38629",
            "1.3862943611198906188",
            id="pos_weight mean divides by elements not weights",
        ),
    ],
)
def test_binary_cross_entropy_matches_worked_values(
    compute: Callable[[], object], shown: str, exact: str
) -> None:
    assert_worked_value(compute(), shown, exact)


def test_binary_cross_entropy_of_e2_per_label_matches_worked_values() -> None:
    # the sources' E2 (docs/binary-cross-entropy.md):
    # −ln 0.9, −ln 0.7, −ln 0.8 = 0.10536, 0.35667, 0.22314
    shown = ["0.10536", "0.35667", "0.22314"]
    exact = ["0.10536051565782630123", "0.35667494393873237891", "0.22314355131420975577"]
    logits = np.log(np.array(E2_P) / (1 - np.array(E2_P)))
    for losses in (
        xent.binary_cross_entropy(E2_Y, E2_P),
        xent.binary_cross_entropy(E2_Y, logits=logits),
    ):
        assert np.shape(losses) == (3,)
        for value, s, e in zip(np.asarray(losses).tolist(), shown, exact, strict=True):
            assert_worked_value(value, s, e)


def test_e2_logits_are_the_ones_content_shows() -> None:
    # docs/binary-cross-entropy.md: logits (−2.19722, 0.84730, 1.38629) = ln(p/(1−p));
    # their losses are E2's.
    losses = xent.binary_cross_entropy(E2_Y, logits=[-2.19722, 0.84730, 1.38629])
    assert np.allclose(losses, [0.10536, 0.35667, 0.22314], rtol=0, atol=1e-5)


def test_softmax_matches_worked_values() -> None:
    # docs/softmax-cross-entropy.md: softmax(2, 1, 0.1) = (0.65900, 0.24243, 0.09857)
    shown = ["0.65900", "0.24243", "0.09857"]
    exact = ["0.65900113888596790691", "0.24243297070471392152", "0.098565890409318171562"]
    probabilities = xent.softmax([2.0, 1.0, 0.1])
    assert np.shape(probabilities) == (3,)
    for value, s, e in zip(np.asarray(probabilities).tolist(), shown, exact, strict=True):
        assert_worked_value(value, s, e)


def test_softmax_of_1000_and_0_is_one_and_zero() -> None:
    # docs/softmax-cross-entropy.md: naive softmax gives NaN; the stable one gives
    # (1, e^−1000) = (1, 0) in float64
    assert np.asarray(xent.softmax([1000.0, 0.0])).tolist() == [1.0, 0.0]


def test_log_softmax_of_1000_and_0_is_zero_and_minus_1000() -> None:
    # docs/softmax-cross-entropy.md: "log-sum-exp gives 0/1000"
    values = np.asarray(xent.log_softmax([1000.0, 0.0])).tolist()
    assert values[0] == 0.0
    assert values[1] == -1000.0


def test_logsumexp_of_1000_and_0_is_1000() -> None:
    assert float(xent.logsumexp([1000.0, 0.0])) == 1000.0
