"""The spaCy side: a Vietnamese `Language` whose tokenizer is our underthesea segmentation.

`spacy.blank("vi")` wants pyvi; we build the Vietnamese class with `use_pyvi: False` and replace its
tokenizer, so `nlp(text)` gives a Doc whose `doc.text` is exactly the record's text, with sentence
starts set. The extraction stages are components added to this pipeline (`extractor.components`).
"""

from __future__ import annotations

import contextlib
import functools
from typing import Iterator

from spacy.lang.vi import Vietnamese
from spacy.tokens import Doc
from spacy.vocab import Vocab

from extractor.segment import Segmentation, segment


def doc_from_segmentation(vocab: Vocab, text: str, seg: Segmentation) -> Doc:
    """Words are the aligned token spans; gaps other than one space become white-space tokens."""
    words: list[str] = []
    spaces: list[bool] = []
    sent_starts: list[bool] = []
    starts = {start for start, _ in seg.sentences}
    cursor = 0
    for start, end in seg.tokens:
        if start != cursor:
            gap = text[cursor:start]
            if gap == " " and words and not spaces[-1] and not words[-1].isspace():
                spaces[-1] = True      # the usual gap: a space after a word
            else:
                words.append(gap)
                spaces.append(False)
                sent_starts.append(not sent_starts)
        words.append(text[start:end])
        spaces.append(False)
        sent_starts.append(start in starts or len(sent_starts) == 0)
        cursor = end
    if cursor < len(text):
        if text[cursor:] == " " and words and not words[-1].isspace():
            spaces[-1] = True
        else:
            words.append(text[cursor:])
            spaces.append(False)
            sent_starts.append(not sent_starts)
    return Doc(vocab, words=words, spaces=spaces, sent_starts=sent_starts)


class UndertheseaTokenizer:
    """spaCy tokenizer protocol: text → Doc."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        seg = segment(text)
        doc = doc_from_segmentation(self.vocab, text, seg)
        # The character spans themselves, for components that need sentences or word starts without
        # walking the Doc token by token.
        doc.user_data["vx_segmentation"] = seg
        doc.user_data["vx_text"] = text  # Doc.text rebuilds the string from tokens on every call
        return doc


# Candidates first (documents claim their words before organizations do), then one resolution, then
# the persons built from the resolved names.
PIPES = ("vx_documents", "vx_places", "vx_organizations", "vx_names", "vx_entity_resolver", "vx_persons",
         "vx_facts")


@functools.cache
def pipeline() -> Vietnamese:
    import extractor.components  # noqa: F401  (registers the factories and the Doc extensions)

    nlp = Vietnamese.from_config({"nlp": {"tokenizer": {"use_pyvi": False}}})
    # No stage reads a token's lexical attributes (shape, like_num, is_stop …): computing them for every new
    # word string costs 5 % of the extraction.
    nlp.vocab.lex_attr_getters = {}
    nlp.tokenizer = UndertheseaTokenizer(nlp.vocab)
    for name in PIPES:
        nlp.add_pipe(name)
    return nlp


def annotate(text: str, meta: dict | None = None) -> Doc:
    """The Doc of `text` with every component run; `meta` (spans of byline and outlet) seeds them."""
    nlp = pipeline()
    # spaCy's max_length (1,000,000 characters) guards the memory of its parser and NER, which this
    # pipeline does not have: our limit is the readers' size limit, so the Doc takes any text they let in.
    nlp.max_length = max(nlp.max_length, len(text) + 1)
    doc = nlp.make_doc(text)
    doc._.vx_meta = meta or {}
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


@contextlib.contextmanager
def annotation(text: str, meta: dict | None = None) -> Iterator[Doc]:
    """`annotate` for a block: the words the Doc added to the vocabulary are freed when the block ends (a
    spaCy memory zone), so a batch of any length keeps a vocabulary of fixed size. The Doc is invalid
    after the block; take plain values out of it inside."""
    with pipeline().memory_zone():
        yield annotate(text, meta)
