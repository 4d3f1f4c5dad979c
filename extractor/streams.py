"""Byte streams read line by line with a limit per line, so a JSON Lines input of any length streams and
one oversized line costs only itself (never the memory of the whole line, never the lines after it)."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from typing import BinaryIO, Iterator

_CHUNK = 1 << 20


@dataclass(frozen=True)
class Line:
    data: bytes        # the line without its newline; only the first `limit + 1` bytes when oversized
    size: int          # the whole line's size in bytes, without the newline
    sha256: str        # of the whole line's bytes, without the newline
    oversized: bool


def bounded_lines(stream: BinaryIO, limit: int) -> Iterator[Line]:
    """Every line of `stream`; a line over `limit` bytes is hashed and measured while it is skipped."""
    while True:
        data = stream.readline(limit + 2)
        if not data:
            return
        if data.endswith(b"\n") or len(data) <= limit:
            data = data[:-1] if data.endswith(b"\n") else data
            yield Line(data, len(data), hashlib.sha256(data).hexdigest(), False)
            continue
        digest, size = hashlib.sha256(data), len(data)
        while not data.endswith(b"\n"):
            data = stream.readline(_CHUNK)
            if not data:
                break
            body = data[:-1] if data.endswith(b"\n") else data
            digest.update(body)
            size += len(body)
        yield Line(b"", size, digest.hexdigest(), True)


class _HeadThenRest(io.RawIOBase):
    """The bytes already read to sniff a stream's format, then the rest of the stream."""

    def __init__(self, head: bytes, rest: BinaryIO):
        self._head, self._rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        read = getattr(self._rest, "read1", self._rest.read)
        data = read(len(buffer))
        buffer[:len(data)] = data
        return len(data)


def with_head(head: bytes, rest: BinaryIO) -> BinaryIO:
    """One stream of `head` followed by `rest` (stdin cannot seek back after sniffing)."""
    return io.BufferedReader(_HeadThenRest(head, rest))


class _Utf8FromText(io.RawIOBase):
    """A text stream's characters as UTF-8 bytes."""

    def __init__(self, text: io.TextIOBase):
        self._text, self._pending = text, b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self._pending:
            chunk = self._text.read(8192)
            if not chunk:
                return 0
            self._pending = chunk.encode("utf-8", "surrogatepass")
        n = min(len(buffer), len(self._pending))
        buffer[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n


def as_utf8(stream: BinaryIO) -> BinaryIO:
    """`stream` with a UTF-16 byte-order mark re-encoded as UTF-8 (JSON Lines are split on b"\\n", which
    UTF-16 spells in two bytes); any other stream as it is."""
    head = stream.read(2)
    stream = with_head(head, stream)
    if head not in (b"\xff\xfe", b"\xfe\xff"):
        return stream
    return io.BufferedReader(_Utf8FromText(io.TextIOWrapper(stream, encoding="utf-16", errors="replace",
                                                             newline="")))
