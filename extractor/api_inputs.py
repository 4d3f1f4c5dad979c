"""What the Python API accepts, turned into the readers' `Article`s and `Failure`s, so a text, a dict or a
path given in Python is read exactly as `extractor run` reads the same thing from a file or a JSON line.

A text is plain text or an HTML page (sniffed like a file's head, or as the caller says); bytes are decoded
like a file's, then read the same way; a dict is a JSON line's value; a `pathlib.Path` is read by the readers
(a JSON Lines file or a folder gives one article per line or file). Every problem is a `Failure` carrying
where the item came from.
"""

from __future__ import annotations

import os
import unicodedata
from typing import Iterator

from extractor.budget import OverBudget, time_budget
from extractor.errors import ExtractorError, internal_error
from extractor.html_reader import read_html
from extractor.input_fields import own_fields
from extractor.meta import Hints
from extractor.readers import DEFAULT_MAX_BYTES, Article, Failure, article_of_fields, read_bytes, read_inputs, \
    sniff_format

FORMATS = (None, "txt", "html")


def text_source(fmt: str) -> dict:
    """Where an in-memory text came from: no file, no bytes to hash."""
    return {"path": "<text>", "format": fmt, "sha256": None}


def text_format(text: str, fmt: str | None) -> str:
    """`html` or `txt`: as the caller says, else sniffed from the head as the readers sniff a file's (a text
    that starts like a JSON line is still text: one text is one article)."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be None, 'txt' or 'html', got {fmt!r} (JSON Lines: extract_many)")
    if fmt is not None:
        return fmt
    return "html" if sniff_format(text[:2048].encode("utf-8", "surrogatepass")) == "html" else "txt"


def text_article(text: str, fmt: str, source: dict | None = None) -> Article:
    """A text as an article; an HTML page is read as a file's (body, title, date, author from the page)."""
    source = source or text_source(fmt)
    if fmt == "html":
        # The readers normalise a file's characters to NFC before reading its HTML; a str gets the same.
        return Article(source, *read_html(unicodedata.normalize("NFC", text), None))
    return Article(source, text, Hints())


def _dict_article(item: dict) -> Article | Failure:
    """A dict as the JSON Lines reader reads a line's value; a failure still names the item's id and url."""
    fields = {str(key): value for key, value in item.items()}  # JSON keys are strings; a dict's may not be
    source = {"path": "<dict>", "format": "jsonl", "sha256": None}
    article = article_of_fields(fields, source)
    if isinstance(article, Failure):
        article.source.update(own_fields(fields))
    return article


def _bytes_article(data: bytes) -> Article | Failure:
    """Bytes as a file's: decoded, size-limited, HTML sniffed. Like a text, they are one article even when
    they start like a JSON line, so each item keeps one result (a JSON Lines feed is given as a path)."""
    fmt = "html" if sniff_format(data[:2048]) == "html" else "txt"
    return next(read_bytes(data, "<bytes>", fmt, DEFAULT_MAX_BYTES))


def _item_source(item) -> dict:
    if isinstance(item, str):
        return text_source(text_format(item, None))
    return {"path": f"<{type(item).__name__}>", "format": "jsonl" if isinstance(item, dict) else "txt",
            "sha256": None}


def _converted(item) -> Article | Failure:
    if isinstance(item, (Article, Failure)):
        return item
    if isinstance(item, str):
        return text_article(item, text_format(item, None))
    if isinstance(item, (bytes, bytearray)):
        return _bytes_article(bytes(item))
    if isinstance(item, dict):
        return _dict_article(item)
    return Failure(_item_source(item), ExtractorError("E_ITEM_TYPE", f"got {type(item).__name__}"))


def _one_article(item, timeout: float | None) -> Article | Failure:
    """One item's article, read within the time budget (an HTML page can be slow); never raises."""
    try:
        with time_budget(timeout):
            return _converted(item)
    except ExtractorError as error:
        return Failure(_item_source(item), error)
    except OverBudget:
        return Failure(_item_source(item), ExtractorError("E_TIMEOUT", f"reading took over {timeout:g} s"))
    except Exception as error:
        return Failure(_item_source(item), internal_error(error))


def articles_of(item, timeout: float | None = None) -> Iterator[Article | Failure]:
    """The articles of one item: one, except for a path to a JSON Lines file or a folder."""
    if isinstance(item, os.PathLike):
        path = os.fspath(item)
        # "-" is stdin to the readers; a Path named "-" is a file.
        yield from read_inputs([os.path.join(".", path) if path == "-" else path], timeout=timeout)
    else:
        yield _one_article(item, timeout)
