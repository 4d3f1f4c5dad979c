"""Vietnamese party-building news to schema-validated JSON records.

    import extractor
    record = extractor.extract(article_text)              # a text or an HTML page
    record = extractor.extract_file("bai-viet.html")      # a file, read as `extractor run` reads it
    for item in extractor.extract_many(texts_dicts_or_paths, jobs=2):
        ...                                               # a record, or an error record with an `error` key
    extractor.schema("record")                            # the JSON Schema of a record
    nlp = extractor.spacy_pipeline()                      # spaCy: nlp(text).ents, displaCy

The functions import the pipeline (spaCy, underthesea, trafilatura) on first use, so `import extractor` is cheap.
"""

from __future__ import annotations

# Light (no pipeline behind it), so callers can name it before the first extraction.
from extractor.errors import ExtractorError

__version__ = "0.1.0"


def extract(text: str, *, format: str | None = None, published: str | None = None,
            source: dict | None = None) -> dict:
    """One article's text (plain, or an HTML page) to one validated record; see `extractor.api.extract`."""
    from extractor.api import extract as _extract

    return _extract(text, format=format, published=published, source=source)


def extract_file(path, *, published: str | None = None) -> dict:
    """One .txt or .html file to its record; see `extractor.api.extract_file`."""
    from extractor.api import extract_file as _extract_file

    return _extract_file(path, published=published)


def extract_many(items, *, published: str | None = None, timeout: float | None = None, jobs: int = 1):
    """Texts, dicts, paths to records and error records in input order, in `jobs` processes; see
    `extractor.api.extract_many`."""
    from extractor.api import extract_many as _extract_many

    return _extract_many(items, published=published, timeout=timeout, jobs=jobs)


def schema(name: str = "record") -> dict:
    """The bundled JSON Schema `name` (`record`, `error`, or a part they `$ref`); see
    `extractor.schema.bundled_schema`."""
    from extractor.schema import bundled_schema

    return bundled_schema(name)


def spacy_pipeline():
    """The spaCy `Language`: `nlp(text)` gives a Doc with `doc.ents` (PER, ORG, LOC) and `doc._.vx_*`; see
    `extractor.spacy_language`."""
    from extractor.spacy_language import spacy_pipeline as _spacy_pipeline

    return _spacy_pipeline()


__all__ = ["ExtractorError", "extract", "extract_file", "extract_many", "schema", "spacy_pipeline", "__version__"]
