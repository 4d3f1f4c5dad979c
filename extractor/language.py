"""Is this text Vietnamese? A cheap test on syllables, good enough to turn away other languages."""

from __future__ import annotations

import functools

import regex

from extractor.resources import load_list

_SYLLABLE = regex.compile(r"\p{L}+")
# Letters only Vietnamese uses among Latin-script languages (with its five tone marks on vowels).
_VIETNAMESE_LETTER = regex.compile(
    r"[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", regex.IGNORECASE
)
# A whole syllable holding one of them; the look-behind starts it only where a syllable starts.
_MARKED_SYLLABLE = regex.compile(rf"(?<!\p{{L}})\p{{L}}*{_VIETNAMESE_LETTER.pattern}\p{{L}}*", regex.IGNORECASE)
MIN_SHARE = 0.3
_SAMPLE = 4000


@functools.cache
def _function_words() -> frozenset[str]:
    return frozenset(load_list("vietnamese_function_words.txt"))


def vietnamese_share(text: str) -> float:
    """Share of the first syllables that are Vietnamese (a Vietnamese letter or a function word)."""
    sample = text[:_SAMPLE]
    marked = len(_MARKED_SYLLABLE.findall(sample))         # a Vietnamese letter: counted by the regex engine
    unmarked = _SYLLABLE.findall(_MARKED_SYLLABLE.sub(" ", sample))
    if not marked and not unmarked:
        return 0.0
    words = _function_words()
    return (marked + sum(1 for s in unmarked if s.lower() in words)) / (marked + len(unmarked))


def is_vietnamese(text: str) -> bool:
    return vietnamese_share(text) >= MIN_SHARE
