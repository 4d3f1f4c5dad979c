"""The Vietnamese word list underthesea ships (Viet74K), as folded multi-syllable words.

Why: the segmenter sometimes cuts a word of a name in two ("Ban Chỉ | đạo", "Cục Quân | nhu") or glues the
head to the name's first syllable. Whether "chỉ đạo" is one word is a fact of the language, not of an
article, so name rules ask the dictionary instead of keeping lists of their own.
"""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path

from extractor.folding import fold


def _word_list_path() -> Path:
    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("underthesea is not installed")
    return Path(list(spec.submodule_search_locations)[0]) / "corpus" / "data" / "Viet74K.txt"


@functools.cache
def compound_words() -> frozenset[str]:
    """Every word of two or three syllables, folded ("chỉ đạo", "tư lệnh", "thương binh")."""
    words = set()
    for line in _word_list_path().read_text(encoding="utf-8").splitlines():
        syllables = line.split()
        if 2 <= len(syllables) <= 3:
            words.add(fold(" ".join(syllables)))
    return frozenset(words)


def is_compound(*syllables: str) -> bool:
    """Whether the folded syllables make one dictionary word."""
    return " ".join(syllables) in compound_words()
