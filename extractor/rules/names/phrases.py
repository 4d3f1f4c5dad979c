"""Multi-syllable lexicon look-up over tokens: longest entry first, folded comparison; and the two word lists
every name rule reads (honorifics, and the words that open a sentence whose full stop a scrape lost)."""

from __future__ import annotations

import functools

from extractor.folding import fold
from extractor.resources import load_list, load_table
from extractor.rules.text.tokens import TOKEN_PATTERN, Token, joined_by_space

_SYLLABLE = TOKEN_PATTERN   # an entry is cut into syllables as the text is


class PhraseTable:
    """Phrases (lists of syllables) mapped to a value; `match` finds the longest one starting at a token.

    Indexed by first syllable: most tokens start no entry, and they cost one dictionary look-up."""

    def __init__(self, entries: dict[str, object]):
        self._table: dict[tuple[str, ...], object] = {}
        self._marks: dict[tuple[str, ...], tuple[str, ...]] = {}   # punctuation between syllables, if any
        self._lengths: dict[str, list[int]] = {}
        for phrase, value in entries.items():
            folded = fold(phrase)
            key = tuple(_SYLLABLE.findall(folded))
            if key:
                self._table[key] = value
                marks = tuple(gap.strip() for gap in _SYLLABLE.split(folded)[1:-1])
                if any(marks):
                    self._marks[key] = marks
                self._lengths.setdefault(key[0], []).append(len(key))
        for lengths in self._lengths.values():
            lengths.sort(reverse=True)
        self.longest = max((len(k) for k in self._table), default=0)
        # the folded syllables an entry starts with: a set test is how a caller skips most tokens cheaply
        self.first_syllables = frozenset(self._lengths)

    def match(self, tokens: list[Token], index: int) -> tuple[int, object] | None:
        """(number of tokens, value) of the longest phrase at `index`, its syllables joined by spaces."""
        if index >= len(tokens):
            return None
        lengths = self._lengths.get(tokens[index].folded)
        if not lengths:
            return None
        for length in lengths:
            if index + length > len(tokens):
                continue
            window = tokens[index:index + length]
            key = tuple(t.folded for t in window)
            if key not in self._table:
                continue
            marks = self._marks.get(key)
            if marks is None and any(not joined_by_space(t) for t in window[1:]):
                continue
            if marks is not None and any(t.gap.strip() != mark or "\n" in t.gap
                                         for t, mark in zip(window[1:], marks)):
                continue   # "Bộ Văn hóa, Thể thao và Du lịch": the entry's own commas, on one line
            return length, self._table[key]
        return None

    def __contains__(self, phrase: str) -> bool:
        return tuple(_SYLLABLE.findall(fold(phrase))) in self._table


@functools.cache
def list_table(name: str) -> PhraseTable:
    """A one-entry-per-line data file as a table (every entry maps to True); loaded once, shared."""
    return PhraseTable({entry: True for entry in load_list(name)})


@functools.cache
def pair_table(name: str) -> PhraseTable:
    """A two-column TSV data file as a table: column 1 maps to column 2; loaded once, shared."""
    return PhraseTable(dict(load_table(name, 2)))


@functools.cache
def honorifics() -> PhraseTable:
    """Words before a person's name that are no part of it (honorifics.txt)."""
    return list_table("honorifics.txt")


@functools.cache
def name_stop_words() -> PhraseTable:
    """Capitalised words that open the next sentence when a scrape lost its full stop (name_stop_words.txt)."""
    return list_table("name_stop_words.txt")
