"""JSON Lines out. A file is written under a temporary name and renamed when complete, so a crash
never leaves a half-written output that looks finished."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import IO


def dumps(item: dict) -> str:
    return json.dumps(item, ensure_ascii=False, separators=(",", ":"))


class JsonlSink:
    """stdout/stderr (path None) or a file written atomically."""

    def __init__(self, path: str | None, fallback: IO[str]):
        self.path = Path(path) if path else None
        self._partial = self.path.with_name(self.path.name + ".partial") if self.path else None
        self._stream: IO[str] | None = None
        self._fallback = fallback
        self.count = 0

    def write(self, item: dict) -> None:
        if self._stream is None:
            if self._partial is not None:
                self._partial.parent.mkdir(parents=True, exist_ok=True)
                self._stream = self._partial.open("w", encoding="utf-8", newline="\n")
            else:
                self._stream = self._fallback
        self._stream.write(dumps(item) + "\n")
        self.count += 1

    def close(self) -> None:
        """Finish the file (an empty one when nothing was written, so the output always exists)."""
        if self._partial is None:
            if self._stream is not None:
                self._stream.flush()
            return
        if self._stream is None:
            self._stream = self._partial.open("w", encoding="utf-8")
        self._stream.close()
        os.replace(self._partial, self.path)

    def abandon(self) -> None:
        if self._partial is not None and self._stream is not None:
            self._stream.close()
            self._partial.unlink(missing_ok=True)


def stdout_sink(path: str | None) -> JsonlSink:
    return JsonlSink(path, sys.stdout)
