"""underthesea's word segmentation — its tokenizer pattern, its normalization tables, its CRF model — without
the per-token Python work around them.

`underthesea.word_tokenize` spends about a quarter of its time outside the model: a `groupdict()` per token to
learn which of its patterns matched (the token is the whole match whichever it was) and a normalization of
every token occurrence, the same words again and again. Here the same compiled pattern gives the whole match,
and each distinct token's normalization is computed once. The words are the same as `word_tokenize`'s;
`tests/test_segment.py` compares them on every article we have.
"""

from __future__ import annotations

import functools

from underthesea.pipeline.text_normalize import token_normalize
from underthesea.pipeline.text_normalize.character_normalize import normalize_characters_in_text
from underthesea.pipeline.word_tokenize import regex_tokenize

_PATTERN = regex_tokenize.patterns


@functools.lru_cache(maxsize=1 << 16)   # bounded: a long batch meets ever new strings (numbers, names)
def _normalized(token: str) -> str:
    return token_normalize(token)


@functools.cache
def _model():
    """The model `word_tokenize` loads on its first call, shared with it rather than loaded twice."""
    import underthesea.pipeline.word_tokenize as module

    if module.word_tokenize_model is None:
        module.word_tokenize("Hà Nội")
    return module.word_tokenize_model


def tokens_of(sentence: str, normalize: bool = True) -> list[str]:
    """underthesea's tokens of `sentence` (its `regex_tokenize.tokenize`)."""
    tokens = [match.group() for match in _PATTERN.finditer(normalize_characters_in_text(sentence))]
    return [_normalized(token) for token in tokens] if normalize else tokens


def _joined(tags: list[str], pieces: list) -> list:
    """The model's tags applied: a token tagged I-W continues the word before it."""
    words: list = []
    for tag, piece in zip(tags, pieces):
        if tag == "I-W" and words:
            words[-1] = words[-1] + piece
        else:
            words.append(piece)
    return words


def word_tokenize(sentence: str, use_token_normalize: bool = True) -> list[str]:
    """The words of `sentence` as `underthesea.word_tokenize(sentence, use_token_normalize=…)` gives them."""
    tokens = tokens_of(sentence, use_token_normalize)
    if not tokens:
        return []
    tags = _model().predict([[token] for token in tokens])
    return [" ".join(parts) for parts in _joined(tags, [[token] for token in tokens])]


def word_spans(sentence: str) -> list[tuple[int, int]] | None:
    """The [start, end) of each of underthesea's words in `sentence`, taken from its tokens' own matches, so
    no respelling (`nghành` → `ngành`, `qui` → `quy`) can lose a word's place; None when underthesea's
    character normalization changes the sentence's length (text not in NFC), where offsets would drift."""
    normalized = normalize_characters_in_text(sentence)
    if len(normalized) != len(sentence):
        return None
    matches = [(match.span(), match.group()) for match in _PATTERN.finditer(normalized)]
    if not matches:
        return []
    tags = _model().predict([[_normalized(token)] for _, token in matches])
    spans = _joined(tags, [[span] for span, _ in matches])
    return [(parts[0][0], parts[-1][1]) for parts in spans]
