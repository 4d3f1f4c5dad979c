"""The article's syllable tokens, knowing the segmenter's word starts: made once per Doc and shared by the
components that read names (organizations, persons, titles)."""

from __future__ import annotations

from spacy.tokens import Doc

from extractor.rules.names.title_window import ArticleTokens
from extractor.rules.text.tokens import Token, tokenize


def article_tokens(doc: Doc) -> ArticleTokens:
    if "vx_tokens" not in doc.user_data:
        starts = word_starts(doc)
        doc.user_data["vx_tokens"] = ArticleTokens(tokenize(doc.user_data["vx_text"], starts))
    return doc.user_data["vx_tokens"]


def syllables(doc: Doc) -> list[Token]:
    return article_tokens(doc).tokens


def word_starts(doc: Doc) -> set[int]:
    if "vx_word_starts" not in doc.user_data:
        doc.user_data["vx_word_starts"] = {start for start, _ in doc.user_data["vx_segmentation"].tokens}
    return doc.user_data["vx_word_starts"]
