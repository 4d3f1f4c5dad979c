"""Is this text Vietnamese? A cheap test on syllables, good enough to turn away other languages."""

from __future__ import annotations

import functools

import regex

from extractor.resources import load_list

_SYLLABLE = regex.compile(r"\p{L}+")
# Letters only Vietnamese uses among Latin-script languages (with its five tone marks on vowels).
_VIETNAMESE_LETTERS = "ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
_LETTERS = frozenset(_VIETNAMESE_LETTERS + _VIETNAMESE_LETTERS.upper())
MIN_SHARE = 0.3
_SAMPLE = 4000


@functools.cache
def _function_words() -> frozenset[str]:
    return frozenset(load_list("vietnamese_function_words.txt"))


def vietnamese_share(text: str) -> float:
    """Share of the first syllables that are Vietnamese (a Vietnamese letter or a function word)."""
    syllables = _SYLLABLE.findall(text[:_SAMPLE])
    if not syllables:
        return 0.0
    words = _function_words()
    # A set test on a syllable's letters, cheaper than a pattern per syllable; ASCII ones hold none of them.
    hits = sum(1 for s in syllables if (not s.isascii() and not _LETTERS.isdisjoint(s)) or s.lower() in words)
    return hits / len(syllables)


def is_vietnamese(text: str) -> bool:
    return vietnamese_share(text) >= MIN_SHARE
