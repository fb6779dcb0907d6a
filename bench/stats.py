"""Summaries of latency samples and the report printed at the end of a run."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any


def percentile(values: list[float], fraction: float) -> float:
    """The ``fraction`` quantile, interpolating linearly between the closest ranks."""
    if not values:
        return math.nan
    ordered = sorted(values)
    position = (len(ordered) - 1) * fraction
    low = math.floor(position)
    high = math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


@dataclass(frozen=True)
class Summary:
    label: str
    samples_ms: list[float]

    @property
    def median(self) -> float:
        return percentile(self.samples_ms, 0.5)

    @property
    def p95(self) -> float:
        return percentile(self.samples_ms, 0.95)

    @property
    def max(self) -> float:
        return max(self.samples_ms, default=math.nan)

    def as_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "n": len(self.samples_ms),
            "median_ms": round(self.median, 2),
            "p95_ms": round(self.p95, 2),
            "min_ms": round(min(self.samples_ms, default=math.nan), 2),
            "max_ms": round(self.max, 2),
            "samples_ms": [round(value, 2) for value in self.samples_ms],
        }


@dataclass(frozen=True)
class Ratio:
    label: str
    numerator: Summary
    denominator: Summary
    target: float | None = None  # None: the ratio is only reported

    @property
    def median(self) -> float:
        return self.numerator.median / self.denominator.median

    @property
    def p95(self) -> float:
        return self.numerator.p95 / self.denominator.p95

    @property
    def met(self) -> bool | None:
        return None if self.target is None else self.median <= self.target

    def as_dict(self) -> dict[str, Any]:
        result: dict[str, Any] = {
            "label": self.label,
            "median_ratio": round(self.median, 3),
            "p95_ratio": round(self.p95, 3),
        }
        if self.target is not None:
            result |= {"target": self.target, "met": self.met}
        return result


def summary_lines(summaries: list[Summary], last_column: str = "max ms") -> list[str]:
    """A header, then per summary its number of samples, median, p95 and largest sample."""
    width = max(len(summary.label) for summary in summaries)
    lines = [f"{'':<{width}}  {'n':>4}  {'median ms':>10}  {'p95 ms':>10}  {last_column:>10}"]
    lines += [
        f"{s.label:<{width}}  {len(s.samples_ms):>4}  {s.median:>10.1f}  {s.p95:>10.1f}"
        f"  {s.max:>10.1f}"
        for s in summaries
    ]
    return lines


def format_table(summaries: list[Summary], ratios: list[Ratio], title: str | None = None) -> str:
    rows = [title, ""] if title else []
    rows += summary_lines(summaries)
    rows.append("")
    for ratio in ratios:
        if ratio.target is None:
            rows.append(f"{ratio.label}: median {ratio.median:.2f}; p95 {ratio.p95:.2f}")
            continue
        verdict = "met" if ratio.met else "MISSED"
        rows.append(
            f"{ratio.label}: median {ratio.median:.2f} (target <= {ratio.target:.2f}, {verdict});"
            f" p95 {ratio.p95:.2f}"
        )
    return "\n".join(rows)
