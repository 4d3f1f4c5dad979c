"""`--resume`: a run killed at any moment and started again ends with every article exactly once.

With `--resume`, OUT and the errors file are appended to in place, one flushed line at a time, so what a
killed run finished survives it, torn at most in its last line. Starting again, each file is first made
whole: the torn last line is cut off, and the finished lines of a killed run without `--resume` (its
`.OUT.PID.*.partial`, whose process is gone) are taken in. Then every article already there, known by its
source (path, sha256, line), is skipped, and the rest is appended in input order.

Taking in a killed run's partial must itself survive a kill, so it is idempotent: an article's lines are
counted per file, and a file taken in adds an article's lines only beyond the count already kept (the same
article written by both runs is kept once; an input given twice, twice).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from extractor.writers import dead_partials

Key = tuple


@dataclass
class Resumption:
    """What the earlier runs finished: each article's source key, how many of its lines are kept."""
    done: Counter = field(default_factory=Counter)
    records: int = 0
    errors: int = 0
    lock: object = None     # the open lock file that keeps other runs from resuming the same OUT

    def release(self) -> None:
        if self.lock is not None:
            _HELD.discard(self.lock)
            self.lock.close()
            self.lock = None


def source_key(source: dict) -> Key:
    return source.get("path"), source.get("sha256"), source.get("line")


def _line_key(raw: bytes) -> Key | None:
    try:
        item = json.loads(raw)
        return source_key(item["source"])
    except (ValueError, KeyError, TypeError, AttributeError):
        return None         # not ours: kept as it is, and it marks no article done


def _complete_lines(path: Path) -> Iterator[bytes]:
    """Every line that ends in a newline; a killed writer's torn last line has none."""
    with path.open("rb") as stream:
        for raw in stream:
            if not raw.endswith(b"\n"):
                return
            yield raw


def recover(path: Path) -> Counter:
    """Make `path` whole (torn line cut, killed runs' partials taken in) and count its articles."""
    kept: Counter = Counter()
    size = 0
    if path.exists():
        for raw in _complete_lines(path):
            kept[_line_key(raw)] += 1
            size += len(raw)
    orphans = dead_partials(path)
    if orphans:
        _take_in(path, size, orphans, kept)
    elif path.exists() and path.stat().st_size != size:
        with path.open("r+b") as stream:
            stream.truncate(size)
    for orphan in orphans:
        orphan.unlink(missing_ok=True)
    return kept


def _take_in(path: Path, size: int, orphans: list[Path], kept: Counter) -> None:
    """`path`'s first `size` bytes and the orphans' lines it lacks, written beside it and renamed over it
    (a kill before the rename leaves everything as it was; after it, taking in again adds nothing)."""
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".partial", dir=path.parent)
    with os.fdopen(handle, "wb") as out:
        if size:
            with path.open("rb") as old:
                out.write(old.read(size))
        for orphan in sorted(orphans, key=lambda p: p.stat().st_mtime):
            seen: Counter = Counter()
            for raw in _complete_lines(orphan):
                key = _line_key(raw)
                seen[key] += 1
                if seen[key] > kept[key]:
                    out.write(raw)
                    kept[key] += 1
        out.flush()
        os.fsync(out.fileno())
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask()
    os.chmod(name, mode)
    os.replace(name, path)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


class ResumeBusy(Exception):
    """Another live run is resuming the same OUT: two appending at once would write articles twice."""


_HELD: set = set()   # this process's open lock handles


def _drop_inherited_locks() -> None:
    """In a forked worker: close the copies of the locks, so that they stay the parent's alone and a parent
    killed outright releases them at once (a flock lives while any copy of its descriptor is open)."""
    for handle in list(_HELD):
        handle.close()
    _HELD.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_drop_inherited_locks)


def _hold_lock(records_path: Path):
    """One resuming run at a time per OUT: an exclusive lock on OUT itself (made, empty, if it is not there
    yet: a resumed run writes it anyway), held by the returned handle until it is closed
    (`Resumption.release`) or the process ends however it ends (a kill included: the system releases it),
    so no stale lock and no lock file is ever left."""
    try:
        import fcntl
    except ImportError:        # no POSIX locks (Windows): one run at a time stays the user's rule
        return None
    records_path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(records_path, "a")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        raise ResumeBusy(f"another run is resuming {records_path} now (one run at a time per OUT)") from None
    _HELD.add(handle)
    return handle


def resume(records_path: str, errors_path: str) -> Resumption:
    """Both outputs made whole; the articles they hold. Raises ResumeBusy while another run resumes OUT."""
    lock = _hold_lock(Path(records_path))
    try:
        records, errors = recover(Path(records_path)), recover(Path(errors_path))
        lock = _locked_after_take_in(lock, Path(records_path))
    except BaseException:
        Resumption(lock=lock).release()
        raise
    return Resumption(records + errors, sum(records.values()), sum(errors.values()), lock)


def _locked_after_take_in(lock, records_path: Path):
    """Taking in a killed run's partial renames a new file over OUT: the lock moves to it (whoever opened
    the new file first holds it; the other run is then refused)."""
    if lock is None or os.fstat(lock.fileno()).st_ino == os.stat(records_path).st_ino:
        return lock
    moved = _hold_lock(records_path)
    Resumption(lock=lock).release()
    return moved


def skip_done(items: Iterable, done: Counter, on_skip: Callable[[], None]) -> Iterator:
    """The items whose lines are not kept yet (an item given n times is skipped as often as it is kept)."""
    for item in items:
        key = source_key(item.source)
        if done[key] > 0:
            done[key] -= 1
            on_skip()
            continue
        yield item
