"""Counts and shares as Vietnamese articles write them, with offsets (spec §5; reference/domain.md §4).

`find_numbers(text)` returns every numeric expression, in text order, without overlaps. Quantities are of
kind `count`, `percent`, `ratio` (`30/65`) or `range` (`từ 10 đến 15`, `45% - 50%`); everything else gets a
kind the fact layer skips: `year`, `date`, `time`, `ordinal`, `money`, `age`, `phone`, `symbol`, `slogan`,
`footnote`. Values are exact `Decimal`s, normalised (`8,2 vạn` → 82000, never 82000.0); `to_json` turns one
into the record's JSON number (an int when whole, `46.2` otherwise).

How it reads, on `fold(text)` (same offsets, lower case, one tone placement):
1. Zones first, in priority order: footnotes `[1]`, document symbols (`18-NQ/TW`, `15, 16/CT-TTg`,
   `30/2020/NĐ-CP`), phones, dates (`dates.find_dates`, `27- 29/10/2020`, `10/2020`), times (`08:15`, `8h30`),
   letter-digit codes (`Covid-19`, `QH13`), year ranges (`2015 - 2020`), Roman numerals (`khóa XII`, `VII`) and
   list markers (`(1)`, `1.` at a line start).
2. Atoms outside them: digits (dot = thousands, comma = decimal, a dot before one or two digits is an English
   decimal point: `3.9 triệu USD`), with scale words (`8,2 vạn`, `1 tỷ 500 triệu`), and word numbers parsed by
   a small grammar (`hai mươi lăm`, `một trăm linh năm`).
3. Pairs of atoms: `X/Y` is a ratio unless it is a day/month (`19/5`, `ngày 7/7`; a counted noun after it or a
   qualifier before it makes `3/5 chi bộ` a ratio), a month/year (`10/2020`) or round the clock (`24/24 h`);
   `X - Y`, `X đến Y` is a range when X < Y (approx `over`, as the spec says).
4. A single atom takes its kind from the word after it (number_units.tsv: `%`, `đồng`, `tuổi`, slogan words),
   a counted noun after it (number_counters.txt, which makes it a count), the word before it
   (number_context.tsv and the document type words: `năm 2021`, `thứ 2`, `số 18`), short quotes
   (`“05 hóa”` is a slogan), and a bare 19xx/20xx is a year unless it counts something or is qualified.
Qualifiers (number_qualifiers.tsv) set `approx`: the phrase directly before the number (`qualifier_start`),
`… trở lên` after it (or after its counted noun), and `từ X … trở lên` within the clause.
Word numbers are conservative: idioms are skipped (`một số`, number_idioms.txt), a capitalised word number
inside a sentence is a name (`Ba Đình`, `Đỗ Mười`) unless a rank/date word precedes it (`Thứ Năm`, `giải Ba`),
and `năm` is five only inside a longer number or before a counted noun (`năm đảng viên`; `năm 2021`,
`năm qua`, `mười năm` are years). `30 năm tuổi Đảng` is an `age` (party seniority, never a fact).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from decimal import Decimal

import regex

from extractor.folding import fold
from extractor.resources import ResourceError, load_list, load_table
from extractor.rules.dates import find_dates
from extractor.rules.documents import roman_value

QUANTITIES = ("count", "percent", "ratio", "range")
_APPROX = ("exact", "over", "under", "about")


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


@dataclass(frozen=True)
class _Atom:
    start: int
    end: int
    value: Decimal
    raw: str            # the digits as written ("" for words)
    scale: int = 1
    words: bool = False


def normalise(value: Decimal) -> Decimal:
    """`82000.0` → `82000`, `46.20` → `46.2` (never an exponent: `1E+2` prints as `100`)."""
    whole = value.to_integral_value()
    return whole if value == whole else value.normalize()


def to_json(value: Decimal) -> int | float:
    """The record's JSON number: an int when whole, else `float(str(d))`, which prints `46.2`, not 46.2000001."""
    value = normalise(value)
    return int(value) if value == value.to_integral_value() else float(str(value))


def _digits_value(raw: str) -> Decimal:
    if raw.count(",") >= 2:                                 # 1,056,000: English thousands
        return Decimal(raw.replace(",", ""))
    whole, _, frac = raw.partition(",")
    if regex.fullmatch(r"\d{1,3}(?:\.\d{3})+", whole):     # 8.600
        whole = whole.replace(".", "")
    return normalise(Decimal(whole + ("." + frac if frac else "")))   # "3.9" stays a decimal point


@functools.cache
def _data():
    words, roles = {}, ("digit", "unit", "ten", "tens", "hundred", "zero_tens", "scale", "ordinal")
    for word, value, role in load_table("number_words.tsv", 3):
        if role not in roles:
            raise ResourceError(f"number_words.tsv: {word!r}: unknown role {role!r}")
        words[fold(word)] = (int(value), role)
    def table(name, kinds, columns=2):
        rows = {}
        for row in load_table(name, columns):
            if not set(row[1:]) <= kinds:
                raise ResourceError(f"{name}: bad row {row!r}")
            rows[fold(row[0])] = row[1:] if columns > 2 else row[1]
        return rows
    units = table("number_units.tsv", {"percent", "money", "age", "time", "count", "slogan", "slogan_end"})
    context = table("number_context.tsv", {"year", "date", "time", "ordinal", "symbol", "phone", "count"})
    qualifiers = table("number_qualifiers.tsv", set(_APPROX) | {"before", "after", "any", "age"}, 4)
    for word, _type, use in load_table("document_types.tsv", 3):
        context.setdefault(fold(word), "symbol_verb" if use == "verb" else "symbol")
    ambiguous = {w for w, (_, role) in words.items() if role == "digit" and w in context}      # năm
    lists = dict(nw=[w for w, (_, r) in words.items() if r != "ordinal"], ordw=list(words),
                 scale=[w for w, (_, r) in words.items() if r == "scale"], units=list(units),
                 counters=[fold(w) for w in load_list("number_counters.txt")], context=list(context),
                 idioms=[fold(w) for w in load_list("number_idioms.txt")],
                 before=[q for q, (_, side, _) in qualifiers.items() if side == "before"],
                 after=[q for q, (_, side, _) in qualifiers.items() if side == "after"])
    return words, units, context, qualifiers, ambiguous, lists


_W = r"(?![\p{L}\d])"                                           # end of a word
_DIGITS = (r"(?<![\p{L}\d])(?<!\d[.,])(?:\d{1,3}(?:\.\d{3})+(?!\d|\.\d)|\d{1,3}(?:,\d{3}){2,}(?!\d|,\d)|\d+)"
           r"(?:,\d+(?![.,]\d)|\.\d{1,2}(?!\d|\.\d))?")
_YEAR = r"(?:19|20)\d\d"


@functools.cache
def _re():
    *_, lists = _data()
    c = functools.partial(regex.compile, ignore_unused=True, **lists)
    return dict(
        digits=c(rf"{_DIGITS}(?:\s*(?P<scale>\L<scale>){_W})?"),
        more=c(rf"\s+(?P<n>{_DIGITS})\s*(?P<scale>\L<scale>){_W}"),
        words=c(rf"(?<![\p{{L}}\d])\L<ordw>{_W}(?:[ \t]+\L<ordw>{_W})*"),
        idioms=c(rf"(?<![\p{{L}}\d])\L<idioms>{_W}"),
        unit=c(rf"\s*(?P<u>\L<units>)(?![\p{{L}}\d])"),
        counter=c(rf"\s+(?:\L<counters>){_W}"),
        context=c(rf"(?<![\p{{L}}\d])(?P<w>\L<context>)\s*:?\s*$"),
        before=c(rf"(?<![\p{{L}}\d])(?P<q>\L<before>)\s*$"),
        after=c(rf"\s*(?P<q>\L<after>){_W}"),
        from_=c(r"(?<![\p{L}\d])từ\s*$"),
        up_to=c(r"[^\d,;:.!?()\[\]\n]{0,60}?(?<![\p{L}])(?P<q>\L<after>)" + _W),
        pair=c(r"\s?/\s?|\s*[-–—~]\s*|\s+(?:đến|tới)\s+"),
    )


# Zones, in priority order: (kind, rule, pattern, match on original text?)
_CODE = r"\p{Lu}[\p{L}\d.]*"
_ZONES = [
    ("footnote", "footnote", r"\[(\d{1,3})\]", False),
    ("symbol", "symbol", r"(?<![\p{L}\d/.,])(?:\d{1,5}\s?(?:,|và|;)\s?(?:số\s)?)*\d{1,5}(?:\s?(?:-\s?)?\p{Lu}[\p{Lu}\d]*"
     rf"\s?/\s?{_CODE}|(?:\s?/\s?{_YEAR})?\s?/\s?{_CODE}(?:\s?-\s?{_CODE})*)", True),
    ("phone", "phone", r"(?<![\p{L}\d.,])(?:\+84|0)\d{2,3}(?:[ .-]?\d{3,4}){2}(?![\p{L}\d]|[.,]\d)", False),
    ("date", "date_range", r"(?<![\d/.-])\d{1,2}\s*[-–]\s*\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?(?![\d/])", False),
    ("date", "date", None, False),
    ("date", "month_year", rf"(?<![\d/.,-])(?:0?[1-9]|1[0-2])\s?[/-]\s?{_YEAR}(?![\d/])", False),
    ("year", "year_after_roman", rf"(?<=(?<![\p{{L}}\d])[ivxlc]{{1,5}}\s?/\s?){_YEAR}(?!\d)", False),
    ("time", "time", r"(?<![\d:.,])\d{1,2}\s?(?::|h|g|giờ)\s?\d{2}(?!\d)(?:\s?:\s?\d{2})?(?:\s?phút)?"
     r"|(?<![\p{L}\d.,])\d{1,2}h(?![\p{L}\d])", False),
    ("symbol", "code", r"(?<![\p{L}\d])\p{L}+(?:[\p{L}\d]*\d[\p{L}\d]*|-\d+)(?![\p{L}\d])", False),
    ("year", "year_range", rf"(?<![\d./,-])({_YEAR})\s*[-–—]\s*({_YEAR})(?![\d/.,])", False),
    ("ordinal", "roman", r"(?<![\p{L}\d])[ivxlcdm]{1,7}(?![\p{L}\d])", False),
    ("ordinal", "list_marker", r"(?m)^[ \t]*\d{1,2}[.)](?=\s)|(?<=[.!?]\s)\d{1,2}\.(?=\s\p{Lu})"
     r"|(?<![\p{L}\d])\(\d{1,2}\)", False),
]


@functools.cache
def _zone_patterns():
    return [(kind, rule, regex.compile(p) if p else None, original) for kind, rule, p, original in _ZONES]


def _first_int(surface: str) -> Decimal:
    found = regex.search(r"\d+", surface)
    return Decimal(int(found.group())) if found else Decimal(roman_value(surface.strip()) or 0)


def _zones(text: str, f: str):
    words, units, context, *_ = _data()
    for kind, rule, pattern, original in _zone_patterns():
        if pattern is None:
            yield from (_plain(d.start, d.end, _first_int(text[d.start:d.end]), "date", "date") for d in find_dates(text))
            continue
        for m in pattern.finditer(text if original else f):
            s, e = m.span()
            if rule == "year_range" and int(m.group(2)) < int(m.group(1)):
                continue
            if rule == "phone" and not 9 <= sum(ch.isdigit() for ch in m.group()) <= 12:
                continue
            if rule == "roman":
                value = roman_value(m.group())
                cue = _context(f, s)
                if not value or not (cue and cue[0] in ("ordinal", "year") or text[s:e].isupper() and e - s >= 2
                                     and set(text[s:e]) <= set("IVX")):
                    continue
                yield _plain(s, e, Decimal(value), kind, rule)
                continue
            if rule == "symbol":        # one match per number in a list: "15, 16/CT-TTg"
                numbers = list(regex.finditer(r"\d{1,5}", m.group()))
                tail = [n for n in numbers if n.end() < len(m.group()) and not regex.match(
                    r"\s?/\s?(?:19|20)\d\d", m.group()[n.end():]) or n is numbers[-1]]
                for n in numbers[:-1]:
                    if not regex.match(r"\s?[-/]", m.group()[n.end():]):
                        yield _plain(s + n.start(), s + n.end(), Decimal(n.group()), kind, rule)
                head = [n for n in numbers if regex.match(r"\s?(?:[-/]|\p{Lu})", m.group()[n.end():])][0]
                yield _plain(s + head.start(), e, Decimal(head.group()), kind, rule)
                del tail
                continue
            yield _plain(s, e, _first_int(m.group()), kind, rule, high=Decimal(m.group(2)) if rule == "year_range" else None)


def _plain(s, e, value, kind, rule, high=None):
    return NumberMatch(s, e, normalise(value), kind, "exact", s, high=high, rule=rule)
