"""Which files are inputs: the paths given, and the files of the folders given, in a stable order."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Iterable, Iterator

SUFFIXES = {".txt": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}


def _files_in(folder: Path) -> tuple[list[Path], list[OSError]]:
    """Every file under `folder`, in a stable order, and the sub-folders that could not be listed."""
    unlisted: list[OSError] = []
    files = [Path(top) / name for top, _, names in os.walk(folder, onerror=unlisted.append) for name in names]
    return sorted(f for f in files if f.is_file()), unlisted


def discover(inputs: list[str], exclude: Iterable[str] = (),
             skipped: Callable[[str], None] | None = None) -> Iterator[tuple[str, str | None, OSError | None]]:
    """(path, format, why it cannot be listed) for every input; folders recursively, in a stable order;
    `-` is stdin. Files in `exclude` (this run's outputs) are never read back when they lie inside an
    input folder; a folder that cannot be listed is said, not skipped silently, and a file of a folder
    whose name is not of an input format is handed to `skipped`, so the summary can count it."""
    skip = {os.path.realpath(p) for p in exclude}
    for item in inputs:
        path = Path(item)
        if item == "-":
            yield "-", None, None
        elif path.is_dir():
            files, unlisted = _files_in(path)
            for error in unlisted:
                yield str(error.filename or path), None, error
            for child in files:
                if os.path.realpath(child) in skip:
                    continue
                if child.suffix.lower() in SUFFIXES:
                    yield str(child), SUFFIXES[child.suffix.lower()], None
                elif skipped is not None:
                    skipped(str(child))
        else:
            yield item, SUFFIXES.get(path.suffix.lower()), None
