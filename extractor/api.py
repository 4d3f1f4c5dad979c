"""The public API: a text, a file or many items in, validated records (or error records) out.

Stages run in one direction: clean → metadata → the spaCy pipeline (segmentation, then the components
that find entities, documents, persons and facts) → record → validate.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import Iterable, Iterator

from extractor.api_inputs import articles_of, text_article, text_format
from extractor.budget import OverBudget, time_budget
from extractor.clean import clean, scrub_surrogates
from extractor.errors import ExtractorError, internal_error
from extractor.language import is_vietnamese, vietnamese_share
from extractor.folding import fold
from extractor.meta import Hints, author_names, extract_meta, outlet_names
from extractor.nlp import annotation
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


def _check_published(published: str | None) -> None:
    if published is not None and iso_day(published) != published:
        raise ValueError(f"published must be an ISO date (YYYY-MM-DD) that exists, got {published!r}")


def extract(text: str, *, format: str | None = None, published: str | None = None,
            source: dict | None = None) -> dict:
    """A validated record for one article's text; raises ExtractorError for input that gives none.

    `format` None reads an HTML page (one that starts like `<!DOCTYPE html>`, `<html>`, `<body>` …) as the
    CLI reads a `.html` file, with its title, date and author, and anything else as plain text; `"html"` or
    `"txt"` says which. `published` (ISO date) stands in for a publication date the article does not state.
    `source` replaces the record's `{"path": "<text>", …}`. Only coded errors come out: anything unexpected
    (a bug, a library's assertion) is E_INTERNAL naming its class.
    """
    if not isinstance(text, str):
        raise TypeError(f"extract takes a str, got {type(text).__name__} (a file: extract_file)")
    _check_published(published)
    fmt = text_format(text, format)
    return _guarded(lambda: _extract_article(text_article(text, fmt, source), published))


def extract_article(article: Article, published: str | None = None) -> dict:
    """The record of an article the readers made (text, source and the container's hints), or a coded error."""
    _check_published(published)
    return _guarded(lambda: _extract_article(article, published))


def _guarded(work):
    try:
        return work()
    except ExtractorError:
        raise
    except Exception as error:
        raise internal_error(error) from error


def _extract_article(article: Article, published: str | None) -> dict:
    return _extract(article.text, source=article.source, hints=article.hints, published=published)


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
    spans = {"author_spans": _spans(cleaned.text, author_names(meta["author"])),
             "outlet_spans": _spans(cleaned.text, outlet_names(meta["outlet"])), "published": meta["published"]}
    with annotation(cleaned.text, spans) as doc:   # the Doc is freed after this block: take plain values
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
            return True, extract_article(item, published)
    except ExtractorError as error:
        return False, error_record(item.source, error)
    except OverBudget:
        return False, error_record(item.source, ExtractorError("E_TIMEOUT", f"over {timeout:g} s"))


def extract_many(items: Iterable, *, published: str | None = None, timeout: float | None = None,
                 jobs: int = 1) -> Iterator[dict]:
    """A record or an error record (the one with an `error` key) per article, in input order; one item's
    failure never stops the rest and never raises out of the iterator.

    Items: a text (plain or HTML, as `extract` reads it), bytes (decoded as a file's), a dict (a JSON line's
    value: `text`, `title`, `published`, `url`, `id` and other scalar fields), a `pathlib.Path` (read as
    `extractor run` reads it: a JSON Lines file or a folder gives one result per article in it), or the
    readers' `Article`/`Failure`. `timeout` (seconds) bounds reading and extracting each article. `jobs` > 1
    extracts in that many worker processes (the order and the records are the same as with one).
    """
    if isinstance(items, (str, bytes, dict, os.PathLike)):
        raise TypeError(f"extract_many takes an iterable of items, got one {type(items).__name__} "
                        "(one text: extract; one file: extract_file; a list of them: extract_many([...]))")
    _check_published(published)
    if not isinstance(jobs, int) or jobs < 1:
        raise ValueError(f"jobs must be a whole number ≥ 1, got {jobs!r}")
    articles = (article for item in items for article in articles_of(item, timeout))
    return _results(articles, published, timeout) if jobs == 1 else _results_in_workers(articles, published,
                                                                                       timeout, jobs)


def _results(articles: Iterable, published: str | None, timeout: float | None) -> Iterator[dict]:
    for article in articles:
        yield extract_one(article, published, timeout)[1]


def _record_of(article: Article | Failure, published: str | None, timeout: float | None) -> dict:
    return extract_one(article, published, timeout)[1]


def _crashed(article: Article | Failure, error: BaseException) -> dict:
    """The error record of an article whose worker process died while it held it."""
    return error_record(article.source, internal_error(error))


def _results_in_workers(articles: Iterable, published: str | None, timeout: float | None,
                        jobs: int) -> Iterator[dict]:
    import functools

    from extractor.parallel import map_in_order, start_method

    if start_method() == "fork":
        warm_up()     # forked workers then share the loaded models instead of each loading them
    yield from map_in_order(functools.partial(_record_of, published=published, timeout=timeout), articles, jobs,
                            crashed=_crashed, local=lambda item: isinstance(item, Failure))


def warm_up() -> None:
    """One article of our own through every stage (data/warm_up.txt), so that what loads lazily is loaded:
    a process about to fork workers calls it, and they share what it loaded."""
    from extractor.resources import load_list

    extract_one(Article({"path": "<warm-up>", "format": "txt", "sha256": None}, "\n".join(load_list("warm_up.txt"))))


def extract_file(path: str | os.PathLike, *, published: str | None = None) -> dict:
    """The record of one `.txt` or `.html` file, read exactly as `extractor run` reads it (encodings, the
    5 MB size limit, `source` with the path and SHA-256); a file that gives none raises its coded
    ExtractorError (E_NOT_FOUND, E_DECODE, E_NO_BODY …). A JSON Lines file or a folder holds many articles:
    ValueError, pointing to `extract_many([Path(...)])`."""
    _check_published(published)
    name = os.fspath(path)
    if os.path.isdir(name):
        raise ValueError(f"{name} is a folder: extract_many([Path({name!r})]) gives a result per file in it")
    for article in articles_of(Path(name)):
        if "line" in article.source:    # an article of a JSON Lines file (a missing .jsonl is E_NOT_FOUND)
            raise ValueError(f"{name} holds JSON Lines, one article a line: extract_many([Path({name!r})]) "
                             "gives a result per line")
        if isinstance(article, Failure):
            raise article.error
        return extract_article(article, published)
    raise ExtractorError("E_EMPTY", name)      # a FIFO that closed without a byte
