"""Shared test configuration: the Hypothesis profile used by the property-based tests."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# "ci" is the default: no per-example deadline (first calls pay for imports and JIT-free NumPy
# warm-up, which makes timings noisy) and a moderate number of examples so the whole numeric
# suite stays well under a minute. Set HYPOTHESIS_PROFILE=thorough for a longer local run.
settings.register_profile(
    "ci",
    deadline=None,
    max_examples=60,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("thorough", deadline=None, max_examples=2000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
