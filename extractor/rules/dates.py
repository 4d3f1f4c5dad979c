"""Dates as Vietnamese portals and articles write them, to ISO strings.

`27/10/2022`, `27 / 10 / 2022`, `27-10-2022`, `27.10.2022`, `ngày 27 tháng 10 năm 2022`, `2022-10-27`.
A date needs its year: `Ngày 7/7` or `sáng 5-7` give nothing (the spec infers no year).
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

import regex

from extractor.folding import fold, fold_tones
from extractor.resources import load_list

_DMY = r"(?<![\d/.-])(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>\d{4})(?![\d/])"
_WORDS = r"ngày\s+(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>\d{4})(?!\d)"
_ISO = r"(?<![\d/.-])(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})(?![\d/])"
DATE = regex.compile(f"{_DMY}|{_WORDS}|{_ISO}", regex.IGNORECASE)
_TIME = r"\d{1,2}\s*[:hg]\s*\d{2}(\s*:\s*\d{2})?(\s*(am|pm|sa|ch))?"
_FILLER = r"[\s,|()\-–—:/.]*"


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    iso: str


def to_iso(year: int, month: int, day: int) -> str | None:
    if not 1900 <= year <= 2100:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _iso_of(match: regex.Match) -> str | None:
    g = match.groupdict()
    for d, m, y in (("d", "m", "y"), ("d2", "m2", "y2"), ("d3", "m3", "y3")):
        if g[y]:
            return to_iso(int(g[y]), int(g[m]), int(g[d]))
    return None


def find_dates(text: str) -> list[DateMatch]:
    """Every full date (with a year) in `text`, with offsets."""
    found = []
    for match in DATE.finditer(fold(text)):
        iso = _iso_of(match)
        if iso:
            found.append(DateMatch(match.start(), match.end(), iso))
    return found


@functools.cache
def _date_line() -> regex.Pattern:
    words = "|".join(fold_tones(w) for w in load_list("date_line_words.txt"))
    piece = rf"(?:{words}|{_TIME})"
    return regex.compile(rf"{_FILLER}(?:{piece}{_FILLER})*(?P<date>{DATE.pattern}){_FILLER}(?:{piece}{_FILLER})*",
                         regex.IGNORECASE)


def parse_date_line(line: str) -> str | None:
    """The ISO date of a line that is nothing but a publication date with its furniture, else None."""
    folded = fold(line.strip())
    if len(folded) > 80:
        return None
    match = _date_line().fullmatch(folded)
    return _iso_of(DATE.fullmatch(match.group("date"))) if match else None


_ISO_DAY = regex.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.+\-Z]*)?$")


def iso_day(value) -> str | None:
    """The day of an ISO date or timestamp a container states (`2023-04-05T08:00:00+07:00`), or None,
    also for a day that does not exist (`2024-02-30`): a bad date field is no date, not a lost article."""
    match = _ISO_DAY.match(value.strip()) if isinstance(value, str) else None
    if not match:
        return None
    try:
        return dt.date.fromisoformat(match.group(1)).isoformat()
    except ValueError:
        return None
