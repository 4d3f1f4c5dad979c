"""Persons: names in running text, bylines and photo credits, with the titles written next to them.

A name is a capitalised run that starts with a family name (`data/surnames.txt`), or any capitalised run
after an honorific (`đồng chí`, `ông`, `bà` …, not part of the name). Aliases (`Bác Hồ`) name a person
whose name is elsewhere (`data/person_aliases.tsv`). Short forms (`ông Dũng`) are mentions of the person
named in full whose name ends with them.

A name does not run over a place: a family name inside a known place (`Kiên Giang`), or opening a place a
name follows (`Thành ủy Hà Nội Trần Văn A`), starts none; a list number or a next line glued to the last
syllable is cut (`Minh11.`, `MạnhBan`). A name that names a thing is no mention: after a street, school or
award word (`data/named_after_words.txt`), a house number, as a cycle year (`Đinh Dậu`,
`data/year_cycle_syllables.tsv`), or a known city after its level word (`TP. Hồ Chí Minh`). The titles
are read in `person_titles`.
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass

import regex

from extractor.folding import fold
from extractor.resources import load_table
from extractor.rules.names.person_titles import expand_abbreviations, titles_around  # noqa: F401 (re-exported)
from extractor.rules.names.photos import find_photo_credits  # noqa: F401  (persons with role "photo")
from extractor.rules.names.name_edges import (cut_lost_sentence_break, foreign_after_title, foreign_title_openers,
                                               initials_end, is_initials, stop_word_ends_name)
from extractor.rules.names.phrases import PhraseTable, honorifics, list_table, name_stop_words, pair_table
from extractor.rules.names.places import known_place_length
from extractor.rules.names.title_window import body_words, title_words
from extractor.rules.text.tokens import Token, joined_by_space, tokenize

_MAX_SYLLABLES = 4
_HOUSE_NUMBER = regex.compile(r"\d+[A-Za-z]?(?:/\d+)*")
_FUSED_TAIL = regex.compile(r"(?<=\p{Ll})(?:\p{Lu}|[.\d]).*$|(?<=\p{L})\d+$")


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
def _aliases() -> PhraseTable:
    return pair_table("person_aliases.tsv")


@functools.cache
def _named_after() -> PhraseTable:
    return list_table("named_after_words.txt")




def _name_syllable(token: Token) -> bool:
    return token.capitalised and not token.text[0].isdigit() and (not token.shouted or len(token.text) <= 1)


def _capitalised_run(tokens: list[Token], index: int, limit: int = _MAX_SYLLABLES, shouted: bool = False) -> int:
    """How many capitalised name syllables, joined by single spaces, start at `index`.

    A name keeps one case (a shouted name only after an honorific: `shouted`) and ends before a stop word (a lost
    sentence break: "… Nguyễn Văn Thiện Chiều nay …") or a syllable that makes a word with the next one
    (`name_edges`)."""
    count = 0
    while index + count < len(tokens) and count < limit:
        at = index + count
        token = tokens[at]
        if not _name_syllable(token) and not (token.shouted and (shouted or (count and tokens[index].shouted))):
            break
        if count and (not joined_by_space(token) or token.shouted != tokens[index].shouted
                      or stop_word_ends_name(tokens, at, name_stop_words())):
            break
        count += 1
        if _FUSED_TAIL.search(token.text):
            break  # "Hồ Chí Minh11. Trần …": the rest of the token is the next line's
    return cut_lost_sentence_break(tokens, index, count)


def _opens_position(tokens: list[Token], index: int) -> bool:
    """A title or a body's name after an honorific ("đồng chí Ủy viên Bộ Chính trị", "đảng viên Chi bộ 3"):
    no name follows there."""
    body = body_words().match(tokens, index)
    return bool(title_words().match(tokens, index) or (body and body[0] > 1)
                or (tokens[index].shouted and tokens[index].text in _abbreviated_words()))


@functools.cache
def _abbreviated_words() -> frozenset[str]:
    """The words of the standard abbreviations ("đảng viên TP HCM": a city, not a shouted name)."""
    return frozenset(word for abbreviation, _ in load_table("abbreviations.tsv", 2) for word in abbreviation.split())


def title_case(name: str) -> str:
    """A shouted name in title case; initials stay as written ("ĐINH V.T" → "Đinh V.T")."""
    return " ".join(w[:1].upper() + w[1:].lower() if w.isupper() and len(w) > 1 and not is_initials(w) else w
                    for w in name.split())


def find_names(text: str, tokens: list[Token] | None = None,
               word_starts: set[int] | None = None) -> list[NameMatch]:
    """Person names in running text, in order, non-overlapping (the segmenter's word starts, when
    given, tell a name from a word that merely starts with a capital)."""
    tokens = tokens if tokens is not None else tokenize(text, word_starts)
    found: list[NameMatch] = []
    starts = [t.start for t in tokens]
    openers = _name_openers()
    i = 0
    while i < len(tokens):
        match = _name_at(text, tokens, i) if tokens[i].folded in openers else None
        if match is None:
            i += 1
            continue
        name, i = match
        at = bisect.bisect_left(starts, name.start)
        if name.rule == "person_alias" or not (_names_a_thing(tokens, at) or _city_after_level(tokens, at, i)):
            found.append(name)
    return found


@functools.cache
def _name_openers() -> frozenset[str]:
    """The syllables a name can start at (an alias, an honorific, a family name): every other token is
    skipped with one set test."""
    return (_aliases().first_syllables | honorifics().first_syllables | _surnames().first_syllables
            | foreign_title_openers())


def _name_at(text: str, tokens: list[Token], i: int) -> tuple[NameMatch, int] | None:
    """The name that starts at token i, and the index after it."""
    alias = _aliases().match(tokens, i)
    if alias and tokens[i].capitalised:
        length, person = alias
        return NameMatch(tokens[i].start, tokens[i + length - 1].end, person, "person_alias"), i + length
    honorific = honorifics().match(tokens, i)
    if honorific:
        after = i + honorific[0]
        run = (_capitalised_run(tokens, after, shouted=True)
               if after < len(tokens) and joined_by_space(tokens[after]) and not _opens_position(tokens, after)
               else 0)
        if run in (1, 2) and _word_runs_on(tokens, after + run):
            run = 0  # "đảng viên Đảng Cộng sản": the capitals open a common word
        if run and not tokens[after].shouted:
            run = initials_end(tokens, after, after + run) - after   # "anh Đinh V.T"
        if run:
            start, end = tokens[after].start, _syllable_end(tokens[after + run - 1])
            return NameMatch(start, end, text[start:end], "honorific+name", short=run == 1), after + run
    surname = _surnames().match(tokens, i)
    if surname and tokens[i].capitalised and not tokens[i].shouted and not _inside_place(tokens, i):
        run = _capitalised_run(tokens, i)
        if run == 2 and _word_runs_on(tokens, i + 2):
            return None  # "Từ Đại hội", "Đảng Cộng sản": the second capital opens a common word
        run = initials_end(tokens, i, i + run) - i if run else 0   # "Đinh V.T (30 tuổi)"
        if 2 <= run:
            start, end = tokens[i].start, _syllable_end(tokens[i + run - 1])
            return NameMatch(start, end, text[start:end], "surname+name"), i + run
    foreign = foreign_after_title(tokens, i, _capitalised_run)
    if foreign:                                  # "Thủ tướng Shinzo Abe"
        at, run = foreign
        start, end = tokens[at].start, _syllable_end(tokens[at + run - 1])
        return NameMatch(start, end, text[start:end], "title+foreign_name"), at + run
    return None


def _inside_place(tokens: list[Token], i: int) -> bool:
    """A family name that is part of a known place's name ("Kiên Giang", "Thanh Hà"), or that opens a
    place a name follows ("Bí thư Thành ủy Hà Nội Trần Văn A": the person is "Trần Văn A"). The places
    of a capitalised run are read from its start, longest first ("Tân Yên Dương Đức Thảo" is the
    district Tân Yên, then a person)."""
    at = i
    while at > 0 and i - at < 6 and joined_by_space(tokens[at]) and tokens[at - 1].capitalised:
        at -= 1
    while at < i:
        length = known_place_length(tokens, at) if tokens[at].capitalised else 0
        if length >= 2 and at + length > i:
            return True
        at += max(length, 1)
    length = known_place_length(tokens, i)
    after = i + length
    return (length >= 2 and after + 1 < len(tokens) and joined_by_space(tokens[after])
            and bool(_surnames().match(tokens, after)) and _capitalised_run(tokens, after) >= 2)


def _word_runs_on(tokens: list[Token], index: int) -> bool:
    """Token `index` is a lowercase later syllable of the word before it (the segmenter's words)."""
    return index < len(tokens) and tokens[index].continues and not tokens[index].capitalised


def _house_number_before(tokens: list[Token], at: int) -> bool:
    """", 425 Lê Lợi": a number that opens an address makes the name after it a street's."""
    number = tokens[at - 1]
    return (joined_by_space(tokens[at]) and bool(_HOUSE_NUMBER.fullmatch(number.text))
            and (at == 1 or number.gap.strip() == ",") and at - 2 >= 0 and not tokens[at - 2].text.isdigit())


def _year_name(tokens: list[Token], at: int) -> bool:
    """A year of the sixty-year cycle, stem then branch ("Tết Đinh Dậu", "năm Canh Tý"), is no person."""
    if at + 1 >= len(tokens) or not joined_by_space(tokens[at + 1]):
        return False
    kinds = _year_syllables()
    return kinds.get(tokens[at].folded) == "stem" and kinds.get(tokens[at + 1].folded) == "branch"


@functools.cache
def _year_syllables() -> dict[str, str]:
    return {fold(syllable): kind for kind, syllable in load_table("year_cycle_syllables.tsv", 2)}


def _syllable_end(token: Token) -> int:
    """Where a name's last syllable ends: before a list number or a next line glued to it ("Minh11",
    "MạnhBan", "Nội.1962")."""
    return token.start + len(_FUSED_TAIL.sub("", token.text))


def _city_after_level(tokens: list[Token], at: int, end: int) -> bool:
    """A known place after its level word is the place, even when it is named after a person
    ("TP. Hồ Chí Minh", "thành phố Hồ Chí Minh"); the person's name alone is left to resolution."""
    if at == 0:
        return False
    name = tokens[at:end]
    tail = _FUSED_TAIL.sub("", name[-1].text)
    if tail != name[-1].text:  # "TP. Hồ Chí Minh5." in a list that lost its breaks
        name[-1] = name[-1]._replace(text=tail, folded=fold(tail), end=name[-1].start + len(tail))
    if known_place_length(name, 0) != len(name):
        return False
    gap = tokens[at].gap
    for length in (2, 1):
        start = at - length
        if start >= 0 and (gap == " " or (gap == ". " and length == 1)) \
                and (m := _place_levels().match(tokens, start)) and m[0] == length:
            return True
    return False


@functools.cache
def _place_levels() -> PhraseTable:
    """The level words of places that take a name (data/place_level_words.txt, read as it is)."""
    return PhraseTable({word.rstrip("."): True for word, _, takes in load_table("place_level_words.txt", 3)
                        if takes in ("name", "both")})


def _names_a_thing(tokens: list[Token], at: int) -> bool:
    """A person's name (from token `at`) after a word that makes it the name of a street, a school, an
    award … (`đường Lê Lợi`, `giải thưởng Lý Tự Trọng`): no mention of the person."""
    if not at:
        return False
    if _house_number_before(tokens, at) or _year_name(tokens, at):
        return True
    for length in range(1, _named_after().longest + 1):
        start = at - length
        if start >= 0 and joined_by_space(tokens[at]) and (m := _named_after().match(tokens, start)) \
                and m[0] == length:
            return True
    return False
