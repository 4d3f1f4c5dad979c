"""The record: built from the pipeline's values, then checked (schema and offsets) before anyone sees it."""

from __future__ import annotations

import hashlib

from extractor.errors import ExtractorError
from extractor.schema import schema_errors

_PARTS = ("entities", "documents", "persons", "facts")


def record_id(text: str) -> str:
    """Stable across runs and machines: the same cleaned text always gets the same id."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def build_record(source: dict, meta: dict, text: str, sentences: list[tuple[int, int]],
                 parts: dict | None = None, warnings: list[dict] | None = None) -> dict:
    parts = parts or {}
    record = {
        "id": record_id(text),
        "source": source,
        "meta": meta,
        "text": text,
        "sentences": [{"start": s, "end": e} for s, e in sentences],
    }
    for name in _PARTS:
        record[name] = list(parts.get(name, []))
    record["warnings"] = list(warnings or [])
    return record


def _spans(record: dict):
    """Every (where, span, surface-or-None) the record holds."""
    for i, sentence in enumerate(record["sentences"]):
        yield f"sentences/{i}", sentence, None
    for i, entity in enumerate(record["entities"]):
        yield f"entities/{i}", entity, entity["text"]
    for part in ("documents", "persons"):
        for i, item in enumerate(record[part]):
            for j, mention in enumerate(item["mentions"]):
                yield f"{part}/{i}/mentions/{j}", mention, None
    for i, fact in enumerate(record["facts"]):
        yield f"facts/{i}/evidence", fact["evidence"], None


def offset_errors(record: dict) -> list[str]:
    """Offsets must lie inside the text, in order, and an entity's text must be its span's surface."""
    text = record["text"]
    problems = []
    for where, span, surface in _spans(record):
        start, end = span["start"], span["end"]
        if not 0 <= start < end <= len(text):
            problems.append(f"{where}: [{start}, {end}) outside the text of length {len(text)}")
        elif surface is not None and text[start:end] != surface:
            problems.append(f"{where}: text {surface!r} but the span holds {text[start:end]!r}")
    return problems


def validate_record(record: dict) -> dict:
    """The record itself when valid; otherwise E_SCHEMA naming the first problems. Never half-valid."""
    problems = schema_errors("record", record)
    if not problems:
        problems = offset_errors(record)
    if problems:
        shown = "; ".join(problems[:3]) + (f" (+{len(problems) - 3} more)" if len(problems) > 3 else "")
        raise ExtractorError("E_SCHEMA", shown)
    return record


def error_record(source: dict, error: ExtractorError) -> dict:
    item = {"source": source, "error": error.as_dict()}
    problems = schema_errors("error", item)
    if problems:  # a bug of ours, not of the input: fail loudly
        raise AssertionError(f"error record does not validate: {problems}")
    return item
