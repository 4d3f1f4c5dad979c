"""Sentences and words by underthesea, aligned back to character offsets of the record's text.

underthesea returns strings, not offsets, and rewrites some of them (tone placement `Hoà` → `Hòa`,
`6.0L` → `6.0 L`). A cursor walks the text: white space is skipped on both sides and characters are
compared folded (case and tone placement), so each token maps to the exact span it came from.
"""

from __future__ import annotations

from dataclasses import dataclass

from extractor.errors import ExtractorError
from extractor.folding import fold, strip_accents

# Quotes and dashes that a tokenizer may swap for their ASCII cousins.
_LOOKALIKES = {c: "'" for c in "‘’‚‛`´"} | {c: '"' for c in "“”„‟«»"} | {c: "-" for c in "‐‑‒–—―−"}


@dataclass(frozen=True)
class Segmentation:
    sentences: list[tuple[int, int]]
    tokens: list[tuple[int, int]]


# underthesea also respells: `qui` → `quy`, and moves or swaps tone marks; a letter matches a letter
# with the same base (i and y counted as one), so the cursor stays on the text's own characters.
_BASE_ALIKE = {"y": "i"}


def _same(a: str, b: str) -> bool:
    if a == b or _LOOKALIKES.get(a, a) == _LOOKALIKES.get(b, b):
        return True
    if a.isalpha() and b.isalpha():
        base_a, base_b = strip_accents(a), strip_accents(b)
        return _BASE_ALIKE.get(base_a, base_a) == _BASE_ALIKE.get(base_b, base_b)
    return False


def align(pieces: list[str], text: str, start: int = 0, end: int | None = None,
          folded: str | None = None) -> list[tuple[int, int]]:
    """Offsets of each piece in text[start:end], in order; raises E_ALIGN where a piece is not there.

    `folded` is fold(text) when the caller has it (folding the whole text per sentence is quadratic)."""
    end = len(text) if end is None else end
    folded = fold(text) if folded is None else folded
    spans = []
    cursor = start
    for piece in pieces:
        want = fold(piece)
        if not want.strip():
            continue
        while cursor < end and folded[cursor].isspace():
            cursor += 1
        begin = cursor
        if folded.startswith(want, cursor) and cursor + len(want) <= end:
            cursor += len(want)  # the usual case: the piece is there as it is
            spans.append((begin, cursor))
            continue
        for char in want:
            if char.isspace():
                while cursor < end and folded[cursor].isspace():
                    cursor += 1
                continue
            if cursor >= end or not _same(folded[cursor], char):
                found = folded[cursor:cursor + 20] if cursor < end else "<end>"
                raise ExtractorError("E_ALIGN", f"{piece!r} at offset {cursor}, text has {found!r}")
            cursor += 1
        spans.append((begin, cursor))
    return spans


def segment(text: str) -> Segmentation:
    """Paragraph by paragraph: sentences by `sent_tokenize`, then words by `word_tokenize`."""
    from underthesea import sent_tokenize, word_tokenize  # loads its models once, lazily

    sentences: list[tuple[int, int]] = []
    tokens: list[tuple[int, int]] = []
    offset = 0
    folded = fold(text)
    for paragraph in text.split("\n"):
        if paragraph.strip():
            for s_start, s_end in align(sent_tokenize(paragraph), text, offset, offset + len(paragraph), folded):
                sentences.append((s_start, s_end))
                tokens.extend(align(word_tokenize(text[s_start:s_end]), text, s_start, s_end, folded))
        offset += len(paragraph) + 1
    return Segmentation(sentences, tokens)
