"""Many inputs to records and error records: read → extract → write, counting as it goes."""

from __future__ import annotations

import functools
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterator

import regex

from extractor.api import extract_one
from extractor.errors import displayable, internal_error
from extractor.readers import DEFAULT_MAX_BYTES, Article, Failure, read_inputs
from extractor.resources import load_list
from extractor.resume import Resumption, skip_done
from extractor.writers import JsonlSink, dumps

_SHA256 = regex.compile(r"^[0-9a-f]{64}$")


@dataclass
class Summary:
    records: int = 0
    errors: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    resumed: int = 0            # articles skipped because an earlier run wrote them (--resume)

    @property
    def failed(self) -> int:
        return sum(self.errors.values())

    def line(self, errors_to: str) -> str:
        total = self.records + self.failed
        text = f"extractor: {total} article(s), {self.records} record(s), {self.failed} error(s) in {self.seconds:.1f}s"
        if self.failed:
            kinds = ", ".join(f"{code} ×{n}" for code, n in self.errors.most_common())
            text += f" ({kinds}); errors in {errors_to}"
        if self.resumed:
            text += f"; {self.resumed} article(s) done by an earlier run were skipped"
        return text


def article_line(article: Article | Failure, published: str | None,
                 timeout: float | None) -> tuple[str, str | None]:
    """(JSON line, error code or None) for one article: extraction and serialization in one guard, so
    whatever goes wrong (a record past Python's 4,300-digit int limit, a bug) is this article's error."""
    try:
        ok, item = extract_one(article, published, timeout)
        return dumps(item), None if ok else item["error"]["code"]
    except Exception as error:
        return _internal_line(article, error)


def _internal_line(article: Article | Failure, error: BaseException) -> tuple[str, str]:
    """The E_INTERNAL error line of an article whose extraction failed unexpectedly (or whose worker
    process died). The input's hash is kept when it is one, so `--resume` knows the article is done."""
    sha = article.source.get("sha256")
    failure = {"source": {"path": displayable(str(article.source.get("path"))),
                          "format": article.source.get("format", "txt"),
                          "sha256": sha if isinstance(sha, str) and _SHA256.match(sha) else None},
               "error": internal_error(error).as_dict()}
    if "line" in article.source:
        failure["source"]["line"] = article.source["line"]
    return dumps(failure), "E_INTERNAL"


def _lines(articles: Iterator[Article | Failure], published: str | None, timeout: float | None,
           jobs: int) -> Iterator[tuple[str, str | None]]:
    """Each article's line, in input order: here, or by `jobs` worker processes."""
    if jobs <= 1:
        for article in articles:
            yield article_line(article, published, timeout)
        return
    from extractor.parallel import map_in_order, start_method

    if start_method() == "fork":
        _warm()     # forked workers then share the loaded models instead of each loading them
    # A Failure needs no pipeline (its line is made here at once), and its coded error does not pickle.
    yield from map_in_order(functools.partial(article_line, published=published, timeout=timeout), articles, jobs,
                            crashed=_internal_line, local=lambda item: isinstance(item, Failure))


def _warm() -> None:
    """One article of our own through every stage (data/warm_up.txt), so that what loads lazily is loaded."""
    text = "\n".join(load_list("warm_up.txt"))
    extract_one(Article({"path": "<warm-up>", "format": "txt", "sha256": None}, text))


class Interrupted(Exception):
    """Ctrl-C during a batch: the records finished before it are written; the summary says how many."""

    def __init__(self, summary: Summary):
        super().__init__("interrupted")
        self.summary = summary


def run_batch(inputs: list[str], records: JsonlSink, errors: JsonlSink, *, published: str | None = None,
              max_bytes: int = DEFAULT_MAX_BYTES, progress: bool = False, timeout: float | None = None,
              exclude: tuple[str, ...] = (), jobs: int = 1, resumption: Resumption | None = None) -> Summary:
    """Every input to records and error records, in input order, by `jobs` processes. Each article is
    guarded from reading to its JSON line; what is finished is always written, also on Ctrl-C (then
    `Interrupted` carries the summary). With a `resumption`, the articles it holds are skipped."""
    summary = Summary()
    started = time.perf_counter()
    articles = read_inputs(inputs, max_bytes, exclude=exclude, timeout=timeout)
    if resumption is not None:
        articles = skip_done(articles, resumption.done, lambda: setattr(summary, "resumed", summary.resumed + 1))
    bar = None
    if progress:
        from tqdm import tqdm

        tqdm.monitor_interval = 0   # its monitor thread would keep worker processes from being forked
        bar = tqdm(unit="article", file=sys.stderr, dynamic_ncols=True)
    lines = _lines(articles, published, timeout, jobs)
    try:
        for line, code in lines:
            write_line(line, code, records, errors, summary)
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
        lines.close()       # stops the worker processes, whatever ended the loop
        if bar is not None:
            bar.close()
    _finish(records, errors, summary, started)
    return summary


def write_line(line: str, code: str | None, records: JsonlSink, errors: JsonlSink, summary: Summary) -> None:
    """An article's line to the records or, with an error code, to the errors; counted."""
    if code is None:
        records.write_line(line)
        summary.records += 1
    else:
        errors.write_line(line)
        summary.errors[code] += 1


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
