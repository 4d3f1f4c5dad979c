"""Citations of party and state documents, parsed (spec §3; reference/domain.md §1).

Rules, tried on `fold(text)` (same offsets, so `khoá`/`khóa` and `Uỷ`/`Ủy` match alike), first match wins:
- `party_symbol` / `state_symbol`: a type word, optional `số`, numbers and a symbol: `Nghị quyết số 18-NQ/TW`,
  `Chỉ thị số 15, 16/CT-TTg` (two documents), `Luật số 80/2015/QH13`; also the older `Quyết định của Bộ Chính
  trị số 31-QĐ/TW`. The type comes from the word, never from the symbol (`QĐ` is Quyết định and Quy định).
- `number_only`: a type word and numbers without symbol: `Chỉ thị 05`, `Quyết định 935, 936`. A lower-case type
  word needs `số` (`quyết định 5 vấn đề` is a verb), a number followed by a unit is a quantity (`kế hoạch 5 năm`),
  and a year-like number needs `số`.
- `plenum`: `Nghị quyết Trung ương 4`, `Nghị quyết TW4`, `Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương`.
- `congress`: `Nghị quyết Đại hội [đại biểu] [<body>] lần thứ XI` / `Nghị quyết Đại hội XIII`; the ordinal, in Roman
  numerals, is the term; the body named inside is the issuer unless a `của <body>` follows.
- `charter`: documents cited by name alone (`Điều lệ Đảng`).
- `bare_symbol`: a symbol without type word (`số 18-NQ/TW`, `19-NQ/TW` in a list) counts only when its
  abbreviation is a known type abbreviation; an ambiguous one (`QĐ`) takes the type of the citation just before
  it in a list or of a typed citation of the same symbol, else it is dropped.
After a citation a tail gives the attributes, in any order: `ngày <date>`, `của <body>`, `(khóa XII)` / `khóa XII`
(several terms for a plenum: `(khóa XII, khóa XIII)` cites two), skipping `(…)`, `[1]` and `nhiệm kỳ 2015 - 2020`.
Vocabulary lives in `extractor/data/document_*.tsv|txt`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from types import SimpleNamespace

import regex

from extractor.folding import fold, fold_key
from extractor.resources import ResourceError, load_list, load_table
from extractor.rules.dates import find_dates


@dataclass(frozen=True)
class ParsedDocument:
    type: str
    number: str | None
    symbol: str | None
    issuer: str | None
    issued: str | None
    term: str | None
    plenum: int | None
    rule: str


@dataclass(frozen=True)
class Citation:
    start: int
    end: int
    documents: tuple[ParsedDocument, ...]


_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
_CODE = r"\p{L}[\p{L}\d]*(?:\.\p{L}[\p{L}\d]*)*"        # TW, ĐUK, BTCTW, TH.U, T.Ư
_DASH = r"(?:\s?-(?!\s)|-\s?)"                            # NĐ-CP, NĐ- CP; never "QĐ-UBND - Ảnh"
_YEAR = r"(?:19|20)\d\d"
_NUMS = r"\d{1,5}(?:(?:\s?,\s?|\s+và\s+)(?:số\s+)?\d{1,5})*"
_TERM = r"[ivxlc]+(?![\p{L}\d])|\d{1,2}(?![\p{L}\d]|\s*[-–/]\s*\d)"
_END_OF_NUMBER = r"(?![\p{L}\d]|\s?[-–/]\s?[\p{L}\d]|[.,]\d|\s?%)"
# "Quyết định số 218 ngày 12-12-2013", "Nghị định 29 năm 2011": a date or year after the number, no quantity
_NOT_A_UNIT = r"ngày\s+\d{1,2}(?:\s*[-/.]\s*|\s+tháng\s+)\d|năm\s+(?:19|20)\d\d(?!\s*[-–]\s*\d)"
_BOUNDARY = regex.compile(r"[,;:()\[\]\"“”‘’!?…\n]|\.(?![\p{L}\d])|\s[-–]\s")


def to_roman(number: int) -> str:
    out = ""
    for amount, letters in _ROMAN:
        while number >= amount:
            out, number = out + letters, number - amount
    return out


def roman_value(text: str) -> int | None:
    """`xii` → 12; None unless `text` is a well-formed Roman numeral."""
    values = {letters: amount for amount, letters in _ROMAN if len(letters) == 1}
    text = text.upper()
    if not text or any(c not in values for c in text):
        return None
    total = sum(-values[a] if values[a] < values[b] else values[a] for a, b in zip(text, text[1:] + "I"))
    return total if to_roman(total) == text else None


@functools.cache
def _vocabulary() -> SimpleNamespace:
    types = {}
    for word, canonical, use in load_table("document_types.tsv", 3):
        if use not in ("noun", "verb"):
            raise ResourceError(f"document_types.tsv: {word!r}: third column must be noun or verb")
        types[fold(word)] = (canonical, use == "verb")
    canonical = {kind for kind, _ in types.values()} | {"Nghị quyết Đại hội"}
    abbreviations: dict[tuple[str, str], list[str]] = {}
    for abbr, layouts, kind in load_table("document_abbreviations.tsv", 3):
        for layout in layouts.split(","):
            if layout not in ("party", "state") or kind not in canonical:
                raise ResourceError(f"document_abbreviations.tsv: bad row {abbr!r} {layouts!r} {kind!r}")
            abbreviations.setdefault((layout, fold(abbr)), []).append(kind)
    named = {fold(name): kind for name, kind in load_table("document_named.tsv", 2)}
    words: dict[str, list[str]] = {role: [] for role in ("cue", "verb", "end", "inner", "whole", "compound", "not")}
    for word, role in load_table("document_issuer_words.tsv", 2):
        if role not in words:
            raise ResourceError(f"document_issuer_words.tsv: unknown role {role!r}")
        words[role].append(fold(word))
    ordinals = {fold(word): int(value) for word, value in load_table("document_ordinals.tsv", 2)}
    if not set(named.values()) <= canonical:
        raise ResourceError("document_named.tsv: a type outside document_types.tsv")
    return SimpleNamespace(types=types, abbreviations=abbreviations, named=named, words=words, ordinals=ordinals,
                           central=[fold(w) for w in load_list("document_central.txt")],
                           units=[fold(w) for w in load_list("document_number_units.txt")])


@functools.cache
def _patterns() -> SimpleNamespace:
    v = _vocabulary()
    lists = dict(types=list(v.types), named=list(v.named), central=v.central, units=v.units,
                 ordinals=list(v.ordinals), **{role: v.words[role] for role in ("cue", "verb", "end", "inner",
                                                                                "compound")},
                 party_abbr=[a for layout, a in v.abbreviations if layout == "party"],
                 state_abbr=[a for layout, a in v.abbreviations if layout == "state"])
    start = r"(?<![\p{L}\d])"
    party = rf"(?:\s?[-–]\s?(?P<abbr>\p{{L}}+)|\s(?P<abbr>\L<party_abbr>))\s?/\s?{_CODE}"
    state = (rf"(?:\s?/\s?{_YEAR})?\s?/\s?(?P<abbr>\p{{L}}[\p{{L}}\d]*)(?:{_DASH}{_CODE})+"
             rf"|\s?/\s?{_YEAR}\s?/\s?{_CODE}")
    bare_party = rf"\s?[-–]\s?(?P<abbr>\L<party_abbr>)\s?/\s?{_CODE}"
    bare_state = rf"(?:\s?/\s?{_YEAR})?\s?/\s?(?P<abbr>\L<state_abbr>)(?:{_DASH}{_CODE})+"
    plenum = r"(?P<plenum>\d{1,2}|\L<ordinals>)"
    compile_ = functools.partial(regex.compile, ignore_unused=True, **lists)
    return SimpleNamespace(
        typed=compile_(rf"{start}(?P<type>\L<types>)\s+(?:của\s+(?P<between>[^,;:.()\n]{{2,80}}?)\s+(?=số))?"
                       rf"(?P<so>số\s*:?\s*)?(?P<nums>{_NUMS})"
                       rf"(?:(?P<party>{party})|(?P<state>{state})|(?P<year>\s?/\s?{_YEAR}(?![/\d])))?"
                       rf"(?![\p{{L}}\d])"),
        plenum=compile_(rf"{start}nghị quyết\s+(?:hội nghị\s+)?\L<central>\s*(?:lần\s+thứ\s+)?{plenum}"
                        rf"(?:(?:\s?,\s?|\s+và\s+){plenum})*(?![\p{{L}}\d]|[-/.,]\d)"
                        rf"|{start}nghị quyết\s+hội nghị\s+(?:lần\s+)?thứ\s+{plenum}\s+(?:của\s+)?\L<central>"),
        congress=compile_(rf"{start}nghị quyết\s+đại hội(?P<body>(?:\s+(?!lần\s)[\p{{L}}\d.]+){{0,8}}?)\s+"
                          rf"(?:lần\s+thứ\s+(?P<ordinal>[ivxlc]+|\d{{1,2}}|\L<ordinals>)|(?P<roman>[ivxlc]+))"
                          rf"(?![\p{{L}}\d])"
                          rf"|{start}nghị quyết\s+đại hội\s+(?P<ordinal>\d{{1,2}})(?![\p{{L}}\d]|[-/.,]\d)"),
        named=compile_(rf"{start}\L<named>(?![\p{{L}}\d])"),
        bare=compile_(rf"(?<![\p{{L}}\d/.\-–])(?:số\s*:?\s*)?(?P<nums>\d{{1,5}})"
                      rf"(?:(?P<party>{bare_party})|(?P<state>{bare_state}))(?![\p{{L}}\d])"),
        type_word=compile_(rf"\L<types>(?![\p{{L}}\d])"),
        number_end=compile_(rf"{_END_OF_NUMBER}(?!\s+(?!{_NOT_A_UNIT})\L<units>(?![\p{{L}}\d]))"),
        list_item=regex.compile(r"\d{1,5}"),
        cue=compile_(r"\s*,?\s*\L<cue>\s+"),
        verb=compile_(r"(?<=\S)\s+\L<verb>\s+\Z"),
        end=compile_(r"\L<end>(?![\p{L}\d])"),
        inner=compile_(r"\L<inner>(?![\p{L}\d])"),
        compound=compile_(r"\L<compound>(?![\p{L}\d])"),
        term=regex.compile(rf"\s*,?\s*(?P<open>\()?\s*khóa\s+(?P<t>{_TERM})(?:\s*(?:,|và|;)\s*(?:khóa\s+)?"
                           rf"(?P<t>{_TERM}))*\s*(?(open)\))"),
        date_cue=regex.compile(r"\s*,?\s*(?P<open>\(\s*)?(?:ban hành\s+)?(?P<day>ngày\s+)"),
        date_close=regex.compile(r"\s*\)"),
        skip=regex.compile(rf"\s*(?:\([^()\n]{{1,40}}\)|\[\d{{1,3}}\]|,?\s*nhiệm kỳ\s+\d{{4}}\s*[-–]\s*\d{{4}}"
                           rf"|năm\s+{_YEAR}(?![\d/.-]))"),
    )


def _ordinal(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    return _vocabulary().ordinals.get(text) or roman_value(text)


def _issuer(text: str, folded: str, pos: int, limit: int) -> tuple[str | None, int]:
    """The body named from `pos`: capitalised syllables, each with at most one lower-case syllable after it
    (`Bộ Chính trị`, `Ban Thường vụ Tỉnh ủy`), lower-case level words inside (`Đảng bộ huyện`), up to a boundary."""
    p = _patterns()
    boundary = _BOUNDARY.search(text, pos, limit)
    stop = boundary.start() if boundary else limit
    end, previous, last, whole = pos, None, None, _vocabulary().words["whole"]
    for token in regex.finditer(r"\S+", text[:stop], pos=pos):
        if token.start() < end:
            continue
        word = token.group()
        if word[0].islower() and p.end.match(folded, token.start()) or p.type_word.match(folded, token.start()):
            break
        inner = p.inner.match(folded, token.start(), stop)
        compound = p.compound.match(folded, token.start(), stop)
        if inner and previous and word[0].islower():
            kind, token_end = "inner", inner.end()
        elif compound and word[0].isupper():
            kind, token_end = "compound", compound.end()
        elif word[0].isupper():
            kind, token_end = ("acronym" if len(word) > 1 and word.isupper() else "capital"), token.end()
        elif (word[0].islower() and previous == "capital" and last not in whole
              or word.isdigit() and previous == "inner"):      # "Chính trị", "Tỉnh ủy"; "quận 5"
            kind, token_end = "lower", token.end()
        else:
            break
        end, previous, last = token_end, kind, fold(word)
    name = text[pos:end].strip()
    if not name or fold_key(name) in _vocabulary().words["not"]:
        return None, pos
    return name, end


def _issuer_before(text: str, folded: str, start: int, floor: int) -> str | None:
    """The subject of "<body> vừa ban hành <citation>": the body written before the issuing verb."""
    verb = _patterns().verb.search(folded, floor, start)
    if not verb:
        return None
    boundary = None
    for boundary in _BOUNDARY.finditer(text, floor, verb.start()):
        pass
    for token in regex.finditer(r"\S+", text[:verb.start()], pos=boundary.end() if boundary else floor):
        name, end = _issuer(text, folded, token.start(), verb.start())
        if name and end == verb.start():
            return name
    return None


def _tail(text: str, folded: str, pos: int, limit: int, dates: dict) -> tuple[str | None, str | None, list, int]:
    """Issuer, ISO date and terms written after a citation (in any order), and where they end."""
    p = _patterns()
    issuer = issued = None
    terms: list[str] = []
    for _ in range(8):
        day = p.date_cue.match(folded, pos, limit)
        date = day and (dates.get(day.start("day")) or dates.get(day.end()))
        if issued is None and date:
            issued, pos = date.iso, date.end
            if day.group("open"):   # "(ngày 4-1-2013)"
                pos = close.end() if (close := p.date_close.match(folded, pos, limit)) else pos
        elif issuer is None and (cue := p.cue.match(folded, pos, limit)) and text[cue.end():cue.end() + 1].isupper():
            issuer, after = _issuer(text, folded, cue.end(), limit)
            if issuer is None:
                break
            pos = after
        elif not terms and (term := p.term.match(folded, pos, limit)):
            values = [roman_value(t) if t.isalpha() else int(t) for t in term.captures("t")]
            if not all(values):
                break
            terms, pos = [to_roman(v) for v in values], term.end()
        elif skip := p.skip.match(folded, pos, limit):
            pos = skip.end()
        else:
            break
    return issuer, issued, terms, pos


def _numbers(folded: str, match: regex.Match, symbol: bool) -> list[tuple[str, int]]:
    """The numbers of a citation's list with their ends; a number-only list stops at a quantity."""
    items = []
    for item in _patterns().list_item.finditer(folded, match.start("nums"), match.end("nums")):
        if not symbol and not _patterns().number_end.match(folded, item.end()):
            break
        items.append((item.group(), item.end()))
    return items


def _typed(text: str, folded: str, match: regex.Match) -> tuple[int, list[dict]] | None:
    kind, verb = _vocabulary().types[match.group("type")]
    suffix = match.group("party") or match.group("state")
    items = _numbers(folded, match, symbol=bool(suffix or match.group("year")))
    if not items:
        return None
    base = dict(type=kind, issuer=None)
    if match.group("between"):
        issuer, end = _issuer(text, folded, match.start("between"), match.end("between"))
        if not suffix or not match.group("so") or end != match.end("between"):
            return None
        base["issuer"] = issuer
    if suffix:
        written = regex.sub(r"\s+", "", text[match.start("nums") + len(match.group("nums")):match.end()])
        written = written.replace("–", "-")
        if match.group("party") and not written.startswith("-"):
            written = "-" + written
        rule = "party_symbol" if match.group("party") else "state_symbol"
        return match.end(), [dict(base, number=n, symbol=n + written, rule=rule) for n, _ in items]
    if not match.group("so") and (verb and text[match.start()].islower() or regex.fullmatch(_YEAR, items[0][0])):
        return None             # "quyết định 3 nội dung" is a verb, "Kế hoạch 2021" a year
    if match.group("year"):      # "Nghị định 46/2016": number and year, no symbol
        if len(items) > 1 or not _patterns().number_end.match(folded, match.end()):
            return None
        return match.end(), [dict(base, number=items[0][0], symbol=None, rule="number_only")]
    return items[-1][1], [dict(base, number=n, symbol=None, rule="number_only") for n, _ in items]


def _candidates(text: str, folded: str) -> list[tuple[int, int, list[dict]]]:
    p, v = _patterns(), _vocabulary()
    found = []
    for match in p.typed.finditer(folded, overlapped=True):
        if parsed := _typed(text, folded, match):
            found.append((match.start(), parsed[0], parsed[1]))
    for match in p.plenum.finditer(folded):
        plenums = [_ordinal(n) for n in match.captures("plenum")]
        if all(plenums):
            found.append((match.start(), match.end(), [dict(type="Nghị quyết", plenum=n, rule="plenum")
                                                       for n in plenums]))
    for match in p.congress.finditer(folded):
        roman = match.group("roman")
        ordinal = _ordinal(match.group("ordinal") or roman)
        if ordinal and (not roman or text[match.start("roman"):match.end("roman")].isupper()):
            body = text[match.start("body"):match.end("body")].strip()
            body = regex.sub(r"^đại\s+biểu\s*", "", body, flags=regex.I)
            body = None if fold_key(body) in v.words["not"] else body
            found.append((match.start(), match.end(), [dict(type="Nghị quyết Đại hội", term=to_roman(ordinal),
                                                            issuer=body or None, rule="congress")]))
    for match in p.named.finditer(folded):
        found.append((match.start(), match.end(), [dict(type=v.named[match.group()], rule="charter")]))
    for match in p.bare.finditer(folded):
        layout = "party" if match.group("party") else "state"
        written = regex.sub(r"\s+", "", text[match.start("nums"):match.end()]).replace("–", "-")
        kinds = v.abbreviations[(layout, match.group("abbr"))]
        found.append((match.start(), match.end(), [dict(type=kinds, number=match.group("nums"), symbol=written,
                                                        rule="bare_symbol")]))
    return found


def _resolve_bare(chosen: list, folded: str) -> list:
    """A bare symbol's type: its abbreviation's, or, when that is ambiguous, a neighbour's or a namesake's."""
    typed = {fold_key(d["symbol"]): d["type"] for _, _, docs in chosen for d in docs
             if d.get("symbol") and isinstance(d["type"], str)}
    resolved = []
    for start, end, docs in chosen:
        doc = docs[0]
        if isinstance(doc["type"], list):
            kinds = doc["type"]
            previous = resolved[-1] if resolved else None
            joined = previous and regex.fullmatch(r"\s*(?:,|;|và)\s*", folded[previous[1]:start])
            if joined and previous[2][-1].get("symbol") and previous[2][-1]["type"] in kinds:
                kind = previous[2][-1]["type"]
            else:
                kind = kinds[0] if len(kinds) == 1 else typed.get(fold_key(doc["symbol"]))
            if kind is None:
                continue
            docs = [dict(doc, type=kind)]
        resolved.append((start, end, docs))
    return resolved


def find_citations(text: str) -> list[Citation]:
    """Every citation of a party or state document in `text`, in text order, non-overlapping."""
    folded = fold(text)
    chosen, last_end = [], 0
    for start, end, docs in sorted(_candidates(text, folded), key=lambda c: (c[0], -c[1])):
        if start >= last_end:
            chosen.append((start, end, docs))
            last_end = end
    chosen = _resolve_bare(chosen, folded)
    dates = {d.start: d for d in find_dates(text)}
    citations = []
    for index, (start, end, docs) in enumerate(chosen):
        limit = chosen[index + 1][0] if index + 1 < len(chosen) else len(text)
        issuer, issued, terms, _ = _tail(text, folded, end, limit, dates)
        issuer = issuer or _issuer_before(text, folded, start, chosen[index - 1][1] if index else 0)
        parsed = []
        for doc in docs:
            own_terms = [doc["term"]] if doc.get("term") else terms if doc["rule"] == "plenum" else terms[:1]
            for term in own_terms or [None]:
                parsed.append(ParsedDocument(
                    type=doc["type"], number=doc.get("number"), symbol=doc.get("symbol"),
                    issuer=issuer or doc.get("issuer"), issued=issued, term=term,
                    plenum=doc.get("plenum"), rule=doc["rule"]))
        citations.append(Citation(start, end, tuple(parsed)))
    return citations


def _number_key(number: str | None) -> str | None:
    return None if number is None else number.lstrip("0") or "0"


def _compatible(a, b, key=fold_key) -> bool:
    return a is None or b is None or key(a) == key(b)


def _same_document(record: dict, doc: ParsedDocument) -> bool:
    issuers = [fold_key(x) for x in (record["issuer"], doc.issuer) if x]
    return (record["type"] == doc.type and _number_key(record["number"]) == _number_key(doc.number)
            and record["plenum"] == doc.plenum and _compatible(record["term"], doc.term)
            and _compatible(record["symbol"], doc.symbol) and _compatible(record["issued"], doc.issued, str)
            and (len(issuers) < 2 or issuers[0] in issuers[1] or issuers[1] in issuers[0]))


def merge_documents(citations) -> list[dict]:
    """One record per distinct document, with every citation span that cites it (`mentions`)."""
    records: list[dict] = []
    for citation in citations:
        for doc in citation.documents:
            record = next((r for r in records if _same_document(r, doc)), None)
            if record is None:
                record = {**{name: getattr(doc, name) for name in ParsedDocument.__dataclass_fields__},
                          "mentions": []}
                records.append(record)
            for name in ("issuer", "issued", "symbol", "term"):
                if record[name] is None:
                    record[name] = getattr(doc, name)
            mention = {"start": citation.start, "end": citation.end}
            if mention not in record["mentions"]:
                record["mentions"].append(mention)
    return records
