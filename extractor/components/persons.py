"""Persons from the resolved PER entities: one per person, with titles, role and every mention."""

from __future__ import annotations

import bisect

from spacy.language import Language
from spacy.tokens import Doc

from extractor.components.doc_tokens import article_tokens, word_starts
from extractor.folding import fold_key
from extractor.rules.names.person_titles import titles_on_next_line
from extractor.rules.names.persons import title_case, titles_around

_ROLE_ORDER = {"author": 0, "photo": 1, "mentioned": 2}


def _sentence_of(doc: Doc, start: int) -> tuple[int, int]:
    """The sentence around a character offset (sentence spans computed once per Doc, then bisected)."""
    sentences = doc.user_data["vx_segmentation"].sentences
    if "vx_sentence_starts" not in doc.user_data:
        doc.user_data["vx_sentence_starts"] = [s for s, _ in sentences]
    at = bisect.bisect_right(doc.user_data["vx_sentence_starts"], start) - 1
    return sentences[at] if at >= 0 else (0, len(doc.user_data["vx_text"]))


def _add_title(titles: list[str], title: str) -> None:
    """A title once: a shorter form of one already listed ("Trưởng Ban Tổ chức" beside "Trưởng Ban Tổ
    chức Trung ương") is the same position, and a longer one replaces it."""
    key = fold_key(title)
    for at, known in enumerate(titles):
        known_key = fold_key(known)
        if known_key == key or known_key.startswith(key + " "):
            return
        if key.startswith(known_key + " "):
            titles[at] = title
            return
    titles.append(title)


def build_persons(doc: Doc) -> tuple[list[dict], list]:
    """(persons, entities without the short forms that only mention someone named in full)."""
    people: dict[str, dict] = {}
    order: list[str] = []
    kept = []
    full = [e for e in doc._.vx_entities if e.label == "PER" and not e.short]
    names = sorted((e.start, e.end) for e in doc._.vx_entities if e.label == "PER")
    bodies = sorted((e.start, e.end) for e in doc._.vx_entities if e.label == "ORG")
    starts, article = word_starts(doc), article_tokens(doc)
    for entity in doc._.vx_entities:
        if entity.label != "PER":
            kept.append(entity)
            continue
        if entity.short:
            owner = next((f for f in full if fold_key(f.person or f.text).endswith(" " + fold_key(entity.text))), None)
            if owner is None:
                kept.append(entity)  # "bà Hương" with no full name anywhere: the person as the text names her
                name = title_case(entity.text)
            else:
                name = title_case(owner.person or owner.text)
        else:
            kept.append(entity)
            name = title_case(entity.person or entity.text)
        key = fold_key(name)
        if key not in people:
            people[key] = {"name": name, "titles": [], "role": "mentioned", "mentions": []}
            order.append(key)
        person = people[key]
        person["mentions"].append({"start": entity.start, "end": entity.end})
        role = entity.role or "mentioned"
        if _ROLE_ORDER[role] < _ROLE_ORDER[person["role"]]:
            person["role"] = role
        if role == "author":
            for title in titles_on_next_line(doc.user_data["vx_text"], entity.end, names, starts, article):
                _add_title(person["titles"], title)
        if role != "photo":   # an author named inside a sentence (an editor's note) has titles like any mention
            for title in titles_around(doc.user_data["vx_text"], entity.start, entity.end,
                                       _sentence_of(doc, entity.start), names, starts, article, bodies):
                _add_title(person["titles"], title)
    return [people[k] for k in order], kept


@Language.factory("vx_persons", assigns=["doc._.vx_persons", "doc._.vx_entities"],
                  requires=["doc._.vx_entities"])
def make_persons(nlp: Language, name: str):
    def run(doc: Doc) -> Doc:
        doc._.vx_persons, doc._.vx_entities = build_persons(doc)
        return doc

    return run
