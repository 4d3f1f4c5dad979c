"""Candidate mentions from the rule modules, and their resolution into one set of entities."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extractor.components.doc_tokens import syllables
from extractor.rules.documents import citations as document_rules
from extractor.rules.names import organizations, persons, places
from extractor.rules.names.photos import credit_name
from extractor.rules.names.resolution import BLOCKED, Candidate, resolve


def _candidates(doc: Doc) -> list[Candidate]:
    if doc._.vx_candidates is None:
        doc._.vx_candidates = []
    return doc._.vx_candidates


@Language.factory("vx_documents", assigns=["doc._.vx_documents", "doc._.vx_candidates"])
def make_documents(nlp: Language, name: str):
    def find(doc: Doc) -> Doc:
        citations = document_rules.find_citations(doc.user_data["vx_text"])
        doc._.vx_documents = document_rules.merge_documents(citations)
        for citation in citations:
            rule = citation.documents[0].rule if citation.documents else "document"
            _candidates(doc).append(Candidate(citation.start, citation.end, "DOC", rule))
        return doc

    return find


@Language.factory("vx_places", assigns=["doc._.vx_candidates"])
def make_places(nlp: Language, name: str):
    def find(doc: Doc) -> Doc:
        for place in places.find_places(doc.user_data["vx_text"]):
            _candidates(doc).append(Candidate(place.start, place.end, "LOC", place.rule,
                                              outer_start=place.outer_start))
        return doc

    return find


@Language.factory("vx_organizations", assigns=["doc._.vx_candidates"])
def make_organizations(nlp: Language, name: str):
    def find(doc: Doc) -> Doc:
        text = doc.user_data["vx_text"]
        for org in organizations.find_organizations(text, places.known_place_length, tokens=syllables(doc)):
            label = BLOCKED if org.rule == organizations.MEETING_BODY else "ORG"
            _candidates(doc).append(Candidate(org.start, org.end, label, org.rule))
        return doc

    return find


@Language.factory("vx_names", assigns=["doc._.vx_candidates"])
def make_names(nlp: Language, name: str):
    def find(doc: Doc) -> Doc:
        for match in persons.find_names(doc.user_data["vx_text"], tokens=syllables(doc)):
            _candidates(doc).append(Candidate(match.start, match.end, "PER", match.rule, person=match.name,
                                              short=match.short))
        text = doc.user_data["vx_text"]
        for start, end in persons.find_photo_credits(text):
            _candidates(doc).append(Candidate(start, end, "PER", "photo_credit", person=credit_name(text[start:end]),
                                              role="photo"))
        meta = doc._.vx_meta or {}
        for start, end in meta.get("author_spans") or ():
            _candidates(doc).append(Candidate(start, end, "PER", "byline", role="author"))
        for start, end in meta.get("outlet_spans") or ():
            _candidates(doc).append(Candidate(start, end, "ORG", "outlet"))
        return doc

    return find


@Language.factory("vx_entity_resolver", assigns=["doc._.vx_entities", "doc.spans"],
                  requires=["doc._.vx_candidates"])
def make_resolver(nlp: Language, name: str):
    def run(doc: Doc) -> Doc:
        entities = resolve(doc.user_data["vx_text"], _candidates(doc))
        doc._.vx_entities = entities
        spans = [doc.char_span(e.start, e.end, label=e.label, alignment_mode="expand") for e in entities]
        doc.spans["vx_entities"] = [s for s in spans if s is not None]
        return doc

    return run
