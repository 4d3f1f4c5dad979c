"""JSON Lines out. A file is written under a temporary name of its own (unique per run, so two runs with
the same `-o` never share one) and renamed when complete, so a crash never leaves a half-written output
that looks finished."""

from __future__ import annotations

import glob
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import IO

from extractor.errors import displayable


def dumps(item: dict) -> str:
    """One JSON line. A lone surrogate left in a string is written as its `\\udfff` escape (valid JSON that
    reads back to the same string) instead of failing the UTF-8 encoding of the whole output."""
    return displayable(json.dumps(item, ensure_ascii=False, separators=(",", ":")))


def output_problem(path: str) -> str | None:
    """Why records cannot be written to `path`, checked before any work; None when they can."""
    target = Path(path)
    if target.is_dir():
        return f"{path} is a folder"
    if path.endswith(("/", os.sep)):        # Path() drops the slash: a folder is meant, even one not made yet
        return f"{path} names a folder (it ends in /)"
    if target.exists() and not os.access(target, os.W_OK):
        return f"{path} is not writable"
    parent = target.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir() or not os.access(parent, os.W_OK | os.X_OK):
        return f"cannot create files in {parent}"
    return None


class JsonlSink:
    """stdout/stderr (path None) or a file written atomically. A file that gets no line is still written,
    empty, unless `keep_empty` is false: then there is none (and an earlier run's file there is removed,
    as this run's empty one would have replaced it)."""

    def __init__(self, path: str | None, fallback: IO[str], keep_empty: bool = True):
        self.path = Path(path) if path else None
        self._partial: Path | None = None
        self._stream: IO[str] | None = None
        self._fallback = fallback
        self.keep_empty = keep_empty
        self.count = 0

    def _open(self) -> None:
        if self.path is None:
            self._stream = self._fallback
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        _remove_orphans(self.path)
        handle, name = tempfile.mkstemp(prefix=f".{self.path.name}.{os.getpid()}.", suffix=".partial",
                                        dir=self.path.parent)
        self._partial = Path(name)
        # Each line is flushed as it is written: a killed run's partial then holds every finished line,
        # which `--resume` takes in (see extractor/resume.py).
        self._stream = os.fdopen(handle, "w", encoding="utf-8", newline="\n", buffering=1)

    def write_line(self, line: str) -> None:
        if self._stream is None:
            self._open()
        self._stream.write(line + "\n")
        self.count += 1

    def write(self, item: dict) -> None:
        self.write_line(dumps(item))

    def close(self) -> None:
        """Finish the file (when nothing was written: an empty one, or none without `keep_empty`)."""
        if self.path is None:
            if self._stream is not None:
                self._stream.flush()
            return
        if self._stream is None:
            if not self.keep_empty:
                self.path.unlink(missing_ok=True)
                return
            self._open()
        self._stream.close()
        os.chmod(self._partial, 0o666 & ~_umask())   # mkstemp makes 0600; an output is an ordinary file
        os.replace(self._partial, self.path)

    def abandon(self) -> None:
        if self._partial is not None and self._stream is not None:
            self._stream.close()
            self._partial.unlink(missing_ok=True)


class AppendingSink(JsonlSink):
    """A file appended to in place, one flushed line at a time (`--resume`): a run killed at any moment
    leaves every line it finished and at most one torn last line, which resuming cuts off. Without
    `keep_empty`, a file that gets no line is not made, and one that exists is kept (earlier runs' lines)."""

    def _open(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._stream = open(self.path, "a", encoding="utf-8", newline="\n", buffering=1)

    def close(self) -> None:
        if self._stream is None:
            if not self.keep_empty:
                return
            self._open()
        self._stream.close()

    def abandon(self) -> None:
        if self._stream is not None:
            self._stream.close()


def dead_partials(path: Path) -> list[Path]:
    """Temporary files of earlier runs to `path` whose process is gone (killed, so it never renamed or
    removed them): a run names its temporary file with its process id, so a live run's is never listed."""
    orphans = []
    for orphan in path.parent.glob(f".{glob.escape(path.name)}.*.partial"):
        pid = orphan.name[len(path.name) + 2:].split(".", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            orphans.append(orphan)
    return orphans


def _remove_orphans(path: Path) -> None:
    for orphan in dead_partials(path):
        orphan.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:         # another user's process: alive
        return True
    return True


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def stdout_sink(path: str | None) -> JsonlSink:
    return JsonlSink(path, sys.stdout)
