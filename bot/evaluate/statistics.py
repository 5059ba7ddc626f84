"""The report's statistics: Wilson intervals, funnel plot control limits, Cohen's kappa."""

from __future__ import annotations

from dataclasses import dataclass

from scipy.stats import binom, binomtest


@dataclass(frozen=True)
class Interval:
    low: float
    high: float


def wilson(k: int, n: int, confidence: float = 0.95) -> Interval | None:
    """The Wilson score interval for k of n (None when n is 0: there is no rate)."""
    if n <= 0:
        return None
    ci = binomtest(k, n).proportion_ci(confidence_level=confidence, method="wilson")
    return Interval(float(ci.low), float(ci.high))


def control_limit(p0: float, n: int, tail: float) -> float:
    """Spiegelhalter's (2005) exact binomial control limit for a proportion.

    ``tail`` is the cumulative probability (0.025/0.975 for 95%, 0.001/0.999 for 99.8%). The
    limit is the ``tail`` quantile r of Binomial(n, p0), moved back by the interpolation of
    Spiegelhalter, Statistics in Medicine 24:1185-1202, appendix A.1.1:
    alpha = (F(r) - tail) / (F(r) - F(r - 1)), limit = (r - alpha) / n, so the limits are
    smooth in n instead of stepping with the discrete quantile.
    """
    if n <= 0:
        raise ValueError("a control limit needs at least one case")
    r = float(binom.ppf(tail, n, p0))
    f_r = float(binom.cdf(r, n, p0))
    f_below = float(binom.cdf(r - 1, n, p0))
    alpha = (f_r - tail) / (f_r - f_below) if f_r > f_below else 0.0
    return min(1.0, max(0.0, (r - alpha) / n))


def funnel_limits(p0: float, n: int) -> dict[str, float]:
    """The 95% and 99.8% limits around the programme rate ``p0`` for a site of ``n``."""
    return {
        "lower_998": control_limit(p0, n, 0.001),
        "lower_95": control_limit(p0, n, 0.025),
        "upper_95": control_limit(p0, n, 0.975),
        "upper_998": control_limit(p0, n, 0.999),
    }


@dataclass(frozen=True)
class Agreement:
    """Agreement between two raters on one present/absent code."""

    n: int
    both: int
    first_only: int
    second_only: int
    neither: int

    @property
    def percent(self) -> float:
        return 100.0 * (self.both + self.neither) / self.n

    @property
    def kappa(self) -> float | None:
        """Cohen's kappa; None when chance agreement is total (both raters constant)."""
        n = self.n
        observed = (self.both + self.neither) / n
        first_yes = (self.both + self.first_only) / n
        second_yes = (self.both + self.second_only) / n
        expected = first_yes * second_yes + (1 - first_yes) * (1 - second_yes)
        if expected >= 1.0:
            return None
        return (observed - expected) / (1 - expected)
