"""The same extraction on a Dask cluster: inputs read in partitions by the workers, records written as
partitioned JSON Lines.

The client lists the inputs and cuts them into partitions of about `per_partition` articles: a text or
HTML file is one article, a JSON Lines file is cut into runs of lines. A partition is read and extracted
by one worker (which loads the pipeline once, on its first partition) and handed back to the client, which
writes it as `part-NNNNN.jsonl` (records) and `errors-NNNNN.jsonl` (error records), each under a temporary
name renamed when complete. Partitions are numbered in input order, so the parts read in name order are
the records of `extractor run --jobs 1`, in the same order.

Workers and client must see the inputs at the same paths (a shared filesystem). Dask runs tasks on worker
threads, where no per-article timer can fire, so `--timeout` does not apply here.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Callable, Iterator, NamedTuple

from extractor.batch import Line, Summary, article_line, write_line
from extractor.errors import ExtractorError
from extractor.inputs import discover
from extractor.readers import DEFAULT_MAX_BYTES, Failure, read_inputs
from extractor.writers import JsonlSink



class Unit(NamedTuple):
    """A piece of one input: a whole file (first None), or a JSON Lines file's lines first..last (last
    None: to its end); `unlisted` says why a folder could not be listed."""
    path: str
    first: int | None = None
    last: int | None = None
    unlisted: str | None = None


def _line_count(path: str) -> int | None:
    """A JSON Lines file's lines, as the reader numbers them; None for UTF-16, whose newlines are not
    b"\\n" bytes (such a file stays whole)."""
    try:
        with open(path, "rb") as stream:
            if stream.read(2) in (b"\xff\xfe", b"\xfe\xff"):
                return None
            stream.seek(0)
            return sum(1 for _ in stream)
    except OSError:
        return None         # the reader says why, as that input's error record


def _units(inputs: list[str], per_partition: int,
           skipped: Callable[[str], None] | None) -> Iterator[tuple[Unit, int]]:
    """Every unit of work and its weight in articles."""
    for path, fmt, unlisted in discover(inputs, skipped=skipped):
        if unlisted is not None:
            yield Unit(path, unlisted=unlisted.strerror or str(unlisted)), 1
            continue
        lines = _line_count(path) if fmt == "jsonl" else None
        if not lines or lines <= per_partition:
            yield Unit(path), lines or 1
            continue
        for first in range(1, lines + 1, per_partition):
            last = first + per_partition - 1
            yield Unit(path, first, last if last < lines else None), min(per_partition, lines - first + 1)


def partition_inputs(inputs: list[str], per_partition: int = 64,
                     skipped: Callable[[str], None] | None = None) -> list[list[Unit]]:
    """The inputs as partitions of about `per_partition` articles each, in input order; `skipped` hears of
    each file of a folder that is of no input format."""
    partitions: list[list[Unit]] = [[]]
    weight = 0
    for unit, size in _units(inputs, per_partition, skipped):
        if partitions[-1] and weight + size > per_partition:
            partitions.append([])
            weight = 0
        partitions[-1].append(unit)
        weight += size
    return [part for part in partitions if part]


def _read_unit(unit: Unit, max_bytes: int, timeout: float | None):
    path, first, last, unlisted = unit
    if unlisted is not None:
        source = {"path": path, "format": "txt", "sha256": None}
        yield Failure(source, ExtractorError("E_READ", f"the folder cannot be listed: {unlisted}"))
        return
    for item in read_inputs([path], max_bytes, timeout=timeout):
        line = item.source.get("line")
        if first is None or (line is None and first == 1) or (line is not None and line >= first):
            if line is not None and last is not None and line > last:
                return
            yield item


def _extract_partition(groups, published: str | None, max_bytes: int,
                       timeout: float | None) -> list[Line]:
    """Runs on a worker: a partition's (JSON line, error code or None, fact metrics), in input order. A
    partition of the bag holds one group of units."""
    units = [unit for group in groups for unit in group]
    items = itertools.chain.from_iterable(_read_unit(unit, max_bytes, timeout) for unit in units)
    return [article_line(item, published, timeout) for item in items]


def _write_partition(out_dir: Path, number: int, lines: list[Line], summary: Summary) -> None:
    records = JsonlSink(str(out_dir / f"part-{number:05d}.jsonl"), None)
    errors = JsonlSink(str(out_dir / f"errors-{number:05d}.jsonl"), None)
    for line, code, metrics in lines:
        write_line(line, code, records, errors, summary, metrics)
    records.close()
    errors.close()


def run_on_dask(inputs: list[str], out_dir: str, client, *, published: str | None = None,
                max_bytes: int = DEFAULT_MAX_BYTES, timeout: float | None = None,
                per_partition: int = 64) -> Summary:
    """Every input extracted on the cluster behind `client` (a `dask.distributed.Client`); records in
    `out_dir/part-NNNNN.jsonl`, error records in `out_dir/errors-NNNNN.jsonl`, one pair per partition."""
    import time

    import dask.bag as db
    from dask.distributed import as_completed

    started = time.perf_counter()
    summary = Summary()
    partitions = partition_inputs(inputs, per_partition, summary.skip_file)
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    if partitions:
        bag = db.from_sequence(partitions, npartitions=len(partitions)).map_partitions(
            _extract_partition, published, max_bytes, timeout)
        futures = client.compute(bag.to_delayed())
        number = {future: n for n, future in enumerate(futures)}
        for future in as_completed(futures):
            _write_partition(folder, number[future], future.result(), summary)
            future.release()        # its lines are written: the cluster may forget them
    summary.seconds = time.perf_counter() - started
    return summary
