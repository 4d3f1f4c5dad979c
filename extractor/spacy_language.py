"""The pipeline as a spaCy `Language` for spaCy users: `nlp(text)` runs the same segmentation and components as
the extraction, then sets `doc.ents`, so displaCy, `doc.ents` and `nlp.pipe` work as with any spaCy model.

`doc.ents` holds the PER, ORG and LOC entities as token spans: our entities are exact character spans and a
name may end inside an underthesea word, so each is widened to whole tokens (`alignment_mode="expand"`) and
overlaps left by the widening go to the longest (`spacy.util.filter_spans`). The exact spans, the cited
documents, persons and facts are on `doc._.vx_entities`, `doc._.vx_documents`, `doc._.vx_persons` and
`doc._.vx_facts` (see `extractor.components`). The Doc is of the text as given: no cleaning, no metadata
(so no publication date to place a fact's time); `extractor.extract` makes records.
"""

from __future__ import annotations

import functools

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from extractor.nlp import pipeline
from extractor.readers import DEFAULT_MAX_BYTES

ENT_LABELS = ("PER", "ORG", "LOC")


@Language.component("vx_ents", assigns=["doc.ents"], requires=["doc._.vx_entities"])
def set_ents(doc: Doc) -> Doc:
    spans = (doc.char_span(e.start, e.end, label=e.label, alignment_mode="expand")
             for e in doc._.vx_entities if e.label in ENT_LABELS)
    doc.ents = filter_spans([span for span in spans if span is not None])
    return doc


@functools.cache
def spacy_pipeline() -> Language:
    """The Vietnamese `Language` with our tokenizer and components, and `vx_ents` last; built once."""
    # A Language of its own, not the extraction's (`pipeline()`, which records do not need doc.ents for):
    # `pipeline.__wrapped__` builds a fresh one, as `pipeline()` does before caching it.
    nlp = pipeline.__wrapped__()
    nlp.add_pipe("vx_ents", last=True)
    # spaCy's 1,000,000-character limit guards parser memory this pipeline has not; ours is the readers'.
    nlp.max_length = DEFAULT_MAX_BYTES
    return nlp
