"""Many inputs to records and error records: read → extract → write, counting as it goes."""

from __future__ import annotations

import functools
import time
from typing import Iterator

import regex

from extractor.api import extract_one, warm_up
from extractor.errors import displayable, internal_error
from extractor.progress import finish_bar, progress_bar
from extractor.readers import DEFAULT_MAX_BYTES, Article, Failure, read_inputs
from extractor.resume import Resumption, skip_done
from extractor.summary import Summary
from extractor.writers import JsonlSink, dumps

__all__ = ["Interrupted", "Summary", "article_line", "run_batch", "write_line"]

_SHA256 = regex.compile(r"^[0-9a-f]{64}$")


Line = tuple[str, str | None, tuple[str, ...]]   # JSON line, error code or None, fact metrics


def article_line(article: Article | Failure, published: str | None, timeout: float | None) -> Line:
    """(JSON line, error code or None, the record's fact metrics) for one article: extraction and
    serialization in one guard, so whatever goes wrong (a record past Python's 4,300-digit int limit, a
    bug) is this article's error. The metrics travel beside the line so the summary can count facts
    without parsing the line again (in the main process, when workers extract)."""
    try:
        ok, item = extract_one(article, published, timeout)
        if not ok:
            return dumps(item), item["error"]["code"], ()
        return dumps(item), None, tuple(f["metric"] for f in item["facts"] if f["metric"] != "other")
    except Exception as error:
        return _internal_line(article, error)


def _internal_line(article: Article | Failure, error: BaseException) -> Line:
    """The E_INTERNAL error line of an article whose extraction failed unexpectedly (or whose worker
    process died). The input's hash is kept when it is one, so `--resume` knows the article is done."""
    sha = article.source.get("sha256")
    failure = {"source": {"path": displayable(str(article.source.get("path"))),
                          "format": article.source.get("format", "txt"),
                          "sha256": sha if isinstance(sha, str) and _SHA256.match(sha) else None},
               "error": internal_error(error).as_dict()}
    if "line" in article.source:
        failure["source"]["line"] = article.source["line"]
    return dumps(failure), "E_INTERNAL", ()


def _lines(articles: Iterator[Article | Failure], published: str | None, timeout: float | None,
           jobs: int) -> Iterator[Line]:
    """Each article's line, in input order: here, or by `jobs` worker processes."""
    if jobs <= 1:
        for article in articles:
            yield article_line(article, published, timeout)
        return
    from extractor.parallel import map_in_order, start_method

    if start_method() == "fork":
        warm_up()     # forked workers then share the loaded models instead of each loading them
    # A Failure needs no pipeline (its line is made here at once), and its coded error does not pickle.
    yield from map_in_order(functools.partial(article_line, published=published, timeout=timeout), articles, jobs,
                            crashed=_internal_line, local=lambda item: isinstance(item, Failure))


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
    bar = progress_bar(inputs, exclude) if progress else None
    articles = read_inputs(inputs, max_bytes, exclude=exclude, timeout=timeout, skipped=summary.skip_file)
    if resumption is not None:
        articles = skip_done(articles, resumption.done, functools.partial(_resumed, summary, bar))
    lines = _lines(articles, published, timeout, jobs)
    try:
        for line, code, metrics in lines:
            write_line(line, code, records, errors, summary, metrics)
            if bar is not None:
                bar.update(1)
        if bar is not None:
            finish_bar(bar)
    except KeyboardInterrupt:
        _finish(records, errors, summary, started)
        raise Interrupted(summary) from None
    except BaseException:
        # Not an article's failure (those are records): writing failed, stdout's reader went away, or the
        # process is told to stop. What is finished is still kept where it can be, then the failure goes on up.
        _keep(records, errors)
        raise
    finally:
        lines.close()       # stops the worker processes, whatever ended the loop
        if bar is not None:
            bar.close()
    _finish(records, errors, summary, started)
    return summary


def _resumed(summary: Summary, bar) -> None:
    """An article an earlier run finished: counted, and its step of the bar taken (the total holds it)."""
    summary.resumed += 1
    if bar is not None:
        bar.update(1)


def write_line(line: str, code: str | None, records: JsonlSink, errors: JsonlSink, summary: Summary,
               metrics: tuple[str, ...] = ()) -> None:
    """An article's line to the records or, with an error code, to the errors; counted, with its facts."""
    if code is None:
        records.write_line(line)
        summary.records += 1
        summary.count_facts(metrics)
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
