"""One written number read to its value: digits with scale words, and word numbers (reference/domain.md §4).

A written number is an `Atom`: digits (dot = thousands, comma = decimal; a dot before one or two digits is an
English decimal point, `3.9 triệu USD`; `1,056,000` with two commas is English thousands) with scale words
(`8,2 vạn`, `1 tỷ 500 triệu`), or a run of number words read by a small grammar (`hai mươi lăm`, `một trăm
linh năm`, `hai nghìn không trăm hai mươi`; number_words.tsv). Idioms are skipped (`một số`;
number_idioms.txt), and `năm` right after a number is the year noun (`ba năm`, `35 năm`), not five.

This is apart from `numbers` because reading a value is a grammar of its own that knows nothing of kinds: whether
an atom is a count, a year or a date is decided in `numbers` from the words around it. It sits below `numbers`
and `number_zones`, so it also holds what they all read with: the number lexicons (`extractor/data/number_*`,
plus the type words of document_types.tsv as cues), the patterns built from them, and `cue_before`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from decimal import Decimal
from types import SimpleNamespace

import regex

from extractor.folding import fold
from extractor.resources import ResourceError, load_list, load_table

_APPROX = ("exact", "over", "under", "about")


@functools.cache
def number_lexicon() -> SimpleNamespace:
    """The number lexicons, checked on load, and the named lists the patterns of `number_patterns` take."""
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
    return SimpleNamespace(words=words, units=units, context=context, qualifiers=qualifiers, ambiguous=ambiguous,
                           lists=lists)


_W = r"(?![\p{L}\d])"                                           # end of a word
# The longest written number read: 999,999,999,999 in words ("chín trăm chín mươi chín tỷ …") has 23;
# nothing an article counts needs more.
_MAX_WORDS = 24
_THOUSANDS = regex.compile(r"\d{1,3}(?:\.\d{3})+")
_TOKEN = regex.compile(r"\S+")
_AFTER_DIGIT = regex.compile(r"\d\s*$")
# No count has more than 18 digits; a longer run is a code or noise (and int() refuses 4,300 digits).
_DIGITS = (r"(?<![\p{L}\d])(?<!\d[.,])"
           r"(?:\d{1,3}(?:\.\d{3})+(?!\d|\.\d)|\d{1,3}(?:,\d{3}){2,}(?!\d|,\d)|\d{1,18}(?!\d))"
           r"(?:,\d{1,18}(?![.,]?\d)|\.\d{1,2}(?!\d|\.\d))?")


@functools.cache
def number_patterns() -> dict[str, regex.Pattern]:
    """The patterns built from the lexicons, on folded text: atoms, and the words before and after a number."""
    lists = number_lexicon().lists
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


@dataclass(frozen=True)
class Atom:
    """One written number, before its kind is known."""
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


def _digits_value(raw: str) -> Decimal:
    if raw.count(",") >= 2:                                 # 1,056,000: English thousands
        return Decimal(raw.replace(",", ""))
    whole, _, frac = raw.partition(",")
    if _THOUSANDS.fullmatch(whole):     # 8.600
        whole = whole.replace(".", "")
    return normalise(Decimal(whole + ("." + frac if frac else "")))   # "3.9" stays a decimal point


def cue_before(text: str, f: str, s: int) -> tuple[str, int] | None:
    """The kind a word just before `s` gives (number_context.tsv), and where that word starts."""
    m = number_patterns()["context"].search(f, max(0, s - 25), s)
    if not m:
        return None
    kind = number_lexicon().context[m.group("w")]
    if kind == "symbol_verb":       # "Quyết định 98" cites; "quyết định 5 vấn đề" decides
        kind = "symbol" if text[m.start()].isupper() else None
    return (kind, m.start()) if kind else None


# ---- the word-number grammar ---------------------------------------------------------------------------

def parse_words(ws: list[str], head: bool = True) -> int | None:
    """A run of number words → its value, or None when the run is not one well-formed number."""
    words = number_lexicon().words
    scales = [(i, words[w][0]) for i, w in enumerate(ws) if words[w][1] == "scale"]
    if not scales:
        return _group(ws, head)
    top = max(v for _, v in scales)
    i = max(i for i, v in scales if v == top)
    left = parse_words(ws[:i], head) if i else None
    right = ws[i + 1:]
    if not left:
        return None
    if not right:
        return left * top
    # after a scale comes a hundreds place, "linh"/"lẻ" or a smaller scale: "hai nghìn năm" is 2000 years
    if not any(words[w][1] in ("scale", "hundred", "zero_tens") for w in right):
        return None
    rest = parse_words(right, head=False)
    return left * top + rest if rest is not None and rest < top else None


def _group(ws: list[str], head: bool) -> int | None:
    words = number_lexicon().words
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
    lexicon = number_lexicon()
    words, ambiguous = lexicon.words, lexicon.ambiguous
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


# ---- atoms: one written number each -------------------------------------------------------------------

def read_atoms(text: str, f: str, taken: bytearray) -> list[Atom]:
    """Every written number of `f` (the folded `text`) outside the `taken` offsets, in text order."""
    r = number_patterns()
    lexicon = number_lexicon()
    words, ambiguous = lexicon.words, lexicon.ambiguous
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
        atoms.append(Atom(s, e, normalise(value), m.group("d"), scale))
    blocked = bytearray(taken)
    for run in r["words"].finditer(f):
        for m in r["idioms"].finditer(f, max(0, run.start() - 20), run.end() + 20):
            blocked[m.start():m.end()] = b"\1" * (m.end() - m.start())
        tokens = [(run.start() + t.start(), run.start() + t.end(), t.group()) for t in _TOKEN.finditer(run.group())]
        i = 0
        while i < len(tokens):
            # the longest number starting at i, looked for within _MAX_WORDS words: a run of 300 number
            # words costs what its length costs, not its cube (and the grammar's recursion stays shallow)
            j = next((j for j in range(min(len(tokens), i + _MAX_WORDS), i, -1)
                      if not any(blocked[tokens[i][0]:tokens[j - 1][1]])
                      and parse_words([t[2] for t in tokens[i:j]])), None)
            s, e, word = tokens[i]
            if j is None:           # "Thứ nhất", "thứ tư": rank words count only after a rank cue
                cue = not blocked[s] and words[word][1] in ("ordinal", "unit") and cue_before(text, f, s)
                if cue and cue[0] == "rank":
                    atoms.append(Atom(s, e, Decimal(words[word][0]), "", words=True))
                i += 1
                continue
            # "năm" right after a number is the year noun: "ba năm", "35 năm xây dựng", "hàng trăm năm"
            if not (j == i + 1 and word in ambiguous and (i or _AFTER_DIGIT.search(f, max(0, s - 3), s))):
                atoms.append(Atom(s, tokens[j - 1][1], Decimal(parse_words([t[2] for t in tokens[i:j]])), "",
                                  words=True))
            i = j
    return sorted(atoms, key=lambda a: a.start)
