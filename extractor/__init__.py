"""Vietnamese party-building news to schema-validated JSON records.

    from extractor import extract
    record = extract(article_text)
"""

__version__ = "0.1.0"


def extract(text: str, **options) -> dict:
    """One article's text to one validated record (see `extractor.api.extract`)."""
    from extractor.api import extract as _extract

    return _extract(text, **options)


def extract_many(items, **options):
    """Articles (from `extractor.readers.read_inputs`) to (ok, record or error record) pairs."""
    from extractor.api import extract_many as _extract_many

    return _extract_many(items, **options)


__all__ = ["extract", "extract_many", "__version__"]
