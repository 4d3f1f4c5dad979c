"""Multi-syllable lexicon look-up over tokens: longest entry first, folded comparison."""

from __future__ import annotations

from extractor.folding import fold
from extractor.rules.tokens import Token, joined_by_space


class PhraseTable:
    """Phrases (lists of syllables) mapped to a value; `match` finds the longest one starting at a token."""

    def __init__(self, entries: dict[str, object]):
        self._table: dict[tuple[str, ...], object] = {}
        for phrase, value in entries.items():
            key = tuple(fold(phrase).split())
            if key:
                self._table[key] = value
        self.longest = max((len(k) for k in self._table), default=0)

    def match(self, tokens: list[Token], index: int) -> tuple[int, object] | None:
        """(number of tokens, value) of the longest phrase at `index`, its syllables joined by spaces."""
        for length in range(min(self.longest, len(tokens) - index), 0, -1):
            window = tokens[index:index + length]
            if any(not joined_by_space(t) for t in window[1:]):
                continue
            key = tuple(t.folded for t in window)
            if key in self._table:
                return length, self._table[key]
        return None

    def __contains__(self, phrase: str) -> bool:
        return tuple(fold(phrase).split()) in self._table
