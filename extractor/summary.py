"""What a run did, counted as it goes, and the lines that tell it on stderr when it ends."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

from extractor.inputs import SUFFIXES

_FORMATS = "/".join(SUFFIXES)


def most_common_first(counts: Counter) -> str:
    """`a ×3, b ×1, c ×1`: most common first, ties by name, so the same run always says the same."""
    return ", ".join(f"{name} ×{n}" for name, n in sorted(counts.items(), key=lambda item: (-item[1], item[0])))


@dataclass
class Summary:
    records: int = 0
    errors: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    resumed: int = 0            # articles skipped because an earlier run wrote them (--resume)
    facts: Counter = field(default_factory=Counter)     # the records' facts by metric, `other` left out
    skipped: int = 0            # files of an input folder whose name is of no input format

    @property
    def failed(self) -> int:
        return sum(self.errors.values())

    def count_facts(self, metrics: Iterable[str]) -> None:
        self.facts.update(metrics)

    def skip_file(self, path: str) -> None:
        self.skipped += 1

    def line(self, errors_to: str) -> str:
        """The run in one line, then its facts by metric in a second when it made records."""
        total = self.records + self.failed
        text = f"extractor: {total} article(s), {self.records} record(s), {self.failed} error(s) in {self.seconds:.1f}s"
        if self.failed:
            text += f" ({most_common_first(self.errors)}); errors in {errors_to}"
        if self.resumed:
            text += f"; {self.resumed} article(s) done by an earlier run were skipped"
        if self.skipped:
            text += f"; {self.skipped} file(s) skipped (not {_FORMATS})"
        if self.records:
            kinds = most_common_first(self.facts)
            text += f"\nextractor: {sum(self.facts.values())} fact(s)" + (f": {kinds}" if kinds else "")
        return text
