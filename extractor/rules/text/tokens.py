"""Syllable tokens with offsets: the unit the name rules walk over (pure; no spaCy).

A token is a run of letters and digits, with inner dots, hyphens and apostrophes kept (`TP.HCM`, `Z751`,
`P.9`, `H'Lin`). `gap` is what separates it from the previous token: rules stop at anything but a space.
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from extractor.folding import fold

# A lower-case syllable never opens a hyphenated name ("Hồng-Nhung", "Bà Rịa-Vũng Tàu" keep theirs), so a hyphen
# after one and before a capital joins two words written tight ("Văn hóa-Thể thao", "Kế hoạch-Đầu tư").
TOKEN_PATTERN = regex.compile(r"\p{Ll}[\p{L}\p{N}]*(?:[.'’][\p{L}\p{N}]+|-(?!\p{Lu})[\p{L}\p{N}]+)*"
                              r"|[\p{L}\p{N}]+(?:[.'’\-][\p{L}\p{N}]+)*")


class Token(NamedTuple):
    """A syllable (a tuple: tens of thousands are made per article, and a frozen dataclass costs twice as much
    to build)."""
    start: int
    end: int
    text: str
    folded: str
    gap: str  # the characters between the previous token and this one
    continues: bool = False  # a later syllable of a word the segmenter made ("quan" in "Cơ quan")

    @property
    def capitalised(self) -> bool:
        return self.text[0].isupper()

    @property
    def shouted(self) -> bool:
        return self.text.isupper() and len(self.text) > 1


_new_token = tuple.__new__   # a NamedTuple's own constructor costs twice as much; tens of thousands per article


def tokenize(text: str, word_starts: frozenset[int] | set[int] | None = None) -> list[Token]:
    """Syllables of `text`; with the segmenter's word starts, each knows whether it continues a word."""
    folded = fold(text)
    tokens: list[Token] = []
    previous_end = 0
    starts = word_starts if word_starts is not None else ()
    for match in TOKEN_PATTERN.finditer(text):
        start, end = match.span()
        if start > 0 and text[start - 1] == "&" and text[start - 1:end + 1] == "&amp;":
            continue   # an escaped ampersand left in scraped text ("Sở NN&amp;PTNT") is punctuation
        word = match.group()
        if word.isalpha() and (word.islower() or word[1:].islower()):   # nearly every syllable: nothing glued
            gap = text[previous_end:start]
            continues = (gap == " " or (gap != "" and not gap.strip(" "))) and word_starts is not None \
                and start not in starts and bool(tokens)
            tokens.append(_new_token(Token, (start, end, word, folded[start:end], gap, continues)))
            previous_end = end
            continue
        for piece_start, piece_end in _unglued(word, start):
            tokens.append(_token(text, folded, tokens, word_starts, previous_end, piece_start, piece_end))
            previous_end = piece_end
    return tokens


# Where scraped text lost a space, a token holds two: a footnote's number after a word ("Trung ương3",
# "Đảng.4"), a sentence glued after a full stop ("Bắc Cạn.Vào", "khoảng 300.Đại sứ quán"), a word glued to the next line's first
# word ("MinhỦy", "MạnhBan"). Only after a lower-case letter: codes and units are written in capitals
# ("Z751", "PMU18", "P.9", "TP.HCM"), and brand names in plain Latin letters keep their capitals
# ("VnExpress", "PetroVietnam"), so a capital inside a word cuts only where Vietnamese letters show.
_GLUE = regex.compile(r"(?<=\p{Ll})(?:\.?(?=\d{1,3}$)|(?=\p{Lu}\p{Ll}*$))|(?<=[\p{Ll}\d])\.(?=\p{Lu}\p{Ll})")
_VIETNAMESE_LETTER = regex.compile(r"[^\x00-\x7F]")


def _unglued(word: str, start: int) -> list[tuple[int, int]]:
    pieces, at = [], 0
    for cut in _GLUE.finditer(word):
        if not cut.group() and not word[cut.start():].isdigit() and not _VIETNAMESE_LETTER.search(word):
            continue   # "VnExpress": a Latin brand's inner capital
        pieces.append((start + at, start + cut.start()))
        at = cut.end()
    pieces.append((start + at, start + len(word)))
    return pieces


def _token(text: str, folded: str, tokens: list[Token], word_starts, previous_end: int, start: int,
           end: int) -> Token:
    gap = text[previous_end:start]
    continues = word_starts is not None and start not in word_starts and bool(tokens) \
        and gap != "" and gap.strip(" ") == ""
    return Token(start, end, text[start:end], folded[start:end], gap, continues)


def joined_by_space_gap(gap: str) -> bool:
    return gap != "" and gap.strip(" ") == ""


def joined_by_space(token: Token) -> bool:
    """True when only plain space separates the token from the previous one (no comma, no line break)."""
    return joined_by_space_gap(token.gap)
