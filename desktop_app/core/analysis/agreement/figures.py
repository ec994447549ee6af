"""The plain results every measure returns: a value, or None with the reason it is undefined.

No measure ever returns NaN: where a formula divides by zero the figure is undefined, and says why.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Figure:
    value: float | None
    reason: str | None = None

    def __post_init__(self):
        if self.value is not None and not math.isfinite(self.value):
            raise ValueError(f"a figure must be finite or undefined, not {self.value!r}")
        if self.value is None and not self.reason:
            raise ValueError("an undefined figure needs its reason")

    @classmethod
    def undefined(cls, reason: str) -> Figure:
        return cls(None, reason)

    @property
    def defined(self) -> bool:
        return self.value is not None


@dataclass(frozen=True)
class Interval:
    """A bootstrap percentile interval (Hayes & Krippendorff 2007)."""

    low: float | None
    high: float | None
    level: float
    samples: int
    seed: int
    # Resamples in which the figure was undefined (all values alike): left out of the percentiles.
    undefined_samples: int
    reason: str | None = None

    def to_json(self) -> dict[str, Any]:
        data = {"low": self.low, "high": self.high, "level": self.level, "samples": self.samples,
                "seed": self.seed, "undefined_samples": self.undefined_samples}
        if self.reason:
            data["reason"] = self.reason
        return data


def ratio(numerator: float, denominator: float, reason: str) -> Figure:
    """numerator / denominator, or undefined (with `reason`) where the denominator is zero."""
    if denominator == 0:
        return Figure.undefined(reason)
    return Figure(numerator / denominator)
