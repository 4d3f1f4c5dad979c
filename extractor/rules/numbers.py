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
1. Zones first, in priority order: footnotes `[1]`, document symbols (`18-NQ/TW`, `15, 16/CT-TTg`,
   `30/2020/NĐ-CP`), phones, dates (`dates.find_dates`, `27- 29/10/2020`, `10/2020`), times (`08:15`, `8h30`,
   `24/24h`), Roman numerals (`khóa XII`, `VII`), letter-digit codes (`Covid-19`, `QH13`), year ranges
   (`2015 - 2020`) and list markers (`(1)`, `1.` or `1-` at a line start).
2. Atoms outside them: digits (dot = thousands, comma = decimal; a dot before one or two digits is an English
   decimal point, `3.9 triệu USD`; `1,056,000` with two commas is English thousands) with scale words
   (`8,2 vạn`, `1 tỷ 500 triệu`), and word numbers parsed by a small grammar (`hai mươi lăm`, `một trăm linh
   năm`, `hai nghìn không trăm hai mươi`; number_words.tsv).
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
import functools
from dataclasses import dataclass
from decimal import Decimal

import regex

from extractor.folding import fold
from extractor.resources import ResourceError, load_list, load_table
from extractor.rules.dates import find_dates
from extractor.rules.documents import roman_value

QUANTITIES = ("count", "percent", "ratio", "range")     # the kinds a fact can come from
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
    if _THOUSANDS.fullmatch(whole):     # 8.600
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
    context = table("number_context.tsv", {"year", "date", "time", "rank", "ordinal", "symbol", "phone", "count"})
    sides = {"before", "after", "opener", "between"}
    qualifiers = table("number_qualifiers.tsv", set(_APPROX) | sides | {"any", "age"}, 4)
    for word, _type, use in load_table("document_types.tsv", 3):
        context.setdefault(fold(word), "symbol_verb" if use == "verb" else "symbol")
    ambiguous = {w for w, (_, role) in words.items() if role == "digit" and w in context}      # năm
    # "không" (no, not) opens no number: only "không trăm" inside one ("hai nghìn không trăm hai mươi")
    lists = dict(ordw=[w for w, (v, r) in words.items() if v or r != "digit"] + [fold("không trăm")],
                 scale=[w for w, (_, r) in words.items() if r == "scale"], units=list(units),
                 counters=[fold(w) for w in load_list("number_counters.txt")], context=list(context),
                 idioms=[fold(w) for w in load_list("number_idioms.txt")],
                 **{side: [q for q, (_, s, _) in qualifiers.items() if s == side]
                    for side in ("before", "after", "opener", "between")})
    return words, units, context, qualifiers, ambiguous, lists


_W = r"(?![\p{L}\d])"                                           # end of a word
_THOUSANDS = regex.compile(r"\d{1,3}(?:\.\d{3})+")
_INT = regex.compile(r"\d+")
_LETTERS = regex.compile(r"[\p{L}\d]*")
_CODE_START = regex.compile(r"(?:\p{L}-?|\d)*$")
_WORD_BEFORE = regex.compile(r"(\p{L}+)\P{L}*$")
_SYMBOL_HEAD = regex.compile(r"\s?(?:-\s?)?\p{Lu}|\s?/")
_TOKEN = regex.compile(r"\S+")
_AFTER_DIGIT = regex.compile(r"\d\s*$")
_DIGIT_NEXT = regex.compile(r"\s*\d")
_HYPHENATED = regex.compile(r"-\p{L}")
_CLOSE_QUOTE = regex.compile(r"[^“”\"‘’\n]{0,40}?[”\"’]")
_LIST_SEPARATOR = regex.compile(r"\s?(?:,|;|và|hoặc)\s?(?:số\s)?")
_PHRASE_END = regex.compile(r"\s*(?:$|[,.;:!?)”\"’…]|và\b|-)")
_DIGITS = (r"(?<![\p{L}\d])(?<!\d[.,])(?:\d{1,3}(?:\.\d{3})+(?!\d|\.\d)|\d{1,3}(?:,\d{3}){2,}(?!\d|,\d)|\d+)"
           r"(?:,\d+(?![.,]\d)|\.\d{1,2}(?!\d|\.\d))?")
_YEAR = r"(?:19|20)\d\d"


@functools.cache
def _re():
    *_, lists = _data()
    c = functools.partial(regex.compile, ignore_unused=True, **lists)
    return dict(
        digits=c(rf"(?P<d>{_DIGITS})(?:\s*(?P<scale>\L<scale>){_W})?"),
        more=c(rf"\s+(?P<n>{_DIGITS})\s*(?P<scale>\L<scale>){_W}"),
        words=c(rf"(?<![\p{{L}}\d])\L<ordw>{_W}(?:[ \t]+\L<ordw>{_W})*"),
        idioms=c(rf"(?<![\p{{L}}\d])\L<idioms>{_W}"),
        unit=c(rf"\s*(?P<u>\L<units>)(?![\p{{L}}\d])"),
        # a noun before digits counts nothing: "Quyết định số 218 ngày 12-12-2013"
        counter=c(rf"\s+(?:\L<counters>){_W}(?!\s*\d)"),
        context=c(rf"(?<![\p{{L}}\d])(?P<w>\L<context>)\s*:?\s*$"),
        before=c(rf"(?<![\p{{L}}\d])(?P<q>\L<before>)\s*$"),
        after=c(rf"\s*(?P<q>\L<after>){_W}"),
        from_=c(r"(?<![\p{L}\d])\L<opener>\s*$"),
        up_to=c(r"[^\d,;:.!?()\[\]\n]{0,60}?(?<![\p{L}])(?P<q>\L<after>)" + _W),
        pair=c(r"\s?/\s?|\s*[-–—~]\s*|\s+\L<between>\s+"),
    )


# Zones, in priority order: (kind, rule, pattern, matched on the original text rather than the folded one)
_CODE = r"\p{Lu}[\p{L}\d]*(?:\.[\p{L}\d]+)*"          # TW, ĐUK, CT-TTg, TH.U; never the full stop
_ZONES = (
    ("footnote", "footnote", r"\[\d{1,3}\]", False),
    ("symbol", "symbol", r"(?<![\p{L}\d/.,])(?:\d{1,4}\s?(?:,|và|;)\s?(?:số\s)?)*\d{1,5}"
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


def _plain(s, e, value, kind, rule, high=None, words=False) -> NumberMatch:
    return NumberMatch(s, e, normalise(Decimal(value)), kind, "exact", s, high=high, words=words, rule=rule)


def _first_int(surface: str) -> int:
    return int(_INT.search(surface).group())


def _roman_ok(text: str, f: str, s: int, e: int) -> bool:
    """`khóa XII`, `quý I` after a rank word; `VII-2022` alone when upper case, of I V X, in lower-case words."""
    cue, word = _context(text, f, s), text[s:e]
    if cue and cue[0] in ("rank", "ordinal"):
        return word.isupper() or len(word) >= 2 and set(word) <= set("ivx")
    previous = _WORD_BEFORE.search(text, max(0, s - 30), s)
    return len(word) >= 2 and set(word) <= set("IVX") and not (previous and previous.group(1).isupper())


def _zones(text: str, f: str):
    for kind, rule, pattern, original in _zone_patterns():
        if pattern is None:
            yield from (_plain(d.start, d.end, _first_int(text[d.start:d.end]), kind, rule) for d in find_dates(text))
            continue
        for m in pattern.finditer(text if original else f):
            s, e, found = m.start(), m.end(), m.group()
            if rule == "roman":
                if roman_value(found) and _roman_ok(text, f, s, e):
                    yield _plain(s, e, roman_value(found), kind, rule)
            elif rule == "symbol":      # one match per number of a list sharing a symbol: "15, 16/CT-TTg"
                numbers = list(_INT.finditer(found))
                head = next(n for n in numbers if _SYMBOL_HEAD.match(found, n.end()))
                yield from (_plain(s + n.start(), s + n.end(), int(n.group()), kind, rule)
                            for n in numbers if n.start() < head.start())
                yield _plain(s + head.start(), e, int(head.group()), kind, rule)
            elif rule == "code":             # "Covid-19", "QH13", "F1"
                s = _CODE_START.search(f, max(0, s - 20), s).start()
                e = _LETTERS.match(f, e).end()
                yield _plain(s, e, _first_int(f[s:e]), kind, rule)
            elif rule == "month_year":
                if 1 <= _first_int(found) <= 12:
                    yield _plain(s, e, _first_int(found), kind, rule)
            elif rule == "year_range":
                if int(m.group(2)) >= int(m.group(1)):
                    yield _plain(s, e, int(m.group(1)), kind, rule, high=Decimal(m.group(2)))
            elif rule == "phone":
                digits = "".join(c for c in found if c.isdigit())
                if 8 <= len(digits) <= 12:
                    yield _plain(s, e, int(digits), kind, rule)
            else:
                yield _plain(s, e, _first_int(found), kind, rule)


# ---- atoms: one written number each -------------------------------------------------------------------

def _parse_words(ws: list[str], head: bool = True) -> int | None:
    """A run of number words → its value, or None when the run is not one well-formed number."""
    words, *_ = _data()
    scales = [(i, words[w][0]) for i, w in enumerate(ws) if words[w][1] == "scale"]
    if not scales:
        return _group(ws, head)
    top = max(v for _, v in scales)
    i = max(i for i, v in scales if v == top)
    left = _parse_words(ws[:i], head) if i else None
    right = ws[i + 1:]
    if not left:
        return None
    if not right:
        return left * top
    # after a scale comes a hundreds place, "linh"/"lẻ" or a smaller scale: "hai nghìn năm" is 2000 years
    if not any(words[w][1] in ("scale", "hundred", "zero_tens") for w in right):
        return None
    rest = _parse_words(right, head=False)
    return left * top + rest if rest is not None and rest < top else None


def _group(ws: list[str], head: bool) -> int | None:
    words, *_ = _data()
    role = [words[w][1] for w in ws]
    value = [words[w][0] for w in ws]
    if len(ws) >= 2 and role[:2] == ["digit", "hundred"]:
        if len(ws) == 2:
            return value[0] * 100
        if role[2] == "zero_tens":
            return value[0] * 100 + value[3] if role[3:] == ["digit"] and value[3] else None
        tens = _tens(ws[2:])
        return None if tens is None else value[0] * 100 + tens
    if role[0] == "zero_tens" and not head:
        return value[1] if role[1:] == ["digit"] and value[1] else None
    return _tens(ws)


def _tens(ws: list[str]) -> int | None:
    words, _, _, _, ambiguous, _ = _data()
    (first, role), rest = words[ws[0]], ws[1:]
    if role == "ten":
        tens = 10
    elif role == "digit" and first >= 2 and rest and words[rest[0]][1] == "tens":
        tens, rest = first * 10, rest[1:]
    else:
        return first if role == "digit" and first and not rest else None
    if not rest:
        return tens
    unit, unit_role = words[rest[0]]
    if len(rest) > 1 or rest[0] in ambiguous or unit_role not in ("digit", "unit") or not unit \
            or tens == 10 and unit == 1 and unit_role == "unit":          # "mười một", never "mười mốt"
        return None
    return tens + unit


def _atoms(text: str, f: str, taken: bytearray) -> list[_Atom]:
    r = _re()
    words, _, _, _, ambiguous, _ = _data()
    atoms = []
    for m in r["digits"].finditer(f):
        s, e = m.span()
        if any(taken[s:e]):
            continue
        scale = words[m.group("scale")][0] if m.group("scale") else 1
        value = _digits_value(m.group("d")) * scale
        while more := r["more"].match(f, e):            # "1 tỷ 500 triệu"
            smaller = words[more.group("scale")][0]
            if smaller >= scale:
                break
            value, scale, e = value + _digits_value(more.group("n")) * smaller, smaller, more.end()
        atoms.append(_Atom(s, e, normalise(value), m.group("d"), scale))
    blocked = bytearray(taken)
    for run in r["words"].finditer(f):
        for m in r["idioms"].finditer(f, max(0, run.start() - 20), run.end() + 20):
            blocked[m.start():m.end()] = b"\1" * (m.end() - m.start())
        tokens = [(run.start() + t.start(), run.start() + t.end(), t.group()) for t in _TOKEN.finditer(run.group())]
        i = 0
        while i < len(tokens):
            j = next((j for j in range(len(tokens), i, -1) if not any(blocked[tokens[i][0]:tokens[j - 1][1]])
                      and _parse_words([t[2] for t in tokens[i:j]])), None)
            s, e, word = tokens[i]
            if j is None:           # "Thứ nhất", "thứ tư": rank words count only after a rank cue
                cue = not blocked[s] and words[word][1] in ("ordinal", "unit") and _context(text, f, s)
                if cue and cue[0] == "rank":
                    atoms.append(_Atom(s, e, Decimal(words[word][0]), "", words=True))
                i += 1
                continue
            # "năm" right after a number is the year noun: "ba năm", "35 năm xây dựng", "hàng trăm năm"
            if not (j == i + 1 and word in ambiguous and (i or _AFTER_DIGIT.search(f, max(0, s - 3), s))):
                atoms.append(_Atom(s, tokens[j - 1][1], Decimal(_parse_words([t[2] for t in tokens[i:j]])), "",
                                   words=True))
            i = j
    return sorted(atoms, key=lambda a: a.start)


# ---- context around an atom ------------------------------------------------------------------------------

def _context(text: str, f: str, s: int) -> tuple[str, int] | None:
    """The kind a word just before `s` gives (number_context.tsv), and where that word starts."""
    m = _re()["context"].search(f, max(0, s - 25), s)
    if not m:
        return None
    kind = _data()[2][m.group("w")]
    if kind == "symbol_verb":       # "Quyết định 98" cites; "quyết định 5 vấn đề" decides
        kind = "symbol" if text[m.start()].isupper() else None
    return (kind, m.start()) if kind else None


def _qualifier(f: str, s: int, kind: str, end: int, counted_end: int, before: bool = True) -> tuple[str, int]:
    """(approx, qualifier_start) from the phrase before the number or `trở lên`-like words after it."""
    r, qualifiers = _re(), _data()[3]
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


def _is_year(a: _Atom) -> bool:
    return len(a.raw) == 4 and a.raw.isdigit() and a.raw[:2] in ("19", "20")


# ---- reading atoms into matches ----------------------------------------------------------------------

def _unit(f: str, e: int) -> tuple[str | None, int]:
    m = _re()["unit"].match(f, e)
    return (_data()[1][m.group("u")], m.end()) if m else (None, e)


def _word_number_ok(text: str, f: str, a: _Atom, cue, follows: bool) -> bool:
    if text[a.start].isupper() and not _sentence_initial(text, a.start) and not (
            cue and cue[0] in ("rank", "date")):
        return False                                        # a name: "Ba Đình", "Đỗ Mười"
    if _HYPHENATED.match(f, a.end):
        return False                                        # a transliteration: "Ba-chê-lết"
    if f[a.start:a.end] in _data()[4]:     # "năm qua", "9 tháng năm 2020": the year word
        return (follows or cue is not None) and not _DIGIT_NEXT.match(f, a.end)
    return True


def _single(text: str, f: str, a: _Atom) -> NumberMatch | None:
    r = _re()
    s, e = a.start, a.end
    qualified = bool(r["before"].search(f, max(0, s - 20), s))
    cue = None if qualified else _context(text, f, s)
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


def _pair(text: str, f: str, a: _Atom, b: _Atom) -> NumberMatch | None:
    """`30/65` ratio, `19/5` date, `24/24 h` time; `10 - 15`, `từ 10 đến 15`, `45% - 50%` ranges."""
    r = _re()
    (unit_a, end_a), (unit_b, end_b) = _unit(f, a.end), _unit(f, b.end)
    measured = unit_a in ("percent", "money", "age") and unit_a == unit_b
    sep = r["pair"].fullmatch(f, end_a if measured else a.end, b.start)
    if not sep or _is_year(a) != _is_year(b) or unit_a and not measured:
        return None
    cue = _context(text, f, a.start)
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
        if not 0 < x <= y:
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
    for match in _zones(text, f):
        if not any(taken[match.start:match.end]):
            taken[match.start:match.end] = b"\1" * (match.end - match.start)
            found.append(match)
    atoms = _atoms(text, f, taken)
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
    r = _re()
    if m := r["digits"].match(f):
        atom = next((a for a in _atoms(f, f, bytearray(len(f))) if a.start == 0), None)
        unit, end = _unit(f, atom.end) if atom else (None, 0)
        if atom and (end if unit == "percent" else atom.end) == len(f):
            return atom.value
        return None
    ws = f.split()
    if not all(w in _data()[0] for w in ws):
        return None
    value = _parse_words(ws)
    return Decimal(value) if value else None
