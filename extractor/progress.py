"""The progress bar of `extractor run`, and the number of articles it counts to when that is cheap to know.

The total comes from a first pass that only lists: `discover` names the files (a text or HTML file is one
article), and a JSON Lines file's lines are counted as bytes, never parsed. Counting reads the files once
more, so it stops past `COUNT_LIMIT` bytes of JSON Lines in all: a bar without a total then, as for stdin
or a FIFO, which cannot be read twice. The reading itself stays lazy; nothing here holds an input.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Iterable

from extractor.inputs import discover
from extractor.readers import sniff_format

COUNT_LIMIT = 200 * 1024**2
_CHUNK = 1 << 20


def count_lines(path: str | Path, limit: int = COUNT_LIMIT) -> int | None:
    """The lines of a regular file (a last line without its newline counts too), or None when the file is
    over `limit` bytes or cannot be read (its reader says why, as that input's error record)."""
    try:
        with open(path, "rb", buffering=0) as stream:
            if os.fstat(stream.fileno()).st_size > limit:
                return None
            lines, last = 0, ord("\n")
            buffer = bytearray(_CHUNK)
            while (size := stream.readinto(buffer)):
                lines += buffer.count(b"\n", 0, size)
                last = buffer[size - 1]
            return lines + (last != ord("\n"))
    except OSError:
        return None


def _articles_in(path: str, fmt: str | None, budget: list[int]) -> int | None:
    """How many articles one listed input gives, if cheap to know; `budget` is the JSON Lines bytes left."""
    if path == "-":
        return None
    file = Path(path)
    if not file.exists():
        return 1                        # its E_NOT_FOUND error record
    if not file.is_file():
        return None                     # a FIFO or a device: read once, by the reader
    if fmt is None:
        try:
            with file.open("rb") as stream:
                fmt = sniff_format(stream.read(2048))
        except OSError:
            return 1                    # its E_READ error record
    if fmt != "jsonl":
        return 1
    size = file.stat().st_size
    if size > budget[0]:
        return None
    budget[0] -= size
    return count_lines(file)


def known_total(inputs: list[str], exclude: Iterable[str] = (), limit: int = COUNT_LIMIT) -> int | None:
    """The articles `inputs` hold (error records included), or None when that is not cheap to know. Blank
    JSON lines are counted, though they give nothing: the bar's total is put right when the run ends."""
    total, budget = 0, [limit]
    try:
        for path, fmt, unlisted in discover(inputs, exclude):
            count = 1 if unlisted is not None else _articles_in(path, fmt, budget)
            if count is None:
                return None
            total += count
    except OSError:
        return None     # a file changed under the first pass: no total; the run says what it meets
    return total


def progress_bar(inputs: list[str], exclude: Iterable[str] = ()):
    """A tqdm bar on stderr, with a total and the time left when the total is known."""
    from tqdm import tqdm

    tqdm.monitor_interval = 0   # its monitor thread would keep worker processes from being forked
    return tqdm(total=known_total(inputs, exclude), unit="article", file=sys.stderr, dynamic_ncols=True)


def finish_bar(bar) -> None:
    """A run that ended normally shows its bar full: the total was an estimate (blank lines)."""
    if bar.total is not None and bar.total != bar.n:
        bar.total = bar.n
        bar.refresh()
