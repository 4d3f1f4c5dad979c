"""Loads the data files in `extractor/data/` and the bundled schemas and corpus.

Every data file is UTF-8 text: a header of `#` comment lines saying what it is and why, then one entry
per line (TSV where a file has columns). Entries are NFC-normalised and checked on load, so a typo in a
lexicon fails loudly at start-up instead of silently matching nothing.
"""

from __future__ import annotations

import functools
import unicodedata
from pathlib import Path


DATA_DIR = Path(__file__).parent / "data"
_PACKAGE_DIR = Path(__file__).parent
_REPO_DIR = _PACKAGE_DIR.parent


class ResourceError(ValueError):
    """A data file is malformed."""


def _entries(name: str) -> list[tuple[int, str]]:
    path = DATA_DIR / name
    rows = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = unicodedata.normalize("NFC", raw.rstrip())
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append((number, line))
    if not rows:
        raise ResourceError(f"{name}: no entries")
    return rows


@functools.cache
def load_list(name: str) -> tuple[str, ...]:
    """One entry per line; duplicates are an error (a list typed twice drifts apart)."""
    seen: dict[str, int] = {}
    for number, line in _entries(name):
        entry = line.strip()
        if entry in seen:
            raise ResourceError(f"{name}:{number}: duplicate of line {seen[entry]}: {entry!r}")
        seen[entry] = number
    return tuple(seen)


@functools.cache
def load_table(name: str, columns: int) -> tuple[tuple[str, ...], ...]:
    """TSV rows with exactly `columns` fields."""
    rows = []
    for number, line in _entries(name):
        fields = tuple(f.strip() for f in line.split("\t"))
        if len(fields) != columns or not all(fields):
            raise ResourceError(f"{name}:{number}: expected {columns} tab-separated fields: {line!r}")
        rows.append(fields)
    return tuple(rows)


def bundled_path(name: str) -> Path:
    """`schemas` or `corpus`: the repository's copy in a checkout, the wheel's copy when installed."""
    for base in (_REPO_DIR, _PACKAGE_DIR / "_bundled"):
        candidate = base / name
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"bundled folder {name!r} not found")
