"""A measured figure, its floor, its budget, and the statistics that summarise samples.

Machines are shared and noisy: figures are medians (and p95 where a tail matters), and
each is set beside a floor measured in the same run so ratios stay comparable.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any


def percentile(samples: Sequence[float], q: float) -> float:
    """The q-th percentile (0–100) by the nearest-rank method."""
    if not samples:
        raise ValueError("no samples")
    ordered = sorted(samples)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


@dataclass(frozen=True, slots=True)
class Figure:
    """One row of the bench table (and one object of its JSON).

    Attributes:
        name: what was measured.
        unit: ``s``, ``ms``, ``MB``, ``%`` (of one core) or ``/s``.
        median / p95: of the samples (p95 ``None`` where a tail means nothing).
        floor: the same kind of figure for the least the machine can do, or ``None``.
        budget: the budget in words, e.g. ``≤ 50 ms``.
        ok: whether the budget is met.
        samples: how many samples the figure summarises.
    """

    name: str
    unit: str
    median: float
    p95: float | None
    floor: float | None
    budget: str
    ok: bool
    samples: int

    @property
    def ratio(self) -> float | None:
        if self.floor is None or self.floor <= 0:
            return None
        return self.median / self.floor

    def as_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "unit": self.unit,
            "median": round(self.median, 3),
            "p95": None if self.p95 is None else round(self.p95, 3),
            "floor": None if self.floor is None else round(self.floor, 3),
            "ratio": None if self.ratio is None else round(self.ratio, 2),
            "budget": self.budget,
            "ok": self.ok,
            "samples": self.samples,
        }


def figure(
    name: str,
    unit: str,
    samples: Sequence[float],
    budget: str,
    meets: Callable[[float, float | None, float | None], bool],
    floor: float | None = None,
    tail: bool = True,
) -> Figure:
    """Summarise ``samples``; ``meets(median, p95, ratio)`` says whether the budget holds."""
    median = statistics.median(samples)
    p95 = percentile(samples, 95) if tail else None
    ratio = median / floor if floor else None
    return Figure(name, unit, median, p95, floor, budget, meets(median, p95, ratio), len(samples))


def single(
    name: str,
    unit: str,
    value: float,
    budget: str,
    ok: bool,
    floor: float | None = None,
    samples: int = 1,
) -> Figure:
    """A figure that is one value for the run (a maximum, a rate, a growth)."""
    return Figure(name, unit, value, None, floor, budget, ok, samples)


def table(figures: Sequence[Figure]) -> str:
    """The figures as a plain-text table for the terminal."""
    head = ("figure", "median", "p95", "floor", "ratio", "budget", "ok")
    rows = [head]
    for f in figures:
        rows.append(
            (
                f.name,
                f"{f.median:.1f} {f.unit}",
                "" if f.p95 is None else f"{f.p95:.1f} {f.unit}",
                "" if f.floor is None else f"{f.floor:.1f} {f.unit}",
                "" if f.ratio is None else f"{f.ratio:.1f}×",
                f.budget,
                "yes" if f.ok else "NO",
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)) for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)
