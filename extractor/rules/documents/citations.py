"""Citations of party and state documents, parsed (spec §3; reference/domain.md §1).

Rules, tried on `fold(text)` (same offsets, so `khoá`/`khóa` and `Uỷ`/`Ủy` match alike), first match wins:
- `party_symbol` / `state_symbol`: a type word, optional `số`, numbers and a symbol: `Nghị quyết số 18-NQ/TW`,
  `Chỉ thị số 15, 16/CT-TTg` (two documents), `Luật số 80/2015/QH13`, `Nghị quyết 19-2017/NQ-CP` (the year
  after a dash); also the older `Quyết định của Bộ Chính trị số 31-QĐ/TW`, and an official letter's
  `công văn số 304/VPCP`. The type comes from the word, never from the symbol (`QĐ` is Quyết định and Quy định).
- `number_only`: a type word and numbers without symbol: `Chỉ thị 05`, `Quyết định 935, 936 và 937`,
  `Quyết định mang số 12, 13`. A lower-case type word needs `số` (`quyết định 5 vấn đề` is a verb), a number
  followed by a unit is a quantity (`kế hoạch 5 năm`, `Nghị quyết 15, 20 đại biểu` stops after 15), and a
  year-like number needs `số`.
- `plenum`: `Nghị quyết Trung ương 4`, `Nghị quyết TW4`, `Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương`,
  `Nghị quyết Hội nghị VI (lần 2) của Trung ương`; the committee written inside as a body
  (`document_central_bodies.txt`: `Ban Chấp hành Trung ương Đảng`, not `Trung ương`) is the issuer.
- `congress`: `Nghị quyết Đại hội [đại biểu] [<body>] lần thứ XI` / `Nghị quyết Đại hội XIII` / `Nghị quyết ĐH X` /
  `Nghị quyết XIII của Đảng`; the ordinal, in Roman numerals, is the term; the body named inside is the issuer
  unless a `của <body>` follows.
- `charter`: documents cited by name alone (`Điều lệ Đảng`).
- `titled_symbol`: a law's title between its type word and its number: `Luật Phòng, chống tham nhũng số 36/2018/QH14`.
- `bare_symbol`: a symbol without type word (`số 18-NQ/TW`, `19-NQ/TW` in a list) counts only when its
  abbreviation is a known type abbreviation; an ambiguous one (`QĐ`) takes the type of the citation just before
  it in a list or of a typed citation of the same symbol, else it is dropped.
The issuer, date and term written around a citation (`ngày <date>`, `của <body>`, `khóa XII`) are read by
`surroundings` (which also shares them along a list of symbols) with `attributes`, which also holds the
vocabulary (`extractor/data/document_*.tsv|txt`) and Roman numerals;
`merging` makes one record per document.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from types import SimpleNamespace

import regex

from extractor.folding import fold, fold_key
from extractor.resources import load_list
from extractor.rules.documents.attributes import YEAR, generic_issuer, issuer_at, roman_value, to_roman, vocabulary
from extractor.rules.documents.merging import merge_documents
from extractor.rules.documents.surroundings import read_attributes, share_in_symbol_lists

__all__ = ["Citation", "ParsedDocument", "find_citations", "merge_documents", "roman_value", "to_roman"]


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
    # the issuer as the text names it, also a generic one ("của Đảng" → issuer None, written "Đảng"): two
    # congress resolutions of one ordinal, the party's and a local party committee's, stay apart by it
    written_issuer: str | None = None


@dataclass(frozen=True)
class Citation:
    start: int
    end: int
    documents: tuple[ParsedDocument, ...]


_CODE = r"\p{L}[\p{L}\d]*(?:\.\p{L}[\p{L}\d]*)*"        # TW, ĐUK, BTCTW, TH.U, T.Ư
_DASH = r"(?:\s?-(?!\s)|-\s?)"                            # NĐ-CP, NĐ- CP; never "QĐ-UBND - Ảnh"
_NUMS = r"\d{1,5}(?:(?:\s?,\s?|\s+và\s+)(?:số\s+)?\d{1,5})*"
_WORD = r"[\p{L}\d]+(?:\.[\p{L}\d]+)*"
_END_OF_NUMBER = r"(?![\p{L}\d]|\s?[-–/]\s?[\p{L}\d]|[.,]\d|\s?%)"
# "Quyết định số 218 ngày 12-12-2013", "Nghị định 29 năm 2011": a date or year after the number, no quantity
_NOT_A_UNIT = r"ngày\s+\d{1,2}(?:\s*[-/.]\s*|\s+tháng\s+)\d|năm\s+(?:19|20)\d\d(?!\s*[-–]\s*\d)"


@functools.cache
def _patterns() -> SimpleNamespace:
    v = vocabulary()
    lists = dict(types=list(v.types), named=list(v.named), central=v.central, units=v.units, congress=v.congress,
                 ordinals=list(v.ordinals), titled=[fold(w) for w in load_list("document_titled_types.txt")],
                 party_abbr=[a for layout, a in v.abbreviations if layout == "party"],
                 state_abbr=[a for layout, a in v.abbreviations if layout == "state"],
                 compounds=[fold(w) for w in load_list("document_type_compounds.txt")])
    start = r"(?<![\p{L}\d])"
    party = rf"(?:\s?[-–]\s?(?P<abbr>\p{{L}}+)|\s(?P<abbr>\L<party_abbr>))\s?/\s?{_CODE}"
    # the year inside a government symbol, after a slash or a dash: "35/2016/NQ-CP", "19-2017/NQ-CP"
    state = (rf"(?:\s?[/\-–]\s?{YEAR})?\s?/\s?(?P<abbr>\p{{L}}[\p{{L}}\d]*)(?:{_DASH}{_CODE})+"
             rf"|\s?[/\-–]\s?{YEAR}\s?/\s?{_CODE}"
             rf"|\s?/\s?(?P<abbr>\p{{L}}[\p{{L}}\d]*)(?:{_DASH}{_CODE})*")     # an official letter: "số 304/VPCP"
    bare_party = rf"\s?[-–]\s?(?P<abbr>\L<party_abbr>)\s?/\s?{_CODE}"
    bare_state = rf"(?:\s?[/\-–]\s?{YEAR})?\s?/\s?(?P<abbr>\L<state_abbr>)(?:{_DASH}{_CODE})+"
    plenum = r"(?P<plenum>\d{1,2}|\L<ordinals>)"
    compile_ = functools.partial(regex.compile, ignore_unused=True, **lists)
    return SimpleNamespace(
        typed=compile_(rf"{start}(?<!(?<![\p{{L}}\d])\L<compounds>\s)(?P<type>\L<types>)\s+(?:của\s+(?P<between>[^,;:.()\n]{{2,80}}?)\s+(?=số))?"
                       rf"(?P<so>(?:mang\s+)?số\s*:?\s*)?(?P<nums>{_NUMS})"
                       rf"(?:(?P<party>{party})|(?P<state>{state})|(?P<year>\s?/\s?{YEAR}(?![/\d])))?"
                       rf"(?![\p{{L}}\d])"),
        # the committee written inside, when a body (document_central_bodies.txt), is the issuer
        plenum=compile_(rf"{start}nghị quyết\s+(?:hội nghị\s+)?(?P<body>\L<central>)\s*(?:lần\s+thứ\s+)?{plenum}"
                        rf"(?:(?:\s?,\s?|\s+và\s+){plenum})*(?![\p{{L}}\d]|[-/.,]\d)"
                        rf"|{start}nghị quyết\s+hội nghị\s+(?:lần\s+)?thứ\s+{plenum}\s+(?:của\s+)?(?P<body>\L<central>)"
                        # "Nghị quyết Hội nghị VI (lần 2) của Trung ương": the ordinal first, the committee after
                        rf"|{start}nghị quyết\s+hội nghị\s+(?P<plenum>[ivxlc]+|\d{{1,2}})"
                        rf"(?:\s+(?:của\s+)?(?P<body>\L<central>)"
                        rf"|(?=\s*\([^()\n]{{1,20}}\)\s*của\s+\L<central>))(?![\p{{L}}\d])"),
        # "… Đảng bộ tỉnh khóa XVII": the congress elects the committee of its own number, so khóa names it too
        # the body inside: words on the same line, a full stop only inside a word ("TP.HCM")
        congress=compile_(rf"{start}nghị quyết\s+\L<congress>(?P<body>(?:[^\S\n]+(?!lần\s|khóa\s){_WORD}){{0,12}}?)"
                          rf"[^\S\n]+(?:(?:lần\s+thứ|khóa)\s+(?P<ordinal>[ivxlc]+|\d{{1,2}}|\L<ordinals>)|(?P<roman>[ivxlc]+))"
                          rf"(?![\p{{L}}\d])"
                          rf"|{start}nghị quyết\s+\L<congress>\s+(?P<ordinal>\d{{1,2}})(?![\p{{L}}\d]|[-/.,]\d)"
                          # "Nghị quyết XIII của Đảng": the congress named by its ordinal alone, then the party
                          rf"|{start}nghị quyết\s+(?P<roman>[ivxlc]+)(?=\s*,?\s+của\s+đảng(?!\p{{L}}))"),
        named=compile_(rf"{start}\L<named>(?![\p{{L}}\d])"),
        type_word=compile_(rf"{start}\L<types>(?![\p{{L}}\d])"),
        titled=compile_(rf"{start}(?P<type>\L<titled>)\s+(?P<title>[^;:.()\n\d]{{2,80}}?)\s+số\s*(?P<nums>\d{{1,5}})"
                        rf"(?:{state})(?![\p{{L}}\d])"),
        bare=compile_(rf"(?<![\p{{L}}\d/.\-–])(?:số\s*:?\s*)?(?P<nums>\d{{1,5}})"
                      rf"(?:(?P<party>{bare_party})|(?P<state>{bare_state}))(?![\p{{L}}\d])"),
        number_end=compile_(rf"{_END_OF_NUMBER}(?!\s+(?!{_NOT_A_UNIT})\L<units>(?![\p{{L}}\d]))"),
        list_item=regex.compile(r"\d{1,5}"),
    )


def _ordinal(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    return vocabulary().ordinals.get(text) or roman_value(text)


def _numbers(folded: str, match: regex.Match, symbol: bool) -> list[tuple[str, int]]:
    """The numbers of a citation's list with their ends; a number-only list stops at a quantity."""
    items = []
    for item in _patterns().list_item.finditer(folded, match.start("nums"), match.end("nums")):
        if not symbol and not _patterns().number_end.match(folded, item.end()):
            break
        items.append((item.group(), item.end()))
    return items


def _typed(text: str, folded: str, match: regex.Match) -> tuple[int, list[dict]] | None:
    kind, verb = vocabulary().types[match.group("type")]
    suffix = match.group("party") or match.group("state")
    items = _numbers(folded, match, symbol=bool(suffix or match.group("year")))
    if not items:
        return None
    base = dict(type=kind, issuer=None)
    if match.group("between"):
        issuer, end = issuer_at(text, folded, match.start("between"), match.end("between"))
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
    if not match.group("so") and (verb and text[match.start()].islower() or regex.fullmatch(YEAR, items[0][0])):
        return None             # "quyết định 3 nội dung" is a verb, "Kế hoạch 2021" a year
    if match.group("year"):      # "Nghị định 46/2016": number and year, no symbol
        if len(items) > 1 or not _patterns().number_end.match(folded, match.end()):
            return None
        return match.end(), [dict(base, number=items[0][0], symbol=None, rule="number_only")]
    return items[-1][1], [dict(base, number=n, symbol=None, rule="number_only") for n, _ in items]


def _congresses(text: str, folded: str):
    """Congress resolutions: the ordinal in Roman numerals is the term, the body named inside the issuer."""
    for match in _patterns().congress.finditer(folded):
        roman = match.group("roman")
        ordinal = _ordinal(match.group("ordinal") or roman)
        if ordinal and (not roman or text[match.start("roman"):match.end("roman")].isupper()):
            body = text[match.start("body"):match.end("body")].strip()
            body = regex.sub(r"^đại\s+biểu\s*", "", body, flags=regex.I)
            body = None if fold_key(body) in vocabulary().words["not"] else body
            yield match.start(), match.end(), [dict(type="Nghị quyết Đại hội", term=to_roman(ordinal),
                                                    issuer=body or None, rule="congress")]


def _titled_laws(text: str, folded: str):
    """`Luật <Title> số 36/2018/QH14`: a capitalised title with no other type word in it."""
    p = _patterns()
    for match in p.titled.finditer(folded):
        if (text[match.start()].isupper() and text[match.start("title")].isupper()
                and not p.type_word.search(folded, match.start("title"), match.end("title"))):
            number = match.group("nums")
            symbol = number + regex.sub(r"\s+", "", text[match.end("nums"):match.end()])
            yield match.start(), match.end(), [dict(type=vocabulary().types[match.group("type")][0], issuer=None,
                                                    number=number, symbol=symbol, rule="titled_symbol")]


def _candidates(text: str, folded: str) -> list[tuple[int, int, list[dict]]]:
    p, v = _patterns(), vocabulary()
    found = []
    for match in p.typed.finditer(folded, overlapped=True):
        if parsed := _typed(text, folded, match):
            found.append((match.start(), parsed[0], parsed[1]))
    for match in p.plenum.finditer(folded):
        plenums = [_ordinal(n) for n in match.captures("plenum")]
        if all(plenums):
            body = match.group("body") in v.central_bodies and text[match.start("body"):match.end("body")]
            found.append((match.start(), match.end(), [dict(type="Nghị quyết", plenum=n, issuer=body or None,
                                                            rule="plenum") for n in plenums]))
    found.extend(_congresses(text, folded))
    found.extend(_titled_laws(text, folded))
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
    attributes = share_in_symbol_lists(chosen, folded, read_attributes(text, folded, chosen))
    citations = []
    for (start, end, docs), (written, issued, terms, before) in zip(chosen, attributes):
        issuer = None if generic_issuer(written) else written
        parsed = []
        for doc in docs:
            own_terms = [doc["term"]] if doc.get("term") else terms if doc["rule"] == "plenum" else terms[:1]
            # "Đại hội đã thông qua Nghị quyết Đại hội Đảng bộ huyện …": the body inside, not the subject
            own = doc.get("issuer") if before and doc.get("issuer") else None
            for term in own_terms or [None]:
                parsed.append(ParsedDocument(
                    type=doc["type"], number=doc.get("number"), symbol=doc.get("symbol"),
                    issuer=own or issuer or doc.get("issuer"), issued=issued, term=term,
                    plenum=doc.get("plenum"), rule=doc["rule"], written_issuer=own or written or doc.get("issuer")))
        citations.append(Citation(start, end, tuple(parsed)))
    return citations
