"""Sentences and words by underthesea, aligned back to character offsets of the record's text.

underthesea returns strings, not offsets, and rewrites some of them (tone placement `Hoà` → `Hòa`,
`6.0L` → `6.0 L`). A cursor walks the text: white space is skipped on both sides and characters are
compared folded (case and tone placement), so each token maps to the exact span it came from.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

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
# A mis-encoded `Ð` (U+00D0, Icelandic eth) stands for `Đ` in old pages; underthesea respells it.
_BASE_ALIKE = {"y": "i", "ð": "d"}


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
        if not piece.strip():
            continue
        while cursor < end and folded[cursor].isspace():
            cursor += 1
        begin = cursor
        if text.startswith(piece, cursor) and cursor + len(piece) <= end:
            cursor += len(piece)  # the piece as the text writes it: no folding needed
            spans.append((begin, cursor))
            continue
        want = fold(piece)
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
    """Paragraph by paragraph: sentences by `sent_tokenize`, then words by underthesea's model.

    A word's offsets come from its tokens' own matches (`word_segmenter.word_spans`), so a respelling
    (`nghành` → `ngành`) never loses its place. Only where underthesea's character normalization would
    change the text's length are its words aligned back as strings: where one cannot be, the sentence is
    tokenized again with its respelling off, and then (or where a sentence cannot be aligned) split by a
    plain pattern, so a rewrite costs the segmenter's word boundaries there, never the article."""
    from underthesea import sent_tokenize  # loads its models once, lazily

    sentences: list[tuple[int, int]] = []
    tokens: list[tuple[int, int]] = []
    offset = 0
    folded = fold(text)
    for paragraph in text.split("\n"):
        if paragraph.strip():
            end = offset + len(paragraph)
            try:
                found = align(sent_tokenize(paragraph), text, offset, end, folded)
            except ExtractorError:
                found = _pattern_spans(_SENTENCE, text, offset, end)
            for s_start, s_end in found:
                sentences.append((s_start, s_end))
                tokens.extend(_words(text, s_start, s_end, folded))
        offset += len(paragraph) + 1
    return Segmentation(sentences, tokens)


def _words(text: str, start: int, end: int, folded: str) -> list[tuple[int, int]]:
    from extractor.word_segmenter import word_spans, word_tokenize

    sentence = text[start:end]
    if _LONG_RUN.search(sentence):   # underthesea's tokenizer is quadratic in one such run ("1.1.1…")
        return _pattern_spans(_WORD, text, start, end)
    if not _CAPITAL_AFTER_FIRST.search(sentence, 1):
        return _pattern_spans(_WORD, text, start, end)
    spans = word_spans(sentence)
    if spans is not None:
        return [(start + s, start + e) for s, e in spans]
    for normalize in (True, False):
        try:
            return align(word_tokenize(sentence, use_token_normalize=normalize), text, start, end, folded)
        except ExtractorError:
            continue
    return _pattern_spans(_WORD, text, start, end)


# The fallbacks: a sentence ends after . ! ? (and closing quotes); a word is a run of letters and digits,
# any other visible character is a token of its own.
_SENTENCE = regex.compile(r"\S(?:.*?(?:[.!?…]+[\"”’)]*(?=\s|$))|.*\S)", regex.DOTALL)
# A sentence with no capital after its first letter holds no name, title or body name, the only things whose
# rules read word boundaries (a syllable that continues a word); facts, dates and documents read characters.
# Such a sentence (a quarter of a bulletin's text) is split into syllables, not run through the model.
_CAPITAL_AFTER_FIRST = regex.compile(r"\p{Lu}")
_LONG_RUN = regex.compile(r"\S{200}")    # no word is this long: a run of codes, digits or noise
_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]")


def _pattern_spans(pattern: regex.Pattern, text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text, start, end)]
