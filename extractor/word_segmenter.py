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


def word_tokenize(sentence: str, use_token_normalize: bool = True) -> list[str]:
    """The words of `sentence` as `underthesea.word_tokenize(sentence, use_token_normalize=…)` gives them."""
    tokens = tokens_of(sentence, use_token_normalize)
    if not tokens:
        return []
    tags = _model().predict([[token] for token in tokens])
    words: list[str] = []
    for tag, token in zip(tags, tokens):
        if tag == "I-W" and words:
            words[-1] = words[-1] + " " + token
        else:
            words.append(token)
    return words
