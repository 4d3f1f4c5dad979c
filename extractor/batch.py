"""Many inputs to records and error records: read → extract → write, counting as it goes."""

from __future__ import annotations

import sys
import time
from collections import Counter
from dataclasses import dataclass, field

from extractor.api import extract_one
from extractor.errors import displayable, internal_error
from extractor.readers import DEFAULT_MAX_BYTES, Article, Failure, read_inputs
from extractor.writers import JsonlSink, dumps


@dataclass
class Summary:
    records: int = 0
    errors: Counter = field(default_factory=Counter)
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        return sum(self.errors.values())

    def line(self, errors_to: str) -> str:
        total = self.records + self.failed
        text = f"extractor: {total} article(s), {self.records} record(s), {self.failed} error(s) in {self.seconds:.1f}s"
        if self.failed:
            kinds = ", ".join(f"{code} ×{n}" for code, n in self.errors.most_common())
            text += f" ({kinds}); errors in {errors_to}"
        return text


def _line_of(article: Article | Failure, published: str | None,
             timeout: float | None) -> tuple[str, str | None]:
    """(JSON line, error code or None) for one article: extraction and serialization in one guard, so
    whatever goes wrong (a record past Python's 4,300-digit int limit, a bug) is this article's error."""
    try:
        ok, item = extract_one(article, published, timeout)
        return dumps(item), None if ok else item["error"]["code"]
    except Exception as error:
        failure = {"source": {"path": displayable(str(article.source.get("path"))),
                              "format": article.source.get("format", "txt"), "sha256": None},
                   "error": internal_error(error).as_dict()}
        if "line" in article.source:
            failure["source"]["line"] = article.source["line"]
        return dumps(failure), "E_INTERNAL"


class Interrupted(Exception):
    """Ctrl-C during a batch: the records finished before it are written; the summary says how many."""

    def __init__(self, summary: Summary):
        super().__init__("interrupted")
        self.summary = summary


def run_batch(inputs: list[str], records: JsonlSink, errors: JsonlSink, *, published: str | None = None,
              max_bytes: int = DEFAULT_MAX_BYTES, progress: bool = False, timeout: float | None = None,
              exclude: tuple[str, ...] = ()) -> Summary:
    """Every input to records and error records. Each article is guarded from reading to its JSON line;
    what is finished is always written, also on Ctrl-C (then `Interrupted` carries the summary)."""
    summary = Summary()
    started = time.perf_counter()
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(unit="article", file=sys.stderr, dynamic_ncols=True)
    try:
        for article in read_inputs(inputs, max_bytes, exclude=exclude, timeout=timeout):
            line, code = _line_of(article, published, timeout)
            if code is None:
                records.write_line(line)
                summary.records += 1
            else:
                errors.write_line(line)
                summary.errors[code] += 1
            if bar is not None:
                bar.update(1)
    except KeyboardInterrupt:
        _finish(records, errors, summary, started)
        raise Interrupted(summary) from None
    except BaseException:
        # Not an article's failure (those are records): writing failed, or the process is told to stop.
        # What is finished is still kept where it can be, then the failure goes on up.
        _keep(records, errors)
        raise
    finally:
        if bar is not None:
            bar.close()
    _finish(records, errors, summary, started)
    return summary


def _keep(*sinks: JsonlSink) -> None:
    for sink in sinks:
        try:
            sink.close()
        except Exception:
            sink.abandon()


def _finish(records: JsonlSink, errors: JsonlSink, summary: Summary, started: float) -> None:
    records.close()
    errors.close()
    summary.seconds = time.perf_counter() - started
