"""What surrounds a document citation: its issuing body, its date and its term (spec §3; reference/domain.md §1).

After a citation a tail gives the attributes, in any order: `ngày <date>`, `của <body>`, `(khóa XII)` / `khóa XII`
(several terms for a plenum: `(khóa XII, khóa XIII)` cites two), skipping `(…)`, `[1]` and `nhiệm kỳ 2015 - 2020`.
A plenum named there gives its committee (`của Hội nghị Trung ương 4 khóa XIII` → `Trung ương`, XIII). With no
`của <body>` after it, the subject of an issuing verb before it is the issuer (`Thị ủy vừa ban hành …`; read
by `subjects`, with a date opening that sentence). A term can
also close the subject that follows (`Quy định 47-QĐ/TW về … (khóa XI)`). A body's name is read as capitalised
syllables up to a clause boundary (`issuer_at`), a list of bodies closed by `và` as one joint issuer; a generic
name (`Đảng`, `Đảng bộ`) is read as written, and the citation then has no issuer.

This is apart from `documents`, which finds the citations themselves, because reading a body's name, a date and
a term is its own grammar. It sits below `documents`, so it also holds what both read with: the document
vocabulary (`extractor/data/document_*.tsv|txt`) and Roman numerals (terms are written `khóa XII`).
"""

from __future__ import annotations

import functools
from types import SimpleNamespace

import regex

from extractor.folding import fold, fold_key
from extractor.resources import ResourceError, load_list, load_table

YEAR = r"(?:19|20)\d\d"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
_TERM = r"[ivxlc]+(?![\p{L}\d])|\d{1,2}(?![\p{L}\d]|\s*[-–/]\s*\d)"
BOUNDARY = regex.compile(r"[,;:()\[\]\"“”‘’!?…\n]|\.(?![\p{L}\d])|\s[-–]\s")


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
def vocabulary() -> SimpleNamespace:
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
    roles = ("cue", "verb", "not_verb", "end", "inner", "whole", "compound", "head", "title", "not")
    words: dict[str, list[str]] = {role: [] for role in roles}
    for word, role in load_table("document_issuer_words.tsv", 2):
        if role not in words:
            raise ResourceError(f"document_issuer_words.tsv: unknown role {role!r}")
        words[role].append(fold(word))
    ordinals = {fold(word): int(value) for word, value in load_table("document_ordinals.tsv", 2)}
    if not set(named.values()) <= canonical:
        raise ResourceError("document_named.tsv: a type outside document_types.tsv")
    central = [fold(w) for w in load_list("document_central.txt")]
    central_bodies = frozenset(fold(w) for w in load_list("document_central_bodies.txt"))
    if not central_bodies <= set(central):
        raise ResourceError("document_central_bodies.txt: a name outside document_central.txt")
    return SimpleNamespace(types=types, abbreviations=abbreviations, named=named, words=words, ordinals=ordinals,
                           central=central, central_bodies=central_bodies,
                           congress=[fold(w) for w in load_list("document_congress.txt")],
                           units=[fold(w) for w in load_list("document_number_units.txt")])


@functools.cache
def _patterns() -> SimpleNamespace:
    v = vocabulary()
    roles = ("cue", "end", "inner", "compound", "head")
    lists = dict(types=list(v.types), central=v.central, ordinals=list(v.ordinals),
                 **{role: v.words[role] for role in roles})
    ordinal = r"(?:\L<ordinals>|\d{1,2}|[ivxlc]+)"
    compile_ = functools.partial(regex.compile, ignore_unused=True, **lists)
    return SimpleNamespace(
        type_word=compile_(r"\L<types>(?![\p{L}\d])"),
        cue=compile_(r"\s*,?\s*\L<cue>\s+"),
        known=regex.compile(r"\L<known>(?![\p{L}\d])", known=[fold(n) for n in load_list("org_names.txt")]),
        # "(của) Hội nghị Trung ương 4", "Hội nghị lần thứ năm Ban Chấp hành Trung ương Đảng": the plenum where
        # the committee adopted it; the committee is the issuer, and its term may follow
        meeting=compile_(rf"\s*,?\s*(?:\L<cue>\s+)?hội nghị\s+(?:(?:lần\s+)?thứ\s+{ordinal}\s+(?P<body>\L<central>)"
                         rf"|(?P<body>\L<central>)\s*(?:lần\s+thứ\s+)?{ordinal})(?![\p{{L}}\d])"),
        end=compile_(r"\L<end>(?![\p{L}\d])"),
        inner=compile_(r"\L<inner>(?![\p{L}\d])"),
        compound=compile_(r"\L<compound>(?![\p{L}\d])"),
        head=compile_(r"\L<head>(?![\p{L}\d])"),
        term=regex.compile(rf"\s*,?\s*(?P<open>\()?\s*khóa\s+(?P<t>{_TERM})(?:\s*(?:,|và|;)\s*(?:khóa\s+)?"
                           rf"(?P<t>{_TERM}))*\s*(?(open)\))"),
        date_cue=regex.compile(r"\s*(?P<comma>,)?\s*(?P<open>\(\s*)?(?:ban hành\s+)?(?P<day>ngày\s+)"),
        subject=regex.compile(r"\s*,?\s*về\s"),
        sentence_end=regex.compile(r"\.(?![\p{L}\d])|[;!?\n]"),
        late_term=regex.compile(r"(?P<open>\(\s*)?khóa\s+(?P<t>[ivxlc]+)(?![\p{L}\d])(?(open)\s*\))"),
        joint_separator=regex.compile(r"\s*,\s*|\s+(?P<and>và)\s+"),
        clause_after=compile_(r"\s*,\s*+(?!(?:\L<cue>|\L<types>|khóa|về|hội nghị|số)\s|\d)"),
        date_close=regex.compile(r"\s*\)"),
        skip=regex.compile(rf"\s*(?:\([^()\n]{{1,40}}\)|\[\d{{1,3}}\]|,?\s*nhiệm kỳ\s+\d{{4}}\s*[-–]\s*\d{{4}}"
                           rf"|năm\s+{YEAR}(?![\d/.-]))"),
    )


def generic_issuer(name: str | None) -> bool:
    """A name that is no issuing body on its own (`Đảng`, `Đảng bộ`, `Nhà nước`): the issuer is then null."""
    return name is not None and fold_key(name) in vocabulary().words["not"]


def issuer_at(text: str, folded: str, pos: int, limit: int, generic: bool = False) -> tuple[str | None, int]:
    """The body named from `pos`: capitalised syllables, each with at most one lower-case syllable after it
    (`Bộ Chính trị`, `Ban Thường vụ Tỉnh ủy`), lower-case level words inside (`Đảng bộ huyện`), up to a boundary.
    A generic name (`Đảng`) is None unless `generic` asks for it as written."""
    p = _patterns()
    # a body known whole (org_names.txt) may hold "và", a comma or a dash: "Bộ Văn hóa, Thể thao và Du lịch"
    known = p.known.match(folded, pos, limit)
    end, previous = (known.end(), "known") if known else (pos, None)
    boundary = BOUNDARY.search(text, end, limit)
    stop = boundary.start() if boundary else limit
    last, whole, run = None, vocabulary().words["whole"], 0
    for token in regex.finditer(r"\S+", text[:stop], pos=end):
        if token.start() < end:
            continue
        word = token.group()
        if word[0].islower() and p.end.match(folded, token.start()) or p.type_word.match(folded, token.start()):
            break
        inner = p.inner.match(folded, token.start(), stop)
        compound = p.compound.match(folded, token.start(), stop)
        if inner and previous and word[0].islower():
            kind, token_end = "inner", inner.end()
        elif previous is None and (head := p.head.match(folded, token.start(), stop)):
            kind, token_end = "compound", head.end()          # "của thành ủy Hà Nội", written lower-case
        elif compound and word[0].isupper():
            kind, token_end = "compound", compound.end()
        elif word[0].isupper():
            kind, token_end = ("acronym" if len(word) > 1 and word.isupper() else "capital"), token.end()
        elif (word[0].islower() and previous == "capital" and last not in whole and run < 2
              or word.isdigit() and previous == "inner"):      # "Chính trị", "Tỉnh ủy"; "quận 5"
            kind, token_end = "lower", token.end()
        else:
            break
        # a run of capitals after the name's head is a place ("Tỉnh ủy Quảng Ninh"): no lower-case
        # syllable after it belongs to the name ("… Quảng Ninh yêu cầu"); a head or whole word opens no run
        run = run + 1 if kind == "capital" and end > pos and last not in whole else 0
        end, previous, last = token_end, kind, fold(word)
    name = text[pos:end].strip()
    if not name or not generic and generic_issuer(name):
        return None, pos
    return name, end


def _joint_issuers_end(text: str, folded: str, pos: int, limit: int) -> int | None:
    """Where a list of issuing bodies ends, when the first body is followed by ", <body>" items closed by
    "và <body>" (a joint circular: "của Bộ Tư pháp, Bộ Công an và Bộ Y tế"), else None. A lone ", <body>"
    opens the next clause ("của Ban Bí thư, Đoàn kiểm tra đã …") and a lone "và <body>" may be a second
    subject, so neither extends the issuer."""
    separator, commas = _patterns().joint_separator, 0
    while step := separator.match(folded, pos, limit):
        if not text[step.end():step.end() + 1].isupper():
            return None
        name, end = issuer_at(text, folded, step.end(), limit)
        if name is None:
            return None
        if step.group("and"):
            return end if commas else None
        commas, pos = commas + 1, end
    return None


def term_after_subject(text: str, folded: str, pos: int, limit: int) -> list[str]:
    """The term written after the subject that follows a citation, in the same sentence: "Quy định 47-QĐ/TW
    về những điều đảng viên không được làm (khóa XI)", or bare ("… không được làm khóa XI") when no comma
    comes between, for after a comma a bare "khóa" is the next clause's body's ("…, Ban Chấp hành khóa XV")."""
    p = _patterns()
    if not p.subject.match(folded, pos, limit):
        return []
    end = p.sentence_end.search(folded, pos, limit)
    for term in p.late_term.finditer(folded, pos, end.start() if end else limit):
        if not text[term.start("t"):term.end("t")].isupper():
            continue
        if term.group("open") or "," not in folded[pos:term.start()]:
            return [to_roman(roman_value(term.group("t")))] if roman_value(term.group("t")) else []
    return []


def _opens_clause(folded: str, day: regex.Match, date) -> bool:
    """A date set off by commas and followed by no attribute is the next clause's time, not the citation's:
    "Thực hiện Nghị quyết Trung ương 4, ngày 11/4/2007, Bộ Chính trị đã quyết định …"."""
    return bool(day.group("comma") and _patterns().clause_after.match(folded, date.end))


def _issuer_after(text: str, folded: str, pos: int, limit: int) -> tuple[str | None, int] | None:
    """The issuing body named at `pos` and where it ends: a plenum's committee, or `của|do <body>` (a joint list
    whole); (None, pos) when a cue names no body, None when there is no cue."""
    p = _patterns()
    if meeting := p.meeting.match(folded, pos, limit):
        return text[meeting.start("body"):meeting.end("body")], meeting.end()
    cue = p.cue.match(folded, pos, limit)
    if not cue or not (text[cue.end():cue.end() + 1].isupper() or p.head.match(folded, cue.end(), limit)):
        return None
    issuer, after = issuer_at(text, folded, cue.end(), limit, generic=True)
    if issuer is None:
        return None, pos
    end = _joint_issuers_end(text, folded, after, limit) or after
    return text[cue.end():end], end


def attributes_after(text: str, folded: str, pos: int, limit: int,
                     dates: dict) -> tuple[str | None, str | None, list, int]:
    """Issuer (as written, generic or not), ISO date and terms written after a citation (in any order), and
    where they end."""
    p = _patterns()
    issuer = issued = None
    terms: list[str] = []
    for _ in range(8):
        day = p.date_cue.match(folded, pos, limit)
        date = day and (dates.get(day.start("day")) or dates.get(day.end()))
        if issued is None and date and _opens_clause(folded, day, date):
            break
        if issued is None and date:
            issued, pos = date.iso, date.end
            if day.group("open"):   # "(ngày 4-1-2013)"
                pos = close.end() if (close := p.date_close.match(folded, pos, limit)) else pos
        elif issuer is None and (named := _issuer_after(text, folded, pos, limit)):
            issuer, pos = named
            if issuer is None:
                break
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
