"""One set of entities from every rule's candidates: longest wins, then the stronger kind of evidence.

Pure: candidates in, entities out. A place is measured with its level word ("thành phố Hồ Chí Minh"
outranks the name "Hồ Chí Minh"); whatever a document citation covers is the citation's; a place or a
name inside an organization's name is part of that organization.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from extractor.folding import fold_key

# Lower wins between candidates of the same length.
_PRIORITY = {"DOC": 0, "ORG": 1, "PER_STRONG": 2, "LOC": 3, "PER": 4}
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


def _canonical_names(entities: list[Entity]) -> dict[str, str]:
    """Short back-references ("Đảng ủy Khối", "Tỉnh ủy") to the one longer name the article gives them,
    standing alone or inside a longer name ("Ban Thường vụ Tỉnh ủy Bắc Kạn" names "Tỉnh ủy Bắc Kạn")."""
    names = {e.text for e in entities if e.label == "ORG"}
    canonical = {}
    for short in names:
        key = _body_key(short)
        fuller: dict[str, str] = {}
        for name in names:
            if name == short:
                continue
            words, folded = name.split(), _body_key(name).split()
            for at in range(len(folded)):
                if " ".join(folded[at:]).startswith(key + " "):
                    suffix = " ".join(words[at:])
                    known = fuller.get(" ".join(folded[at:]))
                    # "Đảng ủy xã" → "Đảng ủy xã Hòa Bình" rather than the "Đảng bộ" of the same name
                    if known is None or fold_key(suffix).startswith(fold_key(short)):
                        fuller[" ".join(folded[at:])] = suffix
                    break
        longest = max(fuller, key=len, default=None)
        # Only when every fuller name is part of one full name (else the reference is ambiguous).
        if longest and all(longest.startswith(k) for k in fuller):
            canonical[short] = fuller[longest]
    return canonical


def resolve(text: str, candidates: list[Candidate]) -> list[Entity]:
    ranked = sorted((c for c in candidates if c.end > c.start),
                    key=lambda c: (-(_outer(c)[1] - _outer(c)[0]), _priority(c), _outer(c)[0]))
    taken: list[tuple[int, int]] = []
    chosen: list[Candidate] = []
    for candidate in ranked:
        start, end = _outer(candidate)
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        taken.append((start, end))
        chosen.append(candidate)
    chosen.sort(key=lambda c: c.start)
    entities = [Entity(c.start, c.end, c.label, text[c.start:c.end], c.rule, person=c.person, role=c.role,
                       short=c.short) for c in chosen]
    canonical = _canonical_names(entities)
    return [replace(e, canonical=canonical.get(e.text)) if e.label == "ORG" else e for e in entities]
