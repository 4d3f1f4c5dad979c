"""Where a person's name ends, and names that no family name opens (spec §2: PER), for `persons`.

Three readings the capitalised run of `persons` misses:
- initials after a family name, as court and crime news hide a person ("anh Đinh V.T", "bà Trần T.H.",
  "ông Lê V. B"): the family name and the initials are one name; a full stop after the last initial is
  the sentence's, and an abbreviation with a word in it ("TP.HCM", "V.League") is no initials;
- a lost full stop between a name and the next sentence ("… ông Lê Văn Toàn Cử tri mong …"): in a run of
  four or more syllables, a last syllable that makes a dictionary word with the lower-case syllable after
  it opens the next sentence; two- and three-syllable runs are never cut ("Nguyễn Văn Bình thường trực");
- a foreign person after a title (`data/titles.txt`): "Thủ tướng Shinzo Abe", "Tổng thống Séc Milos
  Zeman" (a country between title and name is the country's, `data/place_countries.txt`). The run must
  hold a syllable no Vietnamese word has, so a body after its title ("Thủ tướng Chính phủ") is none.
"""

from __future__ import annotations

import functools

import regex

from extractor.resources import ResourceError, load_list, load_table
from extractor.rules.names.phrases import PhraseTable, list_table
from extractor.rules.names.places import known_place_length
from extractor.rules.names.title_window import title_words
from extractor.rules.text.dictionary import compound_words, is_compound
from extractor.rules.text.tokens import Token, joined_by_space

LONG_RUN = 4      # a run this long may have taken the next sentence's first syllable
_INITIALS = regex.compile(r"\p{Lu}(?:\.\p{Lu})*")
_BETWEEN_INITIALS = (".", ". ")
_FOREIGN_LETTERS = frozenset("fjwz")


def is_initials(word: str) -> bool:
    """Capital letters with full stops between ("V.T", "T.H."), the way a person's name is hidden."""
    return bool(_INITIALS.fullmatch(word.rstrip(".")))


def initials_end(tokens: list[Token], first: int, end: int) -> int:
    """The token index after the initials that follow the family name at `first` (the run of name syllables
    is `[first, end)`); `end` when none follow. Single letters already in the run are initials too
    ("Lê V. B": the run is "Lê V"). At least one full stop is needed: "Nguyễn Văn A" is a plain name."""
    start = end
    while start > first + 1 and len(tokens[start - 1].text) == 1:
        start -= 1
    at, dotted = start, False
    while at < len(tokens) and _INITIALS.fullmatch(tokens[at].text):
        gap = tokens[at].gap
        if not (joined_by_space(tokens[at]) if at == start else gap in _BETWEEN_INITIALS):
            break
        dotted = dotted or "." in tokens[at].text or (at > start and "." in gap)
        at += 1
    return at if dotted and at > end else end


def cut_lost_sentence_break(tokens: list[Token], index: int, count: int) -> int:
    """`count` less the last syllable when it opens the next sentence ("Lê Văn Toàn Cử tri …", "Nguyễn
    Văn An Cụ thể, …"): a long run only, its last syllable making one word with a lower-case syllable."""
    after = index + count
    if count < LONG_RUN or after >= len(tokens):
        return count
    following = tokens[after]
    if following.capitalised or not joined_by_space(following):
        return count
    date = tokens[after + 1] if after + 1 < len(tokens) else None
    if date is not None and date.text[0].isdigit() and joined_by_space(date):
        return count   # "Lê Thị Thu Hằng ngày 15/6 cho biết": the lower-case word opens a date, not a sentence
    return count - 1 if is_compound(tokens[after - 1].folded, following.folded) else count


@functools.cache
def _given_name_stops() -> dict[str, frozenset[str]]:
    return {word: frozenset(after.split()) for word, after in load_table("name_stop_given_names.tsv", 2)}


def stop_word_ends_name(tokens: list[Token], at: int, stop_words: PhraseTable) -> bool:
    """Whether the stop word at `at` opens the next sentence ("… Trần Văn Thiện Chiều nay …"); one that is
    also a given name only before a number or a word of its own (`data/name_stop_given_names.tsv`): "ông Mai
    Văn Sáng nói" keeps "Sáng", "… Lê Văn An Sáng 5/3 …" does not."""
    if not stop_words.match(tokens, at):
        return False
    followers = _given_name_stops().get(tokens[at].folded)
    if followers is None:
        return True
    following = tokens[at + 1] if at + 1 < len(tokens) else None
    return following is not None and joined_by_space(following) \
        and (following.text[0].isdigit() or following.folded in followers)


@functools.cache
def _countries() -> PhraseTable:
    return list_table("place_countries.txt")


@functools.cache
def _vietnamese_syllables() -> frozenset[str]:
    """The syllables of the Vietnamese word list: a syllable outside it is a foreign one ("Zeman")."""
    return frozenset(syllable for word in compound_words() for syllable in word.split())


def _foreign(token: Token) -> bool:
    """A syllable no Vietnamese word has ("Zeman", "Nicolás") or with a letter Vietnamese does not write."""
    return any(s not in _vietnamese_syllables() or not _FOREIGN_LETTERS.isdisjoint(s) for s in token.folded.split("-"))


def _vietnamese_word(token: Token) -> bool:
    """A syllable with a Vietnamese letter that the word list has ("Tiếp", "Tuyên"): no part of a foreign name."""
    return not token.folded.isascii() and not _foreign(token)


def _trimmed(tokens: list[Token], at: int, run: int) -> tuple[int, int]:
    """The foreign name in a capitalised run: Vietnamese words before it are a country, a body or the next
    sentence ("Anh Tony Blair", "Nhà Trắng Reince Priebus", "Nếu Ivanka"), and one after it opens the next
    sentence ("Donald Trump Tiếp …"); a lone middle initial is kept with the name after it ("George W. Bush")
    or dropped ("John F")."""
    end = at + run
    while end - at > 2 and not _foreign(tokens[at]) or end > at and _vietnamese_word(tokens[at]):
        at += 1
    while end - at > 2 and _vietnamese_word(tokens[end - 1]):
        end -= 1
    if end - at > 1 and len(tokens[end - 1].text) == 1:
        following = tokens[end] if end < len(tokens) else None
        if following is not None and following.gap == ". " and following.capitalised and _foreign(following):
            return at, end + 1 - at
        end -= 1
    return at, end - at


def foreign_after_title(tokens: list[Token], index: int, run_at) -> tuple[int, int] | None:
    """(first token, number of tokens) of a foreign person's name after the title at `index`, else None.
    `run_at(tokens, at)` counts the name syllables from `at` (the persons module's capitalised run)."""
    if tokens[index].folded not in _foreign_name_titles().first_syllables:
        return None   # most names' openers are family names and honorifics: one set test
    title = _foreign_name_titles().match(tokens, index)
    if not title:
        return None
    at = index + title[0]
    country = _countries().match(tokens, at)
    if country and tokens[at].capitalised:
        at += country[0]
    if at >= len(tokens) or not joined_by_space(tokens[at]) or tokens[at].shouted:
        return None
    if list_table("surnames.txt").match(tokens, at):
        return None   # "Bộ trưởng Nguyễn Chí Dũng": a Vietnamese name, read from its family name
    at, run = _trimmed(tokens, at, run_at(tokens, at))
    name = tokens[at:at + run]
    if run < 2 or not any(_foreign(t) for t in name) or any(_vietnamese_word(t) for t in name):
        return None
    if any(known_place_length(tokens, i) for i in range(at, at + run)):
        return None   # "Giám đốc Microsoft Việt Nam": a company in a country, no person
    return at, run


@functools.cache
def _foreign_name_titles() -> PhraseTable:
    """The titles a foreign person's name follows (`data/foreign_name_titles.txt`), each one of titles.txt."""
    table = list_table("foreign_name_titles.txt")
    unknown = [t for t in load_list("foreign_name_titles.txt") if t not in title_words()]
    if unknown:
        raise ResourceError(f"foreign_name_titles.txt: not in titles.txt: {', '.join(unknown)}")
    return table


def foreign_title_openers() -> frozenset[str]:
    """The syllables a title that a foreign name may follow starts with."""
    return _foreign_name_titles().first_syllables
