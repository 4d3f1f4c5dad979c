"""One set of entities from every rule's candidates: longest wins, then the stronger kind of evidence.

Pure: candidates in, entities out. A place is measured with its level word ("thành phố Hồ Chí Minh"
outranks the name "Hồ Chí Minh"); whatever a document citation covers is the citation's; a place or a
name inside an organization's name is part of that organization.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace

from extractor.folding import fold_key
from extractor.rules.text.spans import TakenSpans

# A span that is no entity but whose words no other reading may take (a meeting's presidium is no person).
BLOCKED = "BLOCKED"
# Lower wins between candidates of the same length.
_PRIORITY = {BLOCKED: -1, "DOC": 0, "ORG": 1, "PER_STRONG": 2, "LOC": 3, "PER": 4}
_STRONG_PERSON_RULES = {"person_alias", "byline", "photo_credit"}
_SAME_BODY = (("đảng bộ", "đảng ủy"),)


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    label: str
    rule: str
    outer_start: int | None = None  # a place's span with its level word
    person: str | None = None       # a name's person (aliases name someone else)
    role: str | None = None         # "author" (byline), "photo" (photo credit)
    short: bool = False             # a short form ("ông Dũng"): a mention, not an entity


@dataclass(frozen=True)
class Entity:
    start: int
    end: int
    label: str
    text: str
    rule: str
    canonical: str | None = None
    person: str | None = None
    role: str | None = None
    short: bool = False


def _outer(c: Candidate) -> tuple[int, int]:
    return (c.outer_start if c.outer_start is not None else c.start), c.end


def _priority(c: Candidate) -> int:
    if c.label == "PER" and c.rule in _STRONG_PERSON_RULES:
        return _PRIORITY["PER_STRONG"]
    return _PRIORITY[c.label]


def _body_key(name: str) -> str:
    key = fold_key(name)
    for variant, canonical in _SAME_BODY:
        key = key.replace(variant, canonical)
    return key


def _suffix_index(names: list[str]) -> list[tuple[str, int, int]]:
    """(folded suffix, name's index, word position) for every word position of every name, sorted: the
    names holding a key at a word start are then one bisection away instead of a scan of every name."""
    index = []
    for number, name in enumerate(names):
        folded = _body_key(name).split()
        index += [(" ".join(folded[at:]), number, at) for at in range(len(folded))]
    index.sort()
    return index


def _fuller_names(short: str, names: list[str], index: list[tuple[str, int, int]]) -> dict[str, str]:
    """The names that hold `short` followed by more words: folded suffix → that suffix as written."""
    key, keep = _body_key(short) + " ", fold_key(short)
    first_at: dict[int, int] = {}     # per name, its first word position that starts with the key
    for suffix, number, at in index[bisect.bisect_left(index, (key,)):]:
        if not suffix.startswith(key):
            break
        if names[number] != short:
            first_at[number] = min(at, first_at.get(number, at))
    fuller: dict[str, str] = {}
    for number in sorted(first_at):   # text order: the first spelling of a name wins, whatever the hash seed
        at = first_at[number]
        folded_suffix = " ".join(_body_key(names[number]).split()[at:])
        suffix = " ".join(names[number].split()[at:])
        known = fuller.get(folded_suffix)
        # "Đảng ủy xã" → "Đảng ủy xã Hòa Bình" rather than the "Đảng bộ" of the same name
        if known is None or fold_key(suffix).startswith(keep) and not fold_key(known).startswith(keep):
            fuller[folded_suffix] = suffix
    return fuller


def _canonical_names(entities: list[Entity]) -> dict[str, str]:
    """Short back-references ("Đảng ủy Khối", "Tỉnh ủy") to the one longer name the article gives them,
    standing alone or inside a longer name ("Ban Thường vụ Tỉnh ủy Bắc Kạn" names "Tỉnh ủy Bắc Kạn")."""
    names = list(dict.fromkeys(e.text for e in entities if e.label == "ORG"))   # in text order
    index = _suffix_index(names)
    canonical = {}
    for short in names:
        fuller = _fuller_names(short, names, index)
        longest = max(fuller, key=len, default=None)
        # Only when every fuller name is part of one full name (else the reference is ambiguous).
        if longest and all(longest.startswith(k) for k in fuller):
            canonical[short] = fuller[longest]
    return canonical


def resolve(text: str, candidates: list[Candidate]) -> list[Entity]:
    ranked = sorted((c for c in candidates if c.end > c.start),
                    key=lambda c: (-(_outer(c)[1] - _outer(c)[0]), _priority(c), _outer(c)[0]))
    taken = TakenSpans()
    chosen: list[Candidate] = []
    for candidate in ranked:
        start, end = _outer(candidate)
        if taken.overlaps(start, end):
            continue
        taken.take(start, end)
        chosen.append(candidate)
    chosen = sorted((c for c in chosen if c.label != BLOCKED), key=lambda c: c.start)
    entities = [Entity(c.start, c.end, c.label, text[c.start:c.end], c.rule, person=c.person, role=c.role,
                       short=c.short) for c in chosen]
    canonical = _canonical_names(entities)
    return [replace(e, canonical=canonical.get(e.text)) if e.label == "ORG" else e for e in entities]
