"""Syllable tokens with offsets: the unit the name rules walk over (pure; no spaCy).

A token is a run of letters and digits, with inner dots, hyphens and apostrophes kept (`TP.HCM`, `Z751`,
`P.9`, `H'Lin`). `gap` is what separates it from the previous token: rules stop at anything but a space.
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from extractor.folding import fold

TOKEN_PATTERN = regex.compile(r"[\p{L}\p{N}]+(?:[.'’\-][\p{L}\p{N}]+)*")


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


def tokenize(text: str, word_starts: frozenset[int] | set[int] | None = None) -> list[Token]:
    """Syllables of `text`; with the segmenter's word starts, each knows whether it continues a word."""
    folded = fold(text)
    tokens = []
    previous_end = 0
    for match in TOKEN_PATTERN.finditer(text):
        start, end = match.span()
        if text[start - 1:end + 1] == "&amp;" and start > 0:
            continue   # an escaped ampersand left in scraped text ("Sở NN&amp;PTNT") is punctuation
        footnote = _FOOTNOTE.search(match.group())
        if footnote:   # "Trung ương3", "Đảng.4": a footnote's number glued to the word is a token of its own
            cut = start + footnote.start()
            tokens.append(_token(text, folded, tokens, word_starts, previous_end, start, cut))
            previous_end, start = cut, start + footnote.start(1)
        tokens.append(_token(text, folded, tokens, word_starts, previous_end, start, end))
        previous_end = end
    return tokens


# A lower-case letter, maybe a dot, then one to three digits closing the token: only footnote marks end so
# ("Minh5", "ương3"); codes and numbered units are written in capitals ("Z751", "PMU18", "P.9").
_FOOTNOTE = regex.compile(r"(?<=\p{Ll})\.?(\d{1,3})$")


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
