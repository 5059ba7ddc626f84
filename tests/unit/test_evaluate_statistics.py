"""The report's statistics against published worked examples and independent computations."""

from __future__ import annotations

import math
import random

import pytest
from sklearn.metrics import cohen_kappa_score

from bot.evaluate.statistics import Agreement, control_limit, funnel_limits, wilson


@pytest.mark.parametrize(("k", "n", "low", "high"), [
    # Newcombe RG (1998) "Two-sided confidence intervals for the single proportion: comparison
    # of seven methods", Statistics in Medicine 17:857-872, Table II, method 3 (Wilson score).
    (81, 263, 0.2553, 0.3662),
    (15, 148, 0.0624, 0.1605),
    (0, 20, 0.0, 0.1611),
    (1, 29, 0.0061, 0.1718),
])
def test_wilson_matches_newcombe_1998(k: int, n: int, low: float, high: float) -> None:
    interval = wilson(k, n)
    assert interval is not None
    assert interval.low == pytest.approx(low, abs=5e-5)
    assert interval.high == pytest.approx(high, abs=5e-5)


def test_wilson_has_no_interval_without_a_denominator() -> None:
    assert wilson(0, 0) is None


def _exact_limit(p0: float, n: int, tail: float) -> float:
    """Spiegelhalter (2005), appendix A.1.1, written out from scratch with math.comb: the
    smallest r whose cumulative binomial probability reaches ``tail``, interpolated; like the
    report, clipped to 0 (at r = 0 the interpolation can go below zero, not a proportion)."""
    cumulative = 0.0
    for r in range(n + 1):
        below = cumulative
        cumulative += math.comb(n, r) * p0 ** r * (1 - p0) ** (n - r)
        if cumulative >= tail:
            alpha = (cumulative - tail) / (cumulative - below)
            return max(0.0, (r - alpha) / n)
    return 1.0


@pytest.mark.parametrize("p0", [0.7, 0.35, 0.9])
@pytest.mark.parametrize("n", [5, 29, 100, 260, 1000])
@pytest.mark.parametrize("tail", [0.001, 0.025, 0.975, 0.999])
def test_control_limits_match_an_independent_exact_computation(p0: float, n: int,
                                                               tail: float) -> None:
    assert control_limit(p0, n, tail) == pytest.approx(_exact_limit(p0, n, tail), abs=1e-9)


@pytest.mark.parametrize("n", [2_000, 20_000])
def test_control_limits_approach_the_normal_limits_for_large_sites(n: int) -> None:
    """For large n the exact limits tend to p0 +/- z sqrt(p0 (1 - p0) / n) (Spiegelhalter
    2005, section 3.1), within about one case."""
    p0 = 0.7
    se = math.sqrt(p0 * (1 - p0) / n)
    limits = funnel_limits(p0, n)
    assert limits["upper_95"] == pytest.approx(p0 + 1.959964 * se, abs=1.5 / n)
    assert limits["lower_95"] == pytest.approx(p0 - 1.959964 * se, abs=1.5 / n)
    assert limits["upper_998"] == pytest.approx(p0 + 3.090232 * se, abs=1.5 / n)
    assert limits["lower_998"] == pytest.approx(p0 - 3.090232 * se, abs=1.5 / n)


def test_funnel_limits_narrow_as_sites_grow_and_nest() -> None:
    small, large = funnel_limits(0.7, 20), funnel_limits(0.7, 500)
    assert small["lower_998"] <= small["lower_95"] < 0.7 < small["upper_95"] <= small["upper_998"]
    assert small["upper_95"] - small["lower_95"] > large["upper_95"] - large["lower_95"]


def test_kappa_matches_the_wikipedia_worked_example() -> None:
    """Wikipedia, "Cohen's kappa", simple example: 50 proposals, both yes 20, A yes B no 5,
    A no B yes 10, both no 15: p_o = 0.7, p_e = 0.5, kappa = 0.4."""
    stats = Agreement(n=50, both=20, first_only=5, second_only=10, neither=15)
    assert stats.percent == pytest.approx(70.0)
    assert stats.kappa == pytest.approx(0.4)


def test_kappa_matches_the_second_wikipedia_example() -> None:
    """Wikipedia, "Cohen's kappa", same agreement different kappa: 45/15/25/15 of 100
    gives 0.1304 and 25/35/5/35 gives 0.2593."""
    assert Agreement(100, 45, 15, 25, 15).kappa == pytest.approx(0.1304, abs=5e-5)
    assert Agreement(100, 25, 35, 5, 35).kappa == pytest.approx(0.2593, abs=5e-5)


def test_kappa_matches_scikit_learn_on_random_ratings() -> None:
    rng = random.Random(3)
    first = [rng.random() < 0.3 for _ in range(400)]
    second = [a if rng.random() < 0.8 else not a for a in first]
    both = sum(a and b for a, b in zip(first, second, strict=True))
    first_only = sum(a and not b for a, b in zip(first, second, strict=True))
    second_only = sum(b and not a for a, b in zip(first, second, strict=True))
    stats = Agreement(400, both, first_only, second_only, 400 - both - first_only - second_only)
    assert stats.kappa == pytest.approx(cohen_kappa_score(first, second))


def test_kappa_is_undefined_when_both_raters_never_use_the_code() -> None:
    stats = Agreement(n=12, both=0, first_only=0, second_only=0, neither=12)
    assert stats.percent == 100.0
    assert stats.kappa is None
