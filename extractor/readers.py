"""Inputs to articles: files, folders, stdin; plain text, HTML pages, JSON Lines.

Each input yields `Article`s or `Failure`s, never an exception: one bad file or line must not stop a
batch. Bytes are decoded by BOM, then strict UTF-8, then a charset detector for legacy encodings
(Windows-1258 and friends), and always normalised to NFC.
"""

from __future__ import annotations

import hashlib
import json
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Iterator
from urllib.parse import urlparse

import charset_normalizer
import regex

from extractor.errors import ExtractorError
from extractor.html_reader import read_html
from extractor.meta import Hints

SUFFIXES = {".txt": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ISO_DAY = regex.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.+\-Z]*)?$")
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


def _iso_day(value) -> str | None:
    match = _ISO_DAY.match(value.strip()) if isinstance(value, str) else None
    return match.group(1) if match else None


def _jsonl_article(raw: bytes, path: str, number: int, max_bytes: int) -> Article | Failure | None:
    """One JSON line to an article; None for a blank line."""
    source = {"path": path, "format": "jsonl", "sha256": sha256(raw), "line": number}
    if len(raw) > max_bytes:
        return Failure(source, ExtractorError("E_TOO_LARGE", f"line of {len(raw)} bytes > {max_bytes}"))
    try:
        line = decode(raw) if raw.strip() else ""
    except ExtractorError as error:
        return Failure(source, error) if error.code != "E_EMPTY" else None
    if not line.strip():
        return None
    try:
        item = json.loads(line)
    except json.JSONDecodeError as error:
        return Failure(source, ExtractorError("E_JSONL_LINE", f"not JSON: {error.msg} at column {error.colno}"))
    if not isinstance(item, dict) or not isinstance(item.get("text"), str) or not item["text"].strip():
        return Failure(source, ExtractorError("E_JSONL_LINE", 'no non-empty "text" field'))
    url = item.get("url") if isinstance(item.get("url"), str) else None
    published = _iso_day(item.get("published"))
    title = item.get("title") if isinstance(item.get("title"), str) and item["title"].strip() else None
    hints = Hints(title=unicodedata.normalize("NFC", title.strip()) if title else None,
                  published=published, published_from="input" if published else None,
                  slug=slug_of(urlparse(url).path) if url else None)
    return Article(source, unicodedata.normalize("NFC", item["text"]), hints)


def _read_jsonl(lines, path: str, max_bytes: int) -> Iterator[Article | Failure]:
    """JSON Lines, one article a line: the size limit is per article, so a feed of any length streams."""
    for number, raw in enumerate(lines, 1):
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        item = _jsonl_article(raw.rstrip(b"\r\n"), path, number, max_bytes)
        if item is not None:
            yield item


def sniff_format(data: bytes) -> str:
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<div", b"<article", b"<meta")):
        return "html"
    if head.startswith(b"{"):
        return "jsonl"
    return "txt"


def read_bytes(data: bytes, path: str, fmt: str, max_bytes: int) -> Iterator[Article | Failure]:
    """One input's bytes to articles; every problem becomes a Failure with the input's source.
    The size limit is per article: a whole file for text and HTML, a line for JSON Lines."""
    if fmt == "jsonl":
        yield from _read_jsonl(data.split(b"\n"), path, max_bytes)
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


def discover(inputs: list[str]) -> Iterator[tuple[str, str | None]]:
    """(path, format) for every input; folders recursively, in a stable order; `-` is stdin."""
    for item in inputs:
        path = Path(item)
        if item == "-":
            yield "-", None
        elif path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in SUFFIXES:
                    yield str(child), SUFFIXES[child.suffix.lower()]
        else:
            yield item, SUFFIXES.get(path.suffix.lower())


def read_inputs(inputs: list[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | Failure]:
    for path, fmt in discover(inputs):
        if path == "-":
            data = sys.stdin.buffer.read(max_bytes + 1)
            yield from read_bytes(data, "<stdin>", sniff_format(data), max_bytes)
            continue
        file = Path(path)
        if not file.is_file():
            yield Failure({"path": path, "format": fmt or "txt", "sha256": None},
                          ExtractorError("E_NOT_FOUND"))
            continue
        if fmt is None:
            with file.open("rb") as stream:
                fmt = sniff_format(stream.read(2048))
        if fmt == "jsonl":
            try:
                with file.open("rb") as stream:
                    yield from _read_jsonl(stream, path, max_bytes)
            except OSError as error:
                yield Failure({"path": path, "format": "jsonl", "sha256": None},
                              ExtractorError("E_READ", error.strerror or str(error)))
            continue
        try:
            size = file.stat().st_size
            if size > max_bytes:
                yield Failure({"path": path, "format": fmt or "txt", "sha256": None},
                              ExtractorError("E_TOO_LARGE", f"{size} bytes > {max_bytes}"))
                continue
            data = file.read_bytes()
        except OSError as error:
            yield Failure({"path": path, "format": fmt or "txt", "sha256": None},
                          ExtractorError("E_READ", error.strerror or str(error)))
            continue
        yield from read_bytes(data, path, fmt, max_bytes)
