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
        gap = text[previous_end:start]
        continues = word_starts is not None and start not in word_starts and bool(tokens) \
            and gap != "" and gap.strip(" ") == ""
        tokens.append(Token(start, end, match.group(), folded[start:end], gap, continues))
        previous_end = end
    return tokens


def joined_by_space_gap(gap: str) -> bool:
    return gap != "" and gap.strip(" ") == ""


def joined_by_space(token: Token) -> bool:
    """True when only plain space separates the token from the previous one (no comma, no line break)."""
    return joined_by_space_gap(token.gap)
