"""Which period a fact counts (spec §5 `time`): scope rules, clause first, never reaching back.

1. The clause: the nearest period before the number in its sentence; else a period after it in its own
   clause, before any other count and any comma (`kết nạp 45 đảng viên trong năm 2021`, but not
   `… 17 đảng viên, năm 2019 chi bộ sẽ kết nạp thêm 5`: a later year never reaches back).
2. A sentence with a time of its own that gives no year (`Ngày 28.2, …`, `trước đó`) counts a flow in a
   time the article does not state: null, nothing inherited.
3. A footnote: the period nearest before its mark in the marked paragraph.
4. A stock (members, organizations, committee sizes, shares) with no period of its own is as of an
   `tính đến …` date earlier in its paragraph, else as of publication (a proposed size too); `hiện có` is always
   as of publication.
5. A flow or a target with no period of its own takes the paragraph's last period before it, else the span
   the headline or the lead gives the whole article (a lead's span only for what follows it).
A term that names a body or a meeting (`Đại hội Đảng bộ nhiệm kỳ 2015-2020`, `Ban Chấp hành khóa 2020-2025`)
is no period: `periods.find_periods` leaves it out.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from extractor.rules.facts.periods import Period
from extractor.rules.facts.taxonomy import stock_counts

STOCKS = stock_counts()  # members, organizations, committee sizes (data/fact_taxonomy.tsv)
_AS_OF_NOW = regex.compile(r"\bhiện (?:có|nay|đang)?\s*$|\bhiện có\b")
# a time of the sentence's own that gives no year: a day and month alone, or relative to another event
_UNKNOWN_TIME = regex.compile(r"\b(?:ngày|sáng|chiều|tối|hôm|đêm)\s+\d{1,2}\s*[/.-]\s*\d{1,2}(?!\s*[/.-]?\s*\d)"
                              r"|\b(?:trước đó|sau đó|trước đây)\b")
_BREAK_AFTER = regex.compile(r"[,;:\n]|\d")


@dataclass(frozen=True)
class Scope:
    """Where a number stands: its clause and sentence, its paragraph's start, and a footnote's mark."""
    number_start: int
    number_end: int
    clause: tuple[int, int]
    sentence: tuple[int, int]
    paragraph_start: int
    footnote: tuple[int, int] | None  # (sentence start, mark) of the sentence that carries the footnote's mark


def lead_period(periods: list[Period], text: str) -> Period | None:
    """The span the headline or lead gives the whole article ("nhiệm kỳ 2015 - 2020", "5 năm (2000-2004)")."""
    lead_end = min(len(text), 600)
    return next((p for p in periods if p.start < lead_end and p.kind == "span"), None)


def _own_period(periods: list[Period], folded: str, scope: Scope) -> Period | None:
    before = [p for p in periods if scope.sentence[0] <= p.start < scope.number_start]
    if before:
        return before[-1]
    after = next((p for p in periods if scope.number_end <= p.start < scope.clause[1]), None)
    if after and not _BREAK_AFTER.search(folded, scope.number_end, after.start):
        return after
    return None


def _footnote_period(periods: list[Period], text: str, mark: tuple[int, int]) -> Period | None:
    mark_line = text.rfind("\n", 0, mark[0]) + 1
    return next((p for p in reversed(periods) if mark_line <= p.start < mark[1] and p.kind != "event"), None)


def fact_time(periods: list[Period], text: str, folded: str, scope: Scope, stock: bool, target: bool,
              published: str | None, lead: Period | None) -> tuple[Period | None, dict | None]:
    """The period the fact takes and its {start, end} (None when the article does not say); `stock` for
    counts as of a day (members, organizations, committee sizes, most shares), else a flow over a period."""
    if not target:
        periods = [p for p in periods if p.kind != "body_term"]
    if lead and lead.start > scope.number_start and lead.start > text.find("\n") >= 0:
        lead = None  # a lead governs what follows it (the headline governs the whole article)
    period = _own_period(periods, folded, scope)
    unknown = None
    for unknown in _UNKNOWN_TIME.finditer(folded, scope.sentence[0], scope.number_start):
        pass  # the last one before the number
    if unknown and not stock and (period is None or period.start < unknown.start()):
        return None, None  # "Ngày 28.2, … khai trừ 2 …", "trước đó … kết nạp 4": a time of its own, not known
    if period is None and scope.footnote:
        period = _footnote_period(periods, text, scope.footnote)
    start = scope.number_start
    if stock and _AS_OF_NOW.search(folded, max(scope.sentence[0], start - 40), start):
        period = None  # "Chi bộ hiện có 27 đảng viên": as of publication, whatever year the sentence names
    elif period is None and stock:  # a stock counted "tính đến 31/12/2022" earlier in the paragraph
        period = next((p for p in reversed(periods) if scope.paragraph_start <= p.start < start
                       and p.kind == "asof"), None)
    if period is None and (not stock or target):
        earlier = [p for p in periods if scope.paragraph_start <= p.start < start]
        period = earlier[-1] if earlier else lead
    if (period is not None and period.kind in ("until_year", "asof") and not stock and not target
            and lead and period.time and lead.time and lead.time["end"][:4] == period.time["end"][:4]):
        period = lead  # "Đến năm 2004 … kết nạp mới 339": counted over the article's span
    time = period.time if period else None
    if time is None and stock and (period is None or period.kind != "yearly"):
        time = {"start": published, "end": published} if published else None
    return period, time
