"""The public API: one article's text in, one validated record out.

Stages run in one direction: clean → metadata → the spaCy pipeline (segmentation, then the components
that find entities, documents, persons and facts) → record → validate.
"""

from __future__ import annotations

import dataclasses
from typing import Iterable, Iterator

from extractor.budget import OverBudget, time_budget
from extractor.clean import clean, scrub_surrogates
from extractor.errors import ExtractorError, internal_error
from extractor.language import is_vietnamese, vietnamese_share
from extractor.folding import fold
from extractor.meta import Hints, author_names, extract_meta, outlet_names
from extractor.nlp import annotate
from extractor.readers import Article, Failure
from extractor.rules.dates import iso_day
from extractor.record import build_record, error_record, validate_record


def _warnings(removed: list[str], meta: dict) -> list[dict]:
    warnings = []
    if removed:
        warnings.append({"code": "W_FURNITURE_REMOVED",
                         "message": f"{len(removed)} furniture item(s) removed: " + "; ".join(removed[:5])})
    if meta["title"] is None:
        warnings.append({"code": "W_NO_TITLE", "message": "no headline found"})
    if meta["published"] is None:
        warnings.append({"code": "W_NO_DATE", "message": "the page states no publication date with a year"})
    return warnings


def extract(text: str, *, source: dict | None = None, hints: Hints | None = None,
            published: str | None = None) -> dict:
    """A validated record for one article; raises ExtractorError for input that gives none.

    `published` (ISO date) stands in for a publication date the article does not state. Only coded
    errors come out: anything unexpected (a bug, a library's assertion) is E_INTERNAL naming its class.
    """
    if published is not None and iso_day(published) != published:
        raise ValueError(f"published must be an ISO date (YYYY-MM-DD) that exists, got {published!r}")
    try:
        return _extract(text, source=source, hints=hints, published=published)
    except ExtractorError:
        raise
    except Exception as error:
        raise internal_error(error) from error


def _extract(text: str, *, source: dict | None, hints: Hints | None, published: str | None) -> dict:
    source = source or {"path": "<text>", "format": "txt", "sha256": None}
    cleaned = clean(text)
    if not cleaned.text.strip():
        raise ExtractorError("E_EMPTY", "nothing left after removing portal furniture")
    if not is_vietnamese(cleaned.text):
        raise ExtractorError("E_NOT_VIETNAMESE", f"{vietnamese_share(cleaned.text):.0%} Vietnamese syllables")
    hints = _scrubbed(hints or Hints())
    if published and not hints.published:
        hints = dataclasses.replace(hints, published=published, published_from="option")
    meta = extract_meta(cleaned.text, hints)
    doc = annotate(cleaned.text, {"author_spans": _spans(cleaned.text, author_names(meta["author"])),
                                  "outlet_spans": _spans(cleaned.text, outlet_names(meta["outlet"])),
                                  "published": meta["published"]})
    sentences = doc.user_data["vx_segmentation"].sentences
    parts = {
        "entities": [_entity_item(e) for e in doc._.vx_entities],
        "documents": doc._.vx_documents,
        "persons": doc._.vx_persons,
        "facts": doc._.vx_facts,
    }
    record = build_record(source, meta, cleaned.text, sentences, parts, warnings=_warnings(cleaned.removed, meta))
    return validate_record(record)


def _scrubbed(hints: Hints) -> Hints:
    """Hints without lone surrogates, which no record could be written with."""
    return dataclasses.replace(hints, **{name: scrub_surrogates(value) for name, value in vars(hints).items()
                                         if isinstance(value, str)})


def _spans(text: str, values: list[str]) -> list[tuple[int, int]]:
    """Where each of a byline's names (or a credit's outlets) stands in the text."""
    return [span for span in (_last_span(text, value) for value in values) if span]


def _last_span(text: str, value: str | None) -> tuple[int, int] | None:
    """Where a byline value stands in the text (its last occurrence, compared folded)."""
    if not value:
        return None
    at = fold(text).rfind(fold(value))
    return (at, at + len(value)) if at >= 0 else None


def _entity_item(entity) -> dict:
    item = {"start": entity.start, "end": entity.end, "label": entity.label, "text": entity.text,
            "rule": entity.rule}
    if entity.label == "ORG":
        item["canonical"] = entity.canonical
    return item


def extract_one(item: Article | Failure, published: str | None = None,
                timeout: float | None = None) -> tuple[bool, dict]:
    """(True, record) or (False, error record) for one article, within its time budget."""
    if isinstance(item, Failure):
        return False, error_record(item.source, item.error)
    try:
        with time_budget(timeout):
            return True, extract(item.text, source=item.source, hints=item.hints, published=published)
    except ExtractorError as error:
        return False, error_record(item.source, error)
    except OverBudget:
        return False, error_record(item.source, ExtractorError("E_TIMEOUT", f"over {timeout:g} s"))


def extract_many(items: Iterable[Article | Failure], published: str | None = None,
                 timeout: float | None = None) -> Iterator[tuple[bool, dict]]:
    """(True, record) or (False, error record) per article; one article's failure never stops the rest."""
    for item in items:
        yield extract_one(item, published, timeout)
