"""Zones: spans whose digits are not quantities, found before any number is read (spec §5).

In priority order: footnotes `[1]`, document symbols (`18-NQ/TW`, `15, 16/CT-TTg`, `30/2020/NĐ-CP`), phones,
dates (`dates.find_dates`, `27- 29/10/2020`, `10/2020`), times (`08:15`, `8h30`, `24/24h`), Roman numerals
(`khóa XII`, `VII`), letter-digit codes (`Covid-19`, `QH13`), year ranges (`2015 - 2020`) and list markers
(`(1)`, `1.` or `1-` at a line start). `numbers` keeps a zone unless an earlier one overlaps it, and reads
numbers only outside the zones it kept.

This is apart from `numbers` because each zone is a whole-span pattern with its own checks (a month is 1-12, a
phone has 8-12 digits, a Roman numeral needs a rank word or capitals), while `numbers` reads single numbers and
the words around them. It yields plain `Zone`s, which `numbers` turns into matches, so it needs nothing from
above: only `dates`, Roman numerals from `documents.attributes` and the cue words of `number_words`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from decimal import Decimal
from typing import NamedTuple

import regex

from extractor.rules.dates import find_dates
from extractor.rules.documents.attributes import roman_value
from extractor.rules.numbers.words import cue_before


class Zone(NamedTuple):
    """A span and the number it stands for: the first number read (the day of a date, all digits of a phone)."""
    start: int
    end: int
    value: int
    kind: str
    rule: str
    high: Decimal | None = None


_INT = regex.compile(r"\d{1,18}")   # a zone's value from its first digits; int() refuses 4,300 digits
_LETTERS = regex.compile(r"[\p{L}\d]*")
_CODE_START = regex.compile(r"(?:\p{L}-?|\d)*$")
_WORD_BEFORE = regex.compile(r"(\p{L}+)\P{L}*$")
_SYMBOL_HEAD = regex.compile(r"\s?(?:-\s?)?\p{Lu}|\s?/")
_YEAR = r"(?:19|20)\d\d"

# Zones, in priority order: (kind, rule, pattern, matched on the original text rather than the folded one)
_CODE = r"\p{Lu}[\p{L}\d]*(?:\.[\p{L}\d]+)*"          # TW, ĐUK, CT-TTg, TH.U; never the full stop
_ZONES = (
    ("footnote", "footnote", r"\[\d{1,3}\]", False),
    # a list sharing one symbol ("15, 16/CT-TTg") is bounded: an unbounded one rescans a list of 2,000
    # numbers from each of them (quadratic)
    ("symbol", "symbol", r"(?<![\p{L}\d/.,])(?:\d{1,4}\s?(?:,|và|;)\s?(?:số\s)?){0,12}\d{1,5}"
     rf"(?:\s?(?:-\s?)?\p{{Lu}}[\p{{Lu}}\d]*\s?/\s?{_CODE}"                  # party: 18-NQ/TW, 09 KH/ĐU
     rf"|(?:\s?/\s?{_YEAR})?\s?/\s?{_CODE}(?:\s?-\s?{_CODE})*)", True),       # state: 30/2020/NĐ-CP
    ("phone", "phone", r"(?<![\p{L}\d.,])(?:(?:\+84|0)\d{1,3}(?:(?:[ .-]|\.\s)?\d{2,4}){2,3}|1[89]00\s?\d{4})"
     r"(?![\p{L}\d]|[.,]\d)", False),
    ("date", "date_range", r"(?<![\d/.-])\d{1,2}\s*[-–]\s*\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?(?![\d/])", False),
    ("date", "date", None, False),
    ("date", "month_year", rf"\d(?<![\d/.,-]\d)\d?\s?[/-]\s?{_YEAR}(?![\d/])", False),
    ("year", "year_after_roman", rf"(?<=(?<![\p{{L}}\d])[ivxlc]{{1,5}}\s?/\s?){_YEAR}(?!\d)", False),
    ("time", "time", r"(?<![\d:.,])(?:\d{1,2}:\d{2}(?::\d{2})?|\d{1,2}\s?(?:h|g|giờ)\s?\d{2}(?:\s?phút)?)(?!\d)"
     r"|(?<![\p{L}\d.,])(?:24\s?/\s?(?:24|7)\s?(?:h|giờ)?|\d{1,2}h)(?![\p{L}\d])", False),
    ("ordinal", "roman", r"\b[ivxlcdm]{1,7}\b", False),
    ("symbol", "code", r"(?<=\p{L}-?)\d", False),     # found at its first digit, widened to the whole code
    ("year", "year_range", rf"(?<![\d./,-])({_YEAR})\s*[-–—]\s*({_YEAR})(?![\d/.,])", False),
    ("ordinal", "list_marker", r"(?m)^[ \t]*\d{1,2}[.)-](?=\s)|(?<=[.!?] )\d{1,2}\.(?= \p{Lu})|\(\d{1,2}\)", True),
)


@functools.cache
def _zone_patterns():
    return [(kind, rule, p and regex.compile(p), original) for kind, rule, p, original in _ZONES]


def _first_int(surface: str) -> int:
    return int(_INT.search(surface).group())


def _roman_ok(text: str, f: str, s: int, e: int) -> bool:
    """`khóa XII`, `quý I` after a rank word; `VII-2022` alone when upper case, of I V X, in lower-case words."""
    cue, word = cue_before(text, f, s), text[s:e]
    if cue and cue[0] in ("rank", "ordinal"):
        return word.isupper() or len(word) >= 2 and set(word) <= set("ivx")
    previous = _WORD_BEFORE.search(text, max(0, s - 30), s)
    return len(word) >= 2 and set(word) <= set("IVX") and not (previous and previous.group(1).isupper())


def find_zones(text: str, f: str) -> Iterator[Zone]:
    """Every zone of `text` (`f` is its fold), zone by zone in priority order; zones may overlap."""
    for kind, rule, pattern, original in _zone_patterns():
        if pattern is None:
            yield from (Zone(d.start, d.end, _first_int(text[d.start:d.end]), kind, rule) for d in find_dates(text))
            continue
        for m in pattern.finditer(text if original else f):
            s, e, found = m.start(), m.end(), m.group()
            if rule == "roman":
                if roman_value(found) and _roman_ok(text, f, s, e):
                    yield Zone(s, e, roman_value(found), kind, rule)
            elif rule == "symbol":      # one match per number of a list sharing a symbol: "15, 16/CT-TTg"
                numbers = list(_INT.finditer(found))
                head = next(n for n in numbers if _SYMBOL_HEAD.match(found, n.end()))
                yield from (Zone(s + n.start(), s + n.end(), int(n.group()), kind, rule)
                            for n in numbers if n.start() < head.start())
                yield Zone(s + head.start(), e, int(head.group()), kind, rule)
            elif rule == "code":             # "Covid-19", "QH13", "F1"
                s = _CODE_START.search(f, max(0, s - 20), s).start()
                e = _LETTERS.match(f, e).end()
                yield Zone(s, e, _first_int(f[s:e]), kind, rule)
            elif rule == "month_year":
                if 1 <= _first_int(found) <= 12:
                    yield Zone(s, e, _first_int(found), kind, rule)
            elif rule == "year_range":
                if int(m.group(2)) >= int(m.group(1)):
                    yield Zone(s, e, int(m.group(1)), kind, rule, high=Decimal(m.group(2)))
            elif rule == "phone":
                digits = "".join(c for c in found if c.isdigit())
                if 8 <= len(digits) <= 12:
                    yield Zone(s, e, int(digits), kind, rule)
            else:
                yield Zone(s, e, _first_int(found), kind, rule)
