"""underthesea's own NER as a baseline: the same records, their entities replaced by `ner`'s tags.

`extractor evaluate --baseline underthesea` scores these beside ours, so users see what generic
Vietnamese NER (trained on VLSP 2016 news) gives on the same gold.
"""

from __future__ import annotations

from extractor.segment import align

_LABELS = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}


def underthesea_entities(text: str, sentences: list[dict]) -> list[dict]:
    from underthesea import ner

    entities = []
    for sentence in sentences:
        start, end = sentence["start"], sentence["end"]
        tagged = ner(text[start:end])
        spans = align([row[0] for row in tagged], text, start, end)
        current = None
        for (word_start, word_end), row in zip(spans, tagged):
            tag = row[-1]
            kind = tag[2:] if tag[:2] in ("B-", "I-") else None
            if kind in _LABELS and (tag.startswith("I-") and current and current[2] == kind):
                current[1] = word_end
                continue
            if current:
                entities.append(current)
            current = [word_start, word_end, kind] if kind in _LABELS else None
        if current:
            entities.append(current)
    return [{"start": s, "end": e, "label": _LABELS[k], "text": text[s:e], "rule": "underthesea_ner"}
            for s, e, k in entities]


def baseline_records(records: list[dict]) -> list[dict]:
    """Copies of the records with underthesea's entities and persons (its PER names, role "mentioned")."""
    out = []
    for record in records:
        entities = underthesea_entities(record["text"], record["sentences"])
        names = dict.fromkeys(e["text"] for e in entities if e["label"] == "PER")
        persons = [{"name": n, "titles": [], "role": "mentioned", "mentions": []} for n in names]
        out.append(dict(record, entities=entities, persons=persons, documents=[], facts=[]))
    return out
