"""Photo credits (spec §4): the person after a credit's label (`Ảnh: Văn Huỳnh`, `(Ảnh: TTXVN / Minh Đức)`).

An agency, an archive or a paper in a credit is no person (`data/photo_credit_sources.txt`, the outlet lists),
and a credit never runs on into the next sentence when a scrape lost the line break.
"""

from __future__ import annotations

import functools

import regex

from extractor.folding import fold, fold_tones, folded_words
from extractor.resources import load_list


@functools.cache
def _photo_labels() -> tuple[regex.Pattern, ...]:
    return tuple(regex.compile(fold_tones(p), regex.IGNORECASE) for p in load_list("photo_credits.txt"))


_CREDIT_NAME = regex.compile(r"[ ]*((?:\p{Lu}[.,] ?)?\p{Lu}[\p{L}'’]*(?: \p{Lu}[\p{L}'’]*){0,3})")
# The agency before a slash in a credit ("Ảnh: VGP / Lê Sơn"): the person is after it.
_CREDIT_AGENCY = regex.compile(r"[ ]*[\p{Lu}\d.&+-]{2,12}[ ]*/")
_CREDIT_WINDOW = 60
# A byline's label that takes the photo label in ("Tin, ảnh: …", "Bài và ảnh: …"), ending where "ảnh" starts.
_BYLINE_LABEL = regex.compile(r"(?<!\w)(?:tin|bài)\s*(?:,|và|-|/)\s*$")
_LABEL_BACK = 12
_NEXT_WORD = regex.compile(r" (\w+)")


@functools.cache
def _credit_stops() -> frozenset[str]:
    """Words that end a credit's name: the next sentence's first word when a line break was lost."""
    return frozenset(fold(w) for w in load_list("name_stop_words.txt") if " " not in w)


@functools.cache
def _non_persons() -> regex.Pattern:
    """Credits that are no person: agencies and archives, and newspapers by name or kind ("Ảnh: Báo X")."""
    lists = ("photo_credit_sources.txt", "outlet_names.txt", "outlet_kinds.txt")
    entries = sorted({fold(entry) for name in lists for entry in load_list(name)})
    return regex.compile(r"\L<entries>(?!\w)", entries=entries)


def _is_shouted(word: str) -> bool:
    return sum(c.isalpha() for c in word) > 1 and word.isupper()


def _credit_words(words: list[str]) -> list[str]:
    """The words of a credit that are the name: one case throughout ("Ảnh: L.MINH Năm 2005" is "L.MINH"),
    up to a word that opens the next sentence."""
    kept: list[str] = []
    case = None
    for word in words:
        if kept and fold(word.rstrip(".")) in _credit_stops():
            break
        if sum(c.isalpha() for c in word) > 1 and not word.endswith("."):
            shouted = _is_shouted(word.split(".")[-1] or word)
            if case is not None and shouted != case:
                break
            case = shouted
        kept.append(word)
    return kept


def _is_credited_person(name: str, credit: str) -> bool:
    """No agency, archive or illustration (`data/photo_credit_sources.txt`) opening the `credit`, no lone
    acronym ("TTO"), no run of bare letters ("N G")."""
    folded = fold(credit)
    if _non_persons().match(folded):
        return False
    words = name.split()
    if len(words) == 1 and "." not in name and (name.isupper() or len(name) == 1):
        return False
    return not all(len(w) == 1 for w in words)


def _opens_sentence(folded: str, end: int) -> bool:
    """Whether the credit's last word is followed by a lower-case word that no credit takes: the word
    began the next sentence ("Ảnh: B. Trung Phát triển …")."""
    following = _NEXT_WORD.match(folded, end)
    return following is not None and following.group(1)[0].islower() \
        and not _credit_words_after().match(folded, following.start(1))


@functools.cache
def _credit_words_after() -> regex.Pattern:
    return folded_words("photo_credit_words.txt", before="")


def find_photo_credits(text: str) -> list[tuple[int, int]]:
    """Spans of the names after photo-credit labels (`(Ảnh: Văn Huỳnh)`, `Ảnh: B. Trung`)."""
    folded = fold(text)
    spans = []
    for pattern in _photo_labels():
        for match in pattern.finditer(folded):
            at = match.end()
            agency = _CREDIT_AGENCY.match(text, at, at + _CREDIT_WINDOW)
            at = agency.end() if agency else at
            name = _CREDIT_NAME.match(text, at, at + _CREDIT_WINDOW)
            if not name:
                continue
            if _BYLINE_LABEL.search(folded, max(0, match.start() - _LABEL_BACK), match.start()):
                continue                  # "Tin, ảnh: A": the byline's author took the photos too
            words = _credit_words(name.group(1).split(" "))
            if len(words) > 1 and words == name.group(1).split(" ") and _opens_sentence(folded, name.end(1)):
                words = words[:-1]
            surface = " ".join(words).rstrip(".")
            if words and _is_credited_person(surface, text[name.start(1):name.start(1) + _CREDIT_WINDOW]):
                start = name.start(1)
                spans.append((start, start + len(surface)))
    return sorted(set(spans))


def credit_name(surface: str) -> str:
    """A shouted credit in title case, initials included ("L.MINH" → "L.Minh", "NAM TRẦN" → "Nam Trần")."""
    return " ".join(".".join(part[:1] + part[1:].lower() for part in word.split(".")) if word.isupper() else word
                    for word in surface.split())
