"""Numeric facts over the resolved entities (spec §5)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extractor.rules.facts import Org, extract_facts


@Language.factory("vx_facts", assigns=["doc._.vx_facts"], requires=["doc._.vx_entities"])
def make_facts(nlp: Language, name: str):
    def run(doc: Doc) -> Doc:
        text = doc.user_data["vx_text"]
        entities = doc._.vx_entities
        orgs = [Org(e.start, e.end, e.canonical or e.text) for e in entities if e.label == "ORG"]
        places = [Org(e.start, e.end, e.text) for e in entities if e.label == "LOC"]
        # Numbers inside a name or a citation ("quận 5", "Chỉ thị 05") count nothing.
        skip = [(e.start, e.end) for e in entities if e.label in ("DOC", "LOC", "ORG", "PER")]
        published = (doc._.vx_meta or {}).get("published")
        doc._.vx_facts = extract_facts(text, doc.user_data["vx_segmentation"].sentences, orgs, published, skip,
                                      places)
        return doc

    return run
