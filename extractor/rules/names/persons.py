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

from extractor.resources import load_table
from extractor.rules.names.photos import find_photo_credits  # noqa: F401  (persons with role "photo")
from extractor.rules.names.phrases import PhraseTable, list_table, pair_table
from extractor.rules.text.tokens import Token, joined_by_space, tokenize

_MAX_SYLLABLES = 4
_TITLE_SPLIT = regex.compile(r"\s*(?:,|;|\s-\s|\s–\s)\s*")


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
def _titles() -> PhraseTable:
    return list_table("titles.txt")


@functools.cache
def _abbreviations() -> tuple[regex.Pattern, dict[str, str]]:
    table = dict(load_table("abbreviations.tsv", 2))
    words = sorted(table, key=len, reverse=True)
    return regex.compile(r"(?<![\p{L}\d])(?:" + "|".join(map(regex.escape, words)) + r")(?![\p{L}\d])"), table


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
                   if after < len(tokens) and joined_by_space(tokens[after]) else 0)
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


def expand_abbreviations(title: str) -> str:
    pattern, table = _abbreviations()
    return pattern.sub(lambda m: table[m.group()], title)


def _head_tokens(piece: str, needed: int) -> list[Token]:
    """The first tokens of `piece`, at least `needed` of them when it has that many: title matching looks
    only a few tokens in, and tokenizing a whole long sentence for every name in it is quadratic."""
    limit = 64
    while True:
        tokens = tokenize(piece[:limit])
        if limit >= len(piece):
            return tokens
        tokens = tokens[:-1]  # the last one may be cut by the limit
        if len(tokens) >= needed:
            return tokens
        limit *= 4


def _is_title(piece: str) -> bool:
    tokens = _head_tokens(piece, 2 + _titles().longest)
    if not tokens:
        return False
    start = 1 if tokens[0].folded in ("nguyên", "phó") and len(tokens) > 1 else 0
    return bool(_titles().match(tokens, start) or _titles().match(tokens, 0))


def titles_around(text: str, start: int, end: int, sentence: tuple[int, int]) -> list[str]:
    """Titles written next to a name: comma- or dash-separated pieces just before and just after it."""
    before = text[sentence[0]:start]
    after = text[end:sentence[1]]
    titles: list[str] = []
    # Before the name: the pieces back to the last one that is no title ("Ủy viên Bộ Chính trị, Bí thư …").
    pieces = _TITLE_SPLIT.split(before.rstrip())
    for piece in reversed(pieces):
        candidate = _strip_leading_words(piece)
        if not candidate or not _is_title(candidate):
            break
        titles.insert(0, candidate)
        if candidate != piece.strip():
            break
    # After the name: ", TUV, Bí thư …" or " - Phó Chủ tịch …".
    for piece in _TITLE_SPLIT.split(after)[1:] if _TITLE_SPLIT.match(after) else []:
        piece = piece.strip().rstrip(".")
        # The appositive ends where the sentence's verb begins.
        cut = regex.search(r"\s(?:đã|đang|sẽ|vừa|cho|cùng|làm|trao|phát|chủ trì|nhấn|tham|dự|khẳng|cho biết)\b",
                           piece)
        piece = piece[:cut.start()] if cut else piece
        if not piece or not _is_title(piece):
            break
        titles.append(piece)
        if cut:
            break
    return [expand_abbreviations(" ".join(t.split())) for t in titles]


def _strip_leading_words(piece: str) -> str:
    """From the first title word on ("Ngày 20-5, Ủy viên Bộ Chính trị" → "Ủy viên Bộ Chính trị")."""
    tokens = _head_tokens(piece, 9 + _titles().longest)
    for index in range(len(tokens)):
        if _titles().match(tokens, index) or (tokens[index].folded in ("nguyên",) and index + 1 < len(tokens)
                                               and _titles().match(tokens, index + 1)):
            return piece[tokens[index].start:].strip()
        if index > 6:
            break
    return ""
