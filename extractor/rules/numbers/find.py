"""Counts and shares as Vietnamese articles write them, with offsets (spec §5; reference/domain.md §4).

`find_numbers(text)` returns every numeric expression, in text order, without overlaps; `text[m.start:m.end]`
is the number as written with its scale word, percent sign, currency or `tuổi` ("8,2 vạn", "46,2%", "1,5 tỷ
đồng", "40 tuổi"), never its counted noun. Kinds in `QUANTITIES` can be facts: `count`, `percent`, `ratio`
(`30/65`: value 30, total 65), `range` (`từ 10 đến 15`, `45% - 50%`: value 10, high 15, approx `over` as the
spec says; a range of money or ages keeps kind `money`/`age`). The others tell the fact layer what to skip:
`year`, `date`, `time`, `ordinal`, `money`, `age`, `phone`, `symbol`, `slogan`, `footnote` (their `value` is
the first number read: the day of a date, the start of a year range, all digits of a phone number).
Values are exact `Decimal`s, normalised (`8,2 vạn` → 82000, never 82000.0 nor 8.2E+4); `to_json` gives the
record's JSON number (an int when whole, `float(str(d))` otherwise, which prints `46.2`).

How it reads, on `fold(text)` (same offsets, lower case, one tone placement):
1. Zones first (`number_zones`), in priority order: footnotes `[1]`, document symbols (`18-NQ/TW`,
   `15, 16/CT-TTg`, `30/2020/NĐ-CP`), phones, dates (`dates.find_dates`, `27- 29/10/2020`, `10/2020`), times
   (`08:15`, `8h30`, `24/24h`), Roman numerals (`khóa XII`, `VII`), letter-digit codes (`Covid-19`, `QH13`), year
   ranges (`2015 - 2020`) and list markers (`(1)`, `1.` or `1-` at a line start).
2. Atoms outside them (`number_words`): digits (dot = thousands, comma = decimal; a dot before one or two digits
   is an English decimal point, `3.9 triệu USD`; `1,056,000` with two commas is English thousands) with scale
   words (`8,2 vạn`, `1 tỷ 500 triệu`), and word numbers parsed by a small grammar (`hai mươi lăm`, `một trăm
   linh năm`, `hai nghìn không trăm hai mươi`; number_words.tsv).
3. Pairs of atoms: `X/Y` is a ratio unless it is a day/month (`19/5`, `ngày 7/7`: a counted noun after it or a
   qualifier before it makes `3/5 chi bộ`, `hơn 2/3` ratios), a month/year (`10/2020`), an address (`số 16/26`)
   or round the clock (`24/24 h`). `X - Y`, `X đến Y` is a range when X < Y (`3 - 5 triệu` scales both ends);
   `X-Y` with X ≥ Y that can be a day-month is a date (`hôm 14-6`), as is any pair after a date word.
4. A single atom takes its kind from the word after it (number_units.tsv: `%`, `đồng`, `tuổi`, slogan words),
   a counted noun after it (number_counters.txt: makes it a count), the word before it (number_context.tsv
   plus the type words of document_types.tsv: `năm 2021`, `thứ 2`, `số 18`, `Chỉ thị 05`), a short quote it
   opens (`“05 hóa”` is a slogan). A bare 19xx/20xx is a year unless it counts something (`còn 2020 đầu mối`)
   or is qualified (`khoảng 2000`). Digits glued to letters (`4G`, `10ha`) are codes: kind `symbol`.
   A list shares a kind: `Quyết định 935, 936` are symbols, `huy hiệu 70, 60 năm tuổi` ages.
Qualifiers (number_qualifiers.tsv) set `approx`: the phrase directly before the number (`qualifier_start`
is where it starts; the longest wins: `trên dưới 20` is about), `trở lên`/`trở xuống` after the number or its
counted noun, and `từ X … trở lên` within the clause (`qualifier_start` at `từ`). `từ` alone is no bound.
Word numbers are conservative: idioms are skipped (`một số`, `một cách`; number_idioms.txt); `không` is a
number only in `không trăm`; a capitalised word number inside a sentence is a name (`Ba Đình`, `Đỗ Mười`)
unless a rank or date word precedes it (`Thứ Năm`, `giải Ba`, `tháng Năm`); a qualifier counts for a word
number only when something counted follows (`trên một diễn đàn` is a place); and `năm`, five or year, is
five only inside a longer number or before a counted noun (`năm đảng viên`), never after a ten (`mười năm`
is ten years, fifteen is `mười lăm`), after another number (`ba năm`) or before digits (`9 tháng năm 2020`).
`30 năm tuổi Đảng` is an `age`: party seniority names a badge class, which the spec never counts.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import Decimal

import regex

from extractor.folding import fold
from extractor.rules.numbers.words import (Atom, cue_before, normalise, number_lexicon, number_patterns, parse_words,
                                          read_atoms)
from extractor.rules.numbers.zones import find_zones

QUANTITIES = ("count", "percent", "ratio", "range")     # the kinds a fact can come from


@dataclass(frozen=True)
class NumberMatch:
    start: int
    end: int
    value: Decimal
    kind: str
    approx: str
    qualifier_start: int
    high: Decimal | None = None
    total: Decimal | None = None
    words: bool = False
    rule: str = ""


def to_json(value: Decimal) -> int | float:
    """The record's JSON number: an int when whole, else `float(str(d))`, which prints `46.2`, not 46.2000001."""
    value = normalise(value)
    return int(value) if value == value.to_integral_value() else float(str(value))


_LETTERS = regex.compile(r"[\p{L}\d]*")
_DIGIT_NEXT = regex.compile(r"\s*\d")
_HYPHENATED = regex.compile(r"-\p{L}")
_CLOSE_QUOTE = regex.compile(r"[^“”\"‘’\n]{0,40}?[”\"’]")
_LIST_SEPARATOR = regex.compile(r"\s?(?:,|;|và|hoặc)\s?(?:số\s)?")
_PHRASE_END = regex.compile(r"\s*(?:$|[,.;:!?)”\"’…]|và\b|-)")


def _plain(s, e, value, kind, rule, high=None, words=False) -> NumberMatch:
    return NumberMatch(s, e, normalise(Decimal(value)), kind, "exact", s, high=high, words=words, rule=rule)


# ---- context around an atom ------------------------------------------------------------------------------

def _qualifier(f: str, s: int, kind: str, end: int, counted_end: int, before: bool = True) -> tuple[str, int]:
    """(approx, qualifier_start) from the phrase before the number or `trở lên`-like words after it."""
    r, qualifiers = number_patterns(), number_lexicon().qualifiers
    opener = r["from_"].search(f, max(0, s - 8), s)          # "từ 95% trở lên": the bound starts at "từ"
    if before and (m := r["before"].search(f, max(0, s - 20), s)):
        approx, _, scope = qualifiers[m.group("q")]
        if scope in ("any", kind):
            return (approx, m.start()) if approx != "exact" else ("exact", s)
    for at in (end, counted_end):
        if at and (m := r["after"].match(f, at)):
            approx, _, scope = qualifiers[m.group("q")]
            if scope in ("any", kind):
                return approx, opener.start() if opener else s
    if opener and (after := r["up_to"].match(f, end)):
        approx, _, scope = qualifiers[after.group("q")]
        if scope in ("any", kind):
            return approx, opener.start()
    return "exact", s


def _sentence_initial(text: str, s: int) -> bool:
    before = text[max(0, s - 10):s].rstrip(" \t\u00a0")
    return not before or before[-1] in ".!?:;\n\"“”‘’'(-–—•…*[|"


def _quoted_slogan(text: str, s: int) -> bool:
    """`“05 hóa”`, `"3 không"`: a number opening a quote of at most five words."""
    before = text[max(0, s - 3):s].rstrip(" ")
    if not before or before[-1] not in "“\"‘":
        return False
    close = _CLOSE_QUOTE.match(text, s)
    return bool(close) and len(text[s:close.end() - 1].split()) <= 5


def _is_year(a: Atom) -> bool:
    return len(a.raw) == 4 and a.raw.isdigit() and a.raw[:2] in ("19", "20")


# ---- reading atoms into matches ----------------------------------------------------------------------

def _unit(f: str, e: int) -> tuple[str | None, int]:
    m = number_patterns()["unit"].match(f, e)
    return (number_lexicon().units[m.group("u")], m.end()) if m else (None, e)


def _word_number_ok(text: str, f: str, a: Atom, cue, follows: bool) -> bool:
    if text[a.start].isupper() and not _sentence_initial(text, a.start) and not (
            cue and cue[0] in ("rank", "date")):
        return False                                        # a name: "Ba Đình", "Đỗ Mười"
    if _HYPHENATED.match(f, a.end):
        return False                                        # a transliteration: "Ba-chê-lết"
    if f[a.start:a.end] in number_lexicon().ambiguous:     # "năm qua", "9 tháng năm 2020": the year word
        return (follows or cue is not None) and not _DIGIT_NEXT.match(f, a.end)
    return True


def _single(text: str, f: str, a: Atom) -> NumberMatch | None:
    r = number_patterns()
    s, e = a.start, a.end
    qualified = bool(r["before"].search(f, max(0, s - 20), s))
    cue = None if qualified else cue_before(text, f, s)
    unit, unit_end = _unit(f, e)
    counted = r["counter"].match(f, e)
    if a.words and not _word_number_ok(text, f, a, cue, bool(unit or counted)):
        return None
    kind, end, rule = "count", e, "words" if a.words else "digits"
    if f[e:e + 1].isalpha() and unit is None:           # "4G", "10ha", "1,5kg": a code or an unread unit
        return _plain(s, _LETTERS.match(f, e).end(), a.value, "symbol", "glued", words=a.words)
    if _quoted_slogan(text, s) or unit == "slogan" or unit == "slogan_end" and a.value <= 10 \
            and _PHRASE_END.match(f, unit_end):
        return _plain(s, e, a.value, "slogan", "slogan", words=a.words)
    if unit in ("percent", "money", "age", "time"):
        kind, end = unit, unit_end
    elif cue and (cue[0] in ("date", "time", "phone", "rank") or cue[0] == "year" and _is_year(a)):
        kind = "ordinal" if cue[0] == "rank" else cue[0]
    elif counted or unit == "count":
        kind = "count"
    elif cue:
        kind = "ordinal" if cue[0] == "year" else cue[0]
    elif _is_year(a) and not qualified:
        kind = "year"
    if kind not in ("count", "percent", "money", "age"):
        return _plain(s, end, a.value, kind, rule, words=a.words)
    approx, qualifier_start = _qualifier(f, s, kind, end, counted.end() if counted else 0,
                                         before=not a.words or bool(unit or counted))   # not "trên một diễn đàn"
    return NumberMatch(s, end, a.value, kind, approx, qualifier_start, words=a.words, rule=rule)


def _pair(text: str, f: str, a: Atom, b: Atom) -> NumberMatch | None:
    """`30/65` ratio, `19/5` date, `24/24 h` time; `10 - 15`, `từ 10 đến 15`, `45% - 50%` ranges."""
    r = number_patterns()
    (unit_a, end_a), (unit_b, end_b) = _unit(f, a.end), _unit(f, b.end)
    measured = unit_a in ("percent", "money", "age") and unit_a == unit_b
    sep = r["pair"].fullmatch(f, end_a if measured else a.end, b.start)
    if not sep or _is_year(a) != _is_year(b) or unit_a and not measured:
        return None
    cue = cue_before(text, f, a.start)
    date_cue = cue and cue[0] in ("date", "rank", "ordinal", "time")
    plain = a.raw.isdigit() and b.raw.isdigit() and not unit_a
    x, y = (int(a.raw), int(b.raw)) if plain else (0, 0)
    day_month = plain and 1 <= x <= 31 and 1 <= y <= 12
    if sep.group().strip() == "/":
        if not plain:
            return None
        if unit_b == "time" or cue and cue[0] == "symbol":             # "24/24 h", "số 16/26 đường …"
            return _plain(a.start, end_b, x, unit_b or "symbol", "slash_pair")
        counted = r["counter"].match(f, b.end)
        if day_month and (date_cue or not (counted or r["before"].search(f, max(0, a.start - 20), a.start))):
            return _plain(a.start, b.end, x, "date", "day_month")
        if not 0 < x <= y and not (0 < x and counted):  # "phát triển được 136/125 đảng viên": achieved/planned
            return _plain(a.start, b.end, x, "symbol", "slash_pair")
        approx, qualifier_start = _qualifier(f, a.start, "ratio", b.end, counted.end() if counted else 0)
        return NumberMatch(a.start, b.end, a.value, "ratio", approx, qualifier_start, total=b.value, rule="ratio")
    if _is_year(a):
        return _plain(a.start, b.end, x, "year", "year_range", high=b.value) if x <= y else None
    if day_month and (date_cue or x >= y and sep.group().strip() in "-–"):
        return _plain(a.start, b.end, x, "date", "day_month")   # "ngày 29-8", "đợt 2-9", "hôm 14-6"
    low = a.value
    if a.scale == 1 and b.scale > 1 and a.value * b.scale < b.value:
        low = a.value * b.scale                                  # "3 - 5 triệu"
    if not low < b.value:
        return None
    kind = unit_b if unit_b in ("money", "age") else "range"
    end = end_b if unit_b in ("percent", "money", "age") else b.end
    opener = r["from_"].search(f, max(0, a.start - 8), a.start) or r["before"].search(f, max(0, a.start - 20), a.start)
    return NumberMatch(a.start, end, normalise(low), kind, "over", opener.start() if opener else a.start,
                       high=b.value, words=a.words and b.words, rule="range")


def find_numbers(text: str) -> list[NumberMatch]:
    """Every numeric expression in `text`, in text order, non-overlapping, with its kind and approx."""
    f = fold(text)
    taken = bytearray(len(text))
    found = []
    for zone in find_zones(text, f):
        match = _plain(zone.start, zone.end, zone.value, zone.kind, zone.rule, high=zone.high)
        if not any(taken[match.start:match.end]):
            taken[match.start:match.end] = b"\1" * (match.end - match.start)
            found.append(match)
    atoms = read_atoms(text, f, taken)
    i = 0
    while i < len(atoms):
        paired = i + 1 < len(atoms) and _pair(text, f, atoms[i], atoms[i + 1])
        match = paired or _single(text, f, atoms[i])
        if match and not any(taken[match.start:match.end]):
            taken[match.start:match.end] = b"\1" * (match.end - match.start)
            found.append(match)
        i += 2 if paired else 1
    return _share_kinds(text, sorted(found, key=lambda m: m.start))


def _share_kinds(text: str, found: list[NumberMatch]) -> list[NumberMatch]:
    """Lists share a kind: "Quyết định 935, 936" (symbols), "huy hiệu 70, 60 năm tuổi Đảng" (ages)."""
    for i in range(len(found) - 1):
        a, b = found[i], found[i + 1]
        if not _LIST_SEPARATOR.fullmatch(text, a.end, b.start):
            continue
        if a.kind == "symbol" and a.rule == "digits" and b.kind == "count" and b.rule == "digits":
            found[i + 1] = dataclasses.replace(b, kind="symbol", approx="exact", qualifier_start=b.start)
        elif a.kind == "count" and a.rule == "digits" and b.kind in ("age", "money", "percent"):
            found[i] = dataclasses.replace(a, kind=b.kind)
    return found


def parse_number(text: str) -> Decimal | None:
    """One written number → its exact value: `8.600` 8600, `8,2 vạn` 82000, `46,2%` 46.2, `hai mươi lăm` 25."""
    f = " ".join(fold(text).split())
    if not f:
        return None
    r = number_patterns()
    if r["digits"].match(f):
        atom = next((a for a in read_atoms(f, f, bytearray(len(f))) if a.start == 0), None)
        unit, end = _unit(f, atom.end) if atom else (None, 0)
        if atom and (end if unit == "percent" else atom.end) == len(f):
            return atom.value
        return None
    ws = f.split()
    if not all(w in number_lexicon().words for w in ws):
        return None
    value = parse_words(ws)
    return Decimal(value) if value else None
