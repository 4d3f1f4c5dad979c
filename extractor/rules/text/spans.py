"""Taken spans: disjoint half-open intervals, with an overlap test in log time (pickers that keep the
longest candidate first test every candidate against every span kept; a list scan makes that quadratic)."""

from __future__ import annotations

import bisect


class TakenSpans:
    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        """True when [start, end) shares a character with a taken span."""
        at = bisect.bisect_left(self._starts, end)      # the spans that start before `end`
        return at > 0 and self._ends[at - 1] > start     # disjoint and sorted: only the last can reach in

    def take(self, start: int, end: int) -> None:
        """Keep [start, end), which must not overlap a taken span."""
        at = bisect.bisect_left(self._starts, start)
        self._starts.insert(at, start)
        self._ends.insert(at, end)
