"""Inputs to articles: files, folders, stdin; plain text, HTML pages, JSON Lines.

Each input yields `Article`s or `Failure`s, never an exception: one bad file or line must not stop a
batch. Bytes are decoded by BOM, then strict UTF-8, then a charset detector for legacy encodings
(Windows-1258 and friends), and always normalised to NFC.
"""

from __future__ import annotations

import hashlib
import io
import json
import sys
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path, PurePosixPath
from typing import BinaryIO, Callable, Iterable, Iterator
from urllib.parse import urlparse

import charset_normalizer
import regex

from extractor.budget import OverBudget, time_budget
from extractor.clean import scrub_surrogates
from extractor.errors import ExtractorError, displayable, internal_error
from extractor.html_reader import read_html
from extractor.input_fields import own_fields
from extractor.inputs import discover
from extractor.meta import Hints
from extractor.rules.dates import iso_day
from extractor.streams import as_utf8, bounded_lines, with_head

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_NUMBERED_FILE = regex.compile(r"^\d+_")


@dataclass
class Article:
    source: dict
    text: str
    hints: Hints = field(default_factory=Hints)


@dataclass
class Failure:
    source: dict
    error: ExtractorError


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode(data: bytes) -> str:
    """Bytes to NFC text, or a coded error (empty, binary, undecodable)."""
    if not data.strip():
        raise ExtractorError("E_EMPTY")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return unicodedata.normalize("NFC", data.decode(encoding))
            except UnicodeDecodeError as error:
                raise ExtractorError("E_DECODE", f"{encoding}: {error.reason}") from None
    if b"\x00" in data[:8192]:
        raise ExtractorError("E_BINARY", "NUL bytes without a UTF-16 byte-order mark")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        best = charset_normalizer.from_bytes(data).best()
        if best is None:
            raise ExtractorError("E_DECODE", "no encoding fits") from None
        text = str(best)
    sample = text[:8192]
    if sample and len(_CONTROL.findall(sample)) / len(sample) > 0.01:
        raise ExtractorError("E_BINARY", "control characters in the text")
    return unicodedata.normalize("NFC", text)


def slug_of(name: str) -> str | None:
    """The slug in a file name or URL path (`012_trao-huy-hieu.txt` → `trao-huy-hieu`)."""
    stem = PurePosixPath(name).stem if name else ""
    stem = _NUMBERED_FILE.sub("", stem)
    return stem if stem.count("-") >= 2 else None


def _url_slug(url) -> str | None:
    if not isinstance(url, str):
        return None
    try:
        return slug_of(urlparse(url).path)
    except ValueError:          # "http://[::1": a broken URL is no slug, not a broken article
        return None


def _text_field(item: dict, name: str) -> str | None:
    """A JSON string field as NFC text; lone surrogates ("\\udfff" escapes) become U+FFFD."""
    value = item.get(name)
    if not isinstance(value, str) or not value.strip():
        return None
    return unicodedata.normalize("NFC", scrub_surrogates(value))


def _integer(digits: str) -> int | Decimal:
    """A JSON integer; one past Python's int string limit (4,300 digits) in a field we do not read must
    not cost the article, so it stays a Decimal."""
    return int(digits) if len(digits) <= 4000 else Decimal(digits)


def _jsonl_article(raw: bytes, source: dict) -> Article | Failure | None:
    """One JSON line (within the size limit) to an article; None for a blank line."""
    try:
        line = decode(raw) if raw.strip() else ""
    except ExtractorError as error:
        return Failure(source, error) if error.code != "E_EMPTY" else None
    if not line.strip():
        return None
    try:
        item = json.loads(line, parse_int=_integer)
    except json.JSONDecodeError as error:
        return Failure(source, ExtractorError("E_JSONL_LINE", f"not JSON: {error.msg} at column {error.colno}"))
    except RecursionError as error:   # 1,000 nested brackets
        return Failure(source, ExtractorError("E_JSONL_LINE", f"not readable JSON: {type(error).__name__}"))
    return article_of_fields(item, source)


def article_of_fields(item, source: dict) -> Article | Failure:
    """One JSON line's value (or a dict given to the Python API) to an article: `text` is the article, `title`,
    `published` and the URL's slug are hints, `id`, `url` and other scalar fields go to the source."""
    text = _text_field(item, "text") if isinstance(item, dict) else None
    if text is None:
        return Failure(source, ExtractorError("E_JSONL_LINE", 'no non-empty "text" field'))
    published = iso_day(item.get("published"))
    title = _text_field(item, "title")
    hints = Hints(title=title.strip() if title else None, published=published,
                  published_from="input" if published else None, slug=_url_slug(item.get("url")))
    return Article({**source, **own_fields(item)}, text, hints)


def _read_jsonl(stream: BinaryIO, path: str, max_bytes: int) -> Iterator[Article | Failure]:
    """JSON Lines, one article a line: the size limit is per line, so a feed of any length streams, and
    each line is guarded on its own (one bad line never ends the file)."""
    for number, line in enumerate(bounded_lines(as_utf8(stream), max_bytes), 1):
        raw = line.data
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        raw = raw.rstrip(b"\r")
        source = {"path": path, "format": "jsonl", "sha256": line.sha256 if line.oversized else sha256(raw),
                  "line": number}
        if line.size > max_bytes:
            yield Failure(source, ExtractorError("E_TOO_LARGE", f"line of {line.size} bytes > {max_bytes}"))
            continue
        try:
            item = _jsonl_article(raw, source)
        except Exception as error:  # a bug must cost this line only
            item = Failure(source, internal_error(error))
        if item is not None:
            yield item


def sniff_format(data: bytes) -> str:
    head = data[:2048]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):      # UTF-16: sniff its characters, not its bytes
        head = head[:len(head) // 2 * 2].decode("utf-16", errors="replace").encode("utf-8")
    head = head.removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<div", b"<article", b"<meta")):
        return "html"
    if head.startswith(b"{"):
        return "jsonl"
    return "txt"


def read_bytes(data: bytes, path: str, fmt: str, max_bytes: int) -> Iterator[Article | Failure]:
    """One input's bytes to articles; every problem becomes a Failure with the input's source.
    The size limit is per article: a whole file for text and HTML, a line for JSON Lines."""
    if fmt == "jsonl":
        yield from _read_jsonl(io.BytesIO(data), path, max_bytes)
        return
    source = {"path": path, "format": fmt, "sha256": sha256(data)}
    if len(data) > max_bytes:
        yield Failure(source, ExtractorError("E_TOO_LARGE", f"{len(data)} bytes > {max_bytes}"))
        return
    try:
        text = decode(data)
        slug = slug_of(path)
        if fmt == "html":
            yield Article(source, *read_html(text, slug))
        else:
            yield Article(source, text, Hints(slug=slug))
    except ExtractorError as error:
        yield Failure(source, error)


def _read_stream(stream: BinaryIO, path: str, max_bytes: int,
                 fmt: str | None = None) -> Iterator[Article | Failure]:
    """stdin or a FIFO: the format (unless the name says it) is sniffed from the head; JSON Lines then
    stream line by line (no limit on the stream, only on each line), any other format is one article."""
    head = stream.read(2048)
    fmt = fmt or sniff_format(head)
    if fmt == "jsonl":
        yield from _read_jsonl(with_head(head, stream), path, max_bytes)
        return
    data = head + stream.read(max_bytes + 1 - len(head))
    yield from read_bytes(data, path, fmt, max_bytes)


def _read_file(path: str, fmt: str | None, max_bytes: int) -> Iterator[Article | Failure]:
    file = Path(path)
    if not file.exists():
        yield Failure({"path": path, "format": fmt or "txt", "sha256": None}, ExtractorError("E_NOT_FOUND"))
        return
    if not file.is_file():      # a FIFO or a device: read as a stream, like stdin
        with file.open("rb") as stream:
            yield from _read_stream(stream, path, max_bytes, fmt)
        return
    try:
        if fmt is None:
            with file.open("rb") as stream:
                fmt = sniff_format(stream.read(2048))
        if fmt == "jsonl":
            with file.open("rb") as stream:
                yield from _read_jsonl(stream, path, max_bytes)
            return
        size = file.stat().st_size
        if size > max_bytes:
            yield Failure({"path": path, "format": fmt, "sha256": None},
                          ExtractorError("E_TOO_LARGE", f"{size} bytes > {max_bytes}"))
            return
        data = file.read_bytes()
    except OSError as error:
        yield Failure({"path": path, "format": fmt or "txt", "sha256": None},
                      ExtractorError("E_READ", error.strerror or str(error)))
        return
    yield from read_bytes(data, path, fmt, max_bytes)


def read_inputs(inputs: list[str], max_bytes: int = DEFAULT_MAX_BYTES, exclude: Iterable[str] = (),
                timeout: float | None = None,
                skipped: Callable[[str], None] | None = None) -> Iterator[Article | Failure]:
    """Every article of every input, each read within the time budget (an HTML page can be slow);
    `skipped` hears of each file of a folder that is not of an input format."""
    for path, fmt, unlisted in discover(inputs, exclude, skipped):
        shown = displayable(path) if path != "-" else "<stdin>"
        fallback = {"path": shown, "format": fmt or "txt", "sha256": None}
        if unlisted is not None:
            reason = unlisted.strerror or str(unlisted)
            yield Failure(fallback, ExtractorError("E_READ", f"the folder cannot be listed: {reason}"))
            continue
        items = _read_stream(sys.stdin.buffer, "<stdin>", max_bytes) if path == "-" else \
            _read_file(path, fmt, max_bytes)
        # A stream (stdin, a FIFO) waits for its producer: that wait is no article's work, so no budget.
        stream = path == "-" or not Path(path).is_file()
        yield from _guarded(items, fallback, None if stream else timeout)


def _guarded(items: Iterator[Article | Failure], fallback: dict,
             timeout: float | None) -> Iterator[Article | Failure]:
    """One input's articles. Anything unexpected while reading becomes the input's failure (E_READ for
    an OSError, E_TIMEOUT over the budget, else E_INTERNAL) after the articles already read, and the
    next input is read."""
    while True:
        try:
            with time_budget(timeout):
                item = next(items, None)
        except OSError as error:
            yield Failure(fallback, ExtractorError("E_READ", error.strerror or str(error)))
            return
        except OverBudget:
            yield Failure(fallback, ExtractorError("E_TIMEOUT", f"reading took over {timeout:g} s"))
            return
        except Exception as error:
            yield Failure(fallback, internal_error(error))
            return
        if item is None:
            return
        item.source["path"] = displayable(item.source["path"])
        yield item
