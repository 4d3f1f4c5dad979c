"""Persons: names in running text, bylines and photo credits, with the titles written next to them.

A name is a capitalised run that starts with a family name (`data/surnames.txt`), or any capitalised run
after an honorific (`đồng chí`, `ông`, `bà` …, not part of the name). Aliases (`Bác Hồ`) name a person
whose name is elsewhere (`data/person_aliases.tsv`). Short forms (`ông Dũng`) are mentions of the person
named in full whose name ends with them.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from extractor.folding import fold, fold_tones
from extractor.resources import load_list
from extractor.rules.names.person_titles import expand_abbreviations, titles_around  # noqa: F401 (re-exported)
from extractor.rules.names.phrases import PhraseTable, list_table, pair_table
from extractor.rules.text.tokens import Token, joined_by_space, tokenize

_MAX_SYLLABLES = 4


@dataclass(frozen=True)
class NameMatch:
    start: int
    end: int
    name: str        # the person's name as the record gives it (title case; an alias's person)
    rule: str
    short: bool = False  # one syllable after an honorific: a short form of a full name


@functools.cache
def _surnames() -> PhraseTable:
    return list_table("surnames.txt")


@functools.cache
def _honorifics() -> PhraseTable:
    return list_table("honorifics.txt")


@functools.cache
def _aliases() -> PhraseTable:
    return pair_table("person_aliases.tsv")


@functools.cache
def _title_words() -> PhraseTable:
    return list_table("titles.txt")


@functools.cache
def _title_body_words() -> PhraseTable:
    return list_table("title_body_words.txt")


@functools.cache
def _photo_labels() -> tuple[regex.Pattern, ...]:
    return tuple(regex.compile(fold_tones(p), regex.IGNORECASE) for p in load_list("photo_credits.txt"))


def _name_syllable(token: Token) -> bool:
    return token.capitalised and not token.text[0].isdigit() and (not token.shouted or len(token.text) <= 1)


@functools.cache
def _stop_words() -> PhraseTable:
    return list_table("name_stop_words.txt")


def _capitalised_run(tokens: list[Token], index: int, limit: int = _MAX_SYLLABLES, shouted: bool = False) -> int:
    """How many capitalised name syllables, joined by single spaces, start at `index`.

    A name keeps one case (a shouted name only after an honorific: `shouted`) and ends before a stop word (a lost sentence
    break: "… Nguyễn Văn Thiện Chiều nay …")."""
    count = 0
    while index + count < len(tokens) and count < limit:
        at = index + count
        token = tokens[at]
        if not _name_syllable(token) and not (token.shouted and (shouted or (count and tokens[index].shouted))):
            break
        if count and (not joined_by_space(token) or token.shouted != tokens[index].shouted
                      or _stop_words().match(tokens, at)):
            break
        count += 1
    return count


def _opens_position(tokens: list[Token], index: int) -> bool:
    """A title or a body's name after an honorific ("đồng chí Ủy viên Bộ Chính trị", "đảng viên Chi bộ 3"):
    no name follows there."""
    body = _title_body_words().match(tokens, index)
    return bool(_title_words().match(tokens, index) or (body and body[0] > 1))


def title_case(name: str) -> str:
    return " ".join(w[:1].upper() + w[1:].lower() if w.isupper() and len(w) > 1 else w for w in name.split())


def find_names(text: str, tokens: list[Token] | None = None,
               word_starts: set[int] | None = None) -> list[NameMatch]:
    """Person names in running text, in order, non-overlapping (the segmenter's word starts, when
    given, tell a name from a word that merely starts with a capital)."""
    tokens = tokens if tokens is not None else tokenize(text, word_starts)
    found: list[NameMatch] = []
    i = 0
    while i < len(tokens):
        alias = _aliases().match(tokens, i)
        if alias and tokens[i].capitalised:
            length, person = alias
            found.append(NameMatch(tokens[i].start, tokens[i + length - 1].end, person, "person_alias"))
            i += length
            continue
        honorific = _honorifics().match(tokens, i)
        if honorific:
            after = i + honorific[0]
            run = (_capitalised_run(tokens, after, shouted=True)
                   if after < len(tokens) and joined_by_space(tokens[after]) and not _opens_position(tokens, after)
                   else 0)
            if run:
                start, end = tokens[after].start, tokens[after + run - 1].end
                found.append(NameMatch(start, end, text[start:end], "honorific+name", short=run == 1))
                i = after + run
                continue
        surname = _surnames().match(tokens, i)
        if surname and tokens[i].capitalised and not tokens[i].shouted:
            run = _capitalised_run(tokens, i)
            if 2 <= run:
                start, end = tokens[i].start, tokens[i + run - 1].end
                found.append(NameMatch(start, end, text[start:end], "surname+name"))
                i += run
                continue
        i += 1
    return found


def find_photo_credits(text: str) -> list[tuple[int, int]]:
    """Spans of the names after photo-credit labels (`(Ảnh: Văn Huỳnh)`, `Ảnh: B. Trung`)."""
    folded = fold(text)
    spans = []
    for pattern in _photo_labels():
        for match in pattern.finditer(folded):
            tail = text[match.end():match.end() + 60]
            name = regex.match(r"[ ]*((?:\p{Lu}[.,] ?)?\p{Lu}[\p{L}'’]*(?: \p{Lu}[\p{L}'’]*){0,3})", tail)
            if name:
                start = match.end() + name.start(1)
                spans.append((start, start + len(name.group(1))))
    return sorted(set(spans))
