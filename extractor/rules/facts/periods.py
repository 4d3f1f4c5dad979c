"""Periods and as-of dates: which time a number counts, as ISO {start, end} (spec §5 `time`).

`năm 2021`, `nhiệm kỳ 2015 - 2020`, `9 tháng năm 2020`, `những tháng đầu năm 2022`, `tính đến 30/11/2020`,
`từ đầu nhiệm kỳ đến nay`, `hằng năm` … Relative ones are anchored to the publication date; without it
they give no time (the spec infers nothing).
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from dataclasses import dataclass

import regex

from extractor.folding import fold, fold_tones
from extractor.resources import load_table


@dataclass(frozen=True)
class Period:
    start: int
    end: int
    kind: str
    time: dict | None  # {"start": ISO, "end": ISO}, or None for "yearly" or when it cannot be known


@functools.cache
def _patterns() -> tuple[tuple[regex.Pattern, str], ...]:
    return tuple((regex.compile(fold_tones(pattern), regex.IGNORECASE), kind)
                 for pattern, kind in load_table("period_words.tsv", 2))


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _span(start: str | None, end: str | None) -> dict | None:
    return {"start": start, "end": end} if start and end and start <= end else None


def term_start(text: str, before: int) -> int | None:
    """The first year of the last `nhiệm kỳ Y1 - Y2` written before an offset (the term in force)."""
    found = None
    for match in regex.finditer(r"nhiệm kỳ\s+((?:19|20)\d\d)\s*[-–—]\s*(?:19|20)\d\d", fold(text[:before])):
        found = int(match.group(1))
    return found


def _time(match: regex.Match, kind: str, published: str | None, text: str) -> dict | None:
    g = {k: v for k, v in match.groupdict().items() if v}
    year = int(g["y"]) if "y" in g else None
    if kind == "year":
        return _span(_iso(year, 1, 1), _iso(year, 12, 31))
    if kind in ("span", "body_term"):
        return _span(_iso(int(g["y1"]), 1, 1), _iso(int(g["y2"]), 12, 31))
    if kind == "span_to_month":
        month, last = int(g["m2"]), int(g["y2"])
        if not 1 <= month <= 12:
            return None
        return _span(_iso(int(g["y1"]), 1, 1), _iso(last, month, calendar.monthrange(last, month)[1]))
    if kind == "month":
        month = int(g["m"])
        if not 1 <= month <= 12:
            return None
        return _span(_iso(year, month, 1), _iso(year, month, calendar.monthrange(year, month)[1]))
    if kind == "until_year":
        return _span(_iso(year, 12, 31), _iso(year, 12, 31))
    if kind in ("asof", "event"):
        day = _iso(year, int(g["m"]), int(g["d"]))
        return _span(day, day)
    if kind == "months":
        year = year or (int(published[:4]) if published else None)
        months = int(g["n"])
        if year is None or not 1 <= months <= 12:
            return None
        return _span(_iso(year, 1, 1), _iso(year, months, calendar.monthrange(year, months)[1]))
    if kind == "year_to_now":
        return _span(_iso(year, 1, 1), published) if published and published[:4] == str(year) else \
            _span(_iso(year, 1, 1), _iso(year, 12, 31))
    if kind == "since_year":
        return _span(_iso(year, 1, 1), published) if published else None
    if kind == "now_year":
        return _span(published[:4] + "-01-01", published) if published else None
    if kind in ("term_to_month", "term_to_year"):
        first = int(g["y1"]) if "y1" in g else term_start(text, match.start())
        last = int(g["y2"])
        month = int(g.get("m2", 12))
        if not first or not 1 <= month <= 12:
            return None
        return _span(_iso(first, 1, 1), _iso(last, month, calendar.monthrange(last, month)[1]))
    if kind == "term_to_now":
        first = int(g["y1"]) if "y1" in g else term_start(text, match.start())
        return _span(_iso(first, 1, 1), published) if first and published else None
    return None  # yearly


@functools.cache
def _term_words() -> tuple[tuple[str, ...], frozenset[str]]:
    rows = load_table("period_term_bodies.tsv", 2)
    return tuple(fold(w) for k, w in rows if k == "body"), frozenset(fold(w) for k, w in rows if k == "gap")


_TERM = regex.compile(r"nhiệm kỳ|khóa")
_NAME_WORD = regex.compile(r"[^\s,()]+|,")
_ROMAN = regex.compile(r"[IVXLC]+")


def names_body(text: str, start: int) -> bool:
    """Whether the term at `start` names the body or meeting written just before it (`Đại hội Đảng bộ tỉnh
    lần thứ XX, nhiệm kỳ …`), walking back over that body's own name to a word of `period_term_bodies.tsv`."""
    bodies, gaps = _term_words()
    words = [m.group() for m in _NAME_WORD.finditer(text, max(0, start - 160), start)]
    if words and words[-1] == ",":
        words.pop()
    for back in range(min(len(words), 16)):
        tail = " " + fold(" ".join(words[max(0, len(words) - back - 3):len(words) - back]))
        if any(tail.endswith(" " + body) for body in bodies):
            return True
        word = words[len(words) - 1 - back]
        # a name capitalizes its first syllable only ("Tổng cục Môi trường"): a lowercase word may follow a capital
        named = any(w[:1].isupper() for w in words[max(0, len(words) - back - 4):len(words) - 1 - back])
        if not (word[0].isupper() or word[0].isdigit() or _ROMAN.fullmatch(word) or fold(word) in gaps or named):
            return False
    return False


def find_periods(text: str, published: str | None = None) -> list[Period]:
    """Every time expression in `text`, longest first where they overlap, in text order."""
    folded = fold(text)
    found: list[Period] = []
    taken: list[tuple[int, int]] = []
    for pattern, kind in _patterns():  # the table lists longer, more specific forms first
        for match in pattern.finditer(folded):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            if kind == "span" and _TERM.match(folded, start) and names_body(text, start):
                kind = "body_term"  # "Đại hội … nhiệm kỳ 2020 - 2025": the meeting's name; it dates only targets
            found.append(Period(start, end, kind, _time(match, kind, published, text)))
    return sorted(found, key=lambda p: p.start)
