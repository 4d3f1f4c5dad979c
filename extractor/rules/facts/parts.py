"""Parts of a stated total (spec §5): "Parts of a stated total are not facts of their own unless the metric has
a category for them" (`trao Huy hiệu cho 35 đồng chí, trong đó 3 … 70 năm tuổi Đảng` is one fact, 35).

A number is a part when a marker says so, and a total of its own metric was stated where that marker points:
- `trong đó …` in its clause: the counts before the marker in the clause; when the marker opens the clause
  or the sentence ("…; trong đó 14 …", "Trong đó, có 64 …"), also the clause of the last count before it;
- `Trong số N …, có X` opening the clause: N;
- `gồm …` after an earlier count ("cho 35 đồng chí, gồm 3 …"): that count;
- `… trong tổng số N` after it: N (`282 người bị khai trừ, … trong tổng số 2.400 đảng viên`);
- a sentence opening on `Cụ thể` right after a total of the same metric ("… kỷ luật 536 đảng viên. Cụ thể, …").
How each metric's parts are read is the `parts` column of `data/fact_taxonomy.tsv`: organizations' parts are set
aside only when their category is the total's; members', admissions', badges' and discipline's whenever they
have no category of their own. A part with its own period is a fact.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from extractor.rules.facts.taxonomy import parts_rule

_WITHIN = regex.compile(r"\btrong đó\b")
_AMONG = regex.compile(r"\W*trong\s+(?:tổng\s+)?số\b")
_INCLUDING = regex.compile(r"\bgồm\b")
_DETAIL = regex.compile(r"\W*(?:cụ thể|chi tiết)\b")
_LATER_TOTAL = regex.compile(r"[^;]{0,120}?\btrong\s+(?:tổng\s+)?số\s+(?:\w+\s+)?\d")


@dataclass(frozen=True)
class Stated:
    """A number already read in the article: where it stands, the fact it gave, and the metric it was read
    as before any part of it was set aside."""
    start: int
    end: int
    fact: dict
    metric: str


def _marker(folded: str, clause: tuple[int, int], start: int, previous: list) -> tuple[int, int] | None:
    """Where the part marker before the number stands, as offsets into the text."""
    found = _WITHIN.search(folded, clause[0], start)
    if not found and previous:
        found = _AMONG.match(folded, clause[0], start)
    if not found and previous:
        found = _INCLUDING.search(folded, previous[0].end, start)
    return found.span() if found else None


def _totals(stated: list[Stated], clause: tuple[int, int], sentence_start: int, marker: tuple[int, int],
            opens: bool) -> list[Stated]:
    """The counts a part marker points back to."""
    totals = [s for s in stated if clause[0] <= s.start and s.end <= marker[0]]
    if opens:
        totals += [s for s in stated if sentence_start <= s.start < clause[0]]
        earlier = [s for s in stated if s.start < clause[0]]
        if earlier:  # the clause of the last count before it ("… kỷ luật 12 chi bộ và 430 đảng viên, giảm 8% ….
            last = max(earlier, key=lambda s: s.start)  # Trong đó, …")
            totals += [s for s in earlier if s.fact["evidence"] == last.fact["evidence"]]
    return totals


def _in_clause(stated: list[Stated], clause: tuple[int, int]) -> list[Stated]:
    return [s for s in stated if s.start >= clause[0]]


def is_part(folded: str, fact: dict, start: int, end: int, clause: tuple[int, int], sentence_start: int,
            previous: list, stated: list[Stated], period_start: int | None) -> bool:
    """Whether the number at [start, end), read as `fact`, is a part of a total stated before it."""
    metric, category = fact["metric"], fact["category"]
    rule = parts_rule(metric)  # data/fact_taxonomy.tsv
    needs_category = rule == "need_category" and (category is None or metric == "disciplined")
    if rule != "same_category" and not needs_category:
        return False
    marker = _marker(folded, clause, start, previous)
    if marker:
        if period_start is not None and period_start > marker[1]:
            return False  # "trong đó năm 2022 kết nạp 12": a part with its own period
        opens = marker[0] - clause[0] < 3
        totals = _totals(stated, clause, sentence_start, marker, opens)
        if rule == "same_category":
            return any(s.fact["metric"] == metric and s.fact["category"] == category for s in totals)
        return not _in_clause(stated, clause) or any(s.metric == metric for s in totals)
    in_clause = _in_clause(stated, clause)
    if not needs_category or (in_clause and not any(s.metric == metric for s in in_clause)):
        return False
    if _LATER_TOTAL.match(folded, end, clause[1]):
        return True
    if _DETAIL.match(folded, clause[0], start):
        total = next((s for s in reversed(stated) if s.fact["metric"] != "other" and s.start < clause[0]), None)
        return total is not None and total.metric == metric and total.fact["evidence"]["end"] >= sentence_start - 2
    return False
